/** `parcelgrid track <waybill>`: the canonical timeline of a waybill, read through the API. */
import { parseArgs } from 'node:util';
import { getJson, resolveApiTarget } from './api-client.ts';

interface Timeline {
  waybill_no: string;
  carrier: string;
  status: string;
  status_label: { zh: string; en: string };
  anomalies: unknown[];
  events: { occurred_at: string; status: string; sub_status: string | null; raw: { code_set: string; code: string; message: string | null }; anomaly: string | null }[];
}

export async function runTrack(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { carrier: { type: 'string' }, url: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' } },
  });
  const waybill = positionals[0];
  if (!waybill) throw new Error('usage: parcelgrid track <waybill-no> [--carrier CODE] [--url URL] [--key KEY] [--json]');
  const target = resolveApiTarget(values, 'REGULATOR');
  const query = values.carrier ? `?carrier=${encodeURIComponent(values.carrier)}` : '';
  const { status, body } = await getJson(target, `/v1/tracking/${encodeURIComponent(waybill)}${query}`);
  if (status !== 200) {
    const problem = body as { detail?: string; code?: string };
    process.stderr.write(`${problem.code ?? status}: ${problem.detail ?? 'request failed'}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const timeline = body as Timeline;
  const lines = [
    `${timeline.waybill_no} (${timeline.carrier}): ${timeline.status_label.zh} / ${timeline.status_label.en}${timeline.anomalies.length ? `, ${timeline.anomalies.length} anomaly(ies)` : ''}`,
    ...timeline.events.map((event) => {
      const sub = event.sub_status ? `/${event.sub_status}` : '';
      const flag = event.anomaly ? `  ⚠ ${event.anomaly}` : '';
      return `  ${event.occurred_at}  ${(event.status + sub).padEnd(38)} ${event.raw.code_set}:${event.raw.code}  ${event.raw.message ?? ''}${flag}`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
