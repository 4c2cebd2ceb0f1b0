// Seeds the demo's parties on an empty database: the carriers (each with its tracking code
// set), the e-commerce platforms and the regulator, with one test key each. This is an
// operator action, done in process through the tenancy service, never through the API.
import { DEMO_CARRIERS, DEMO_PLATFORMS, demoRegulator, type City } from '../city/index.ts';
import type { PartyKind } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';

/** Every demo party code the simulator acts as (the regulator reads; the rest write). */
export const SIM_PARTY_CODES: readonly string[] = [...DEMO_PLATFORMS.map((p) => p.code), ...DEMO_CARRIERS.map((c) => c.code)];

/** Creates the demo parties and returns a fresh test key for each, by party code. */
export async function seedDemoParties(tenancy: TenancyService, city: City): Promise<Record<string, string>> {
  const regulator = demoRegulator(city);
  const parties: { kind: PartyKind; code: string; name: string; codeSet?: string }[] = [
    ...DEMO_CARRIERS.map((c) => ({ kind: 'carrier' as const, code: c.code, name: `${c.nameZh} ${c.nameEn}`, codeSet: c.codeSet })),
    ...DEMO_PLATFORMS.map((p) => ({ kind: 'platform' as const, code: p.code, name: `${p.nameZh} ${p.nameEn}` })),
    { kind: 'regulator', code: regulator.code, name: `${regulator.nameZh} ${regulator.nameEn}` },
  ];
  const keys: Record<string, string> = {};
  for (const spec of parties) {
    const party = await tenancy.createParty(spec);
    keys[spec.code] = (await tenancy.issueKey(party, { label: 'demo' })).key;
  }
  return keys;
}
