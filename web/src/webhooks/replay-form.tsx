// Replaying a subscription's events since a time the user names on the city clock, in rounds of
// up to 10,000 (the API says when there are more).
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { ReplayResult } from '../api/types.ts';
import type { Action } from '../api/use-action.ts';
import { isoToWallClockInput, wallClockInputToIso } from '../city-time.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';

const AN_HOUR_MS = 3600_000;

interface Props {
  readonly session: Session;
  readonly subscriptionId: string;
  readonly action: Action;
  /** After each round, so the delivery log can show the new attempts. */
  onReplayed(): void;
}

/** The "replay from" form and what the last round queued. */
export function ReplayForm({ session, subscriptionId, action, onReplayed }: Props) {
  const { t, number, timeZone } = useLocale();
  const [from, setFrom] = useState(() => isoToWallClockInput(new Date(Date.now() - AN_HOUR_MS).toISOString(), timeZone));
  const [result, setResult] = useState<{ queued: number; next: number | null } | null>(null);

  const replay = (afterSequence?: number) =>
    void action
      .run(() =>
        api<ReplayResult>(session.key, `/v1/webhooks/${encodeURIComponent(subscriptionId)}/replay`, {
          method: 'POST',
          body: { from: wallClockInputToIso(from, timeZone), ...(afterSequence === undefined ? {} : { after_sequence: afterSequence }) },
        }),
      )
      .then((round) => {
        if (!round) return;
        setResult((previous) => ({ queued: (afterSequence === undefined ? 0 : (previous?.queued ?? 0)) + round.replayed, next: round.has_more ? round.next_after_sequence : null }));
        onReplayed();
      });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    replay();
  };

  return (
    <form className="inline replay" onSubmit={submit}>
      <label>
        {t('webhooks.replayFrom', { zone: timeZone })}
        <input name="replay_from" type="datetime-local" required value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={action.busy || !from}>{t('webhooks.replay')}</button>
      {result && <span role="status">{t('webhooks.replayed', { n: number(result.queued) })}</span>}
      {result && result.next !== null && (
        <button type="button" className="secondary" disabled={action.busy} onClick={() => replay(result.next ?? undefined)}>{t('webhooks.replayMore')}</button>
      )}
    </form>
  );
}
