/** A timeline as the API's JSON text: the summary serialised here, the events as the database wrote them. */
import type { TrackingService } from './service.ts';

export type Timeline = Awaited<ReturnType<TrackingService['timeline']>>;

/** The timeline answer's body; `events` comes last, after the summary's fields. */
export function timelineJson(timeline: Timeline): string {
  const summary = JSON.stringify(timeline.summary);
  // The summary is an object with fields, so its text ends in `}` and a field may follow a comma.
  return `${summary.slice(0, -1)},"events":${timeline.eventsJson}}`;
}
