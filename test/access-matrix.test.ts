/**
 * Every route, called as every party kind, with no key, a revoked key and a key lacking the
 * route's scope, against an explicit table of who may call what. The routes come from the served
 * OpenAPI document and Fastify's route table; a route missing from the table below fails the test,
 * so a new route cannot ship without someone deciding who may call it. The table is written out
 * by hand on purpose: deriving it from the routes' own `config.access` would test nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SCOPES, PARTY_KINDS, type PartyKind, type Scope } from '../src/platform/tenancy/model.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

type Rule = 'public' | { readonly kinds: readonly PartyKind[]; readonly scope: Scope };

const ALL = PARTY_KINDS;
const TRADERS: readonly PartyKind[] = ['carrier', 'platform', 'regulator'];
/** Subscriptions are for the parties that trade; regulators get feeds of their own later. */
const WEBHOOKS: Rule = { kinds: ['platform', 'carrier'], scope: 'webhooks:manage' };

/** Who may call each documented route. Add a row for every new route. */
const EXPECTED: Record<string, Rule> = {
  'POST /v1/orders': { kinds: ['platform'], scope: 'orders:write' },
  'POST /v1/orders/batch': { kinds: ['platform'], scope: 'orders:write' },
  'GET /v1/orders': { kinds: ['platform'], scope: 'orders:read' },
  'GET /v1/orders/{id}': { kinds: ['platform'], scope: 'orders:read' },
  'POST /v1/shipping-requests': { kinds: ['platform'], scope: 'shipping:write' },
  'GET /v1/shipping-requests': { kinds: ['carrier'], scope: 'shipping:read' },
  'POST /v1/shipping-requests/{id}/reject': { kinds: ['carrier'], scope: 'waybills:write' },
  'POST /v1/waybills': { kinds: ['carrier'], scope: 'waybills:write' },
  'POST /v1/waybills/batch': { kinds: ['carrier'], scope: 'waybills:write' },
  'GET /v1/waybills/{id}': { kinds: TRADERS, scope: 'tracking:read' },
  'POST /v1/events': { kinds: ['carrier'], scope: 'events:write' },
  'POST /v1/events/batch': { kinds: ['carrier'], scope: 'events:write' },
  'GET /v1/tracking/{waybill_no}': { kinds: TRADERS, scope: 'tracking:read' },
  'GET /v1/parcels': { kinds: TRADERS, scope: 'parcels:read' },
  'GET /v1/me': { kinds: ALL, scope: 'tracking:read' },
  'GET /v1/keys': { kinds: ALL, scope: 'keys:manage' },
  'POST /v1/keys': { kinds: ALL, scope: 'keys:manage' },
  'POST /v1/keys/{id}/revoke': { kinds: ALL, scope: 'keys:manage' },
  'GET /v1/stats/overview': { kinds: TRADERS, scope: 'parcels:read' },
  'GET /v1/city': 'public',
  'GET /v1/console/demo-keys': 'public',
  'POST /v1/privacy/decrypt': { kinds: TRADERS, scope: 'pii:decrypt' },
  'GET /v1/privacy/virtual-numbers/{waybill_id}': { kinds: ['carrier', 'platform'], scope: 'tracking:read' },
  'POST /v1/privacy/virtual-numbers/resolve': { kinds: ['carrier'], scope: 'virtual_numbers:resolve' },
  'GET /v1/privacy/audit': { kinds: ['regulator'], scope: 'audit:read' },
  'GET /v1/privacy/audit/export': { kinds: ['regulator'], scope: 'audit:read' },
  'POST /v1/webhooks': WEBHOOKS,
  'GET /v1/webhooks': WEBHOOKS,
  'GET /v1/webhooks/{id}': WEBHOOKS,
  'DELETE /v1/webhooks/{id}': WEBHOOKS,
  'POST /v1/webhooks/{id}/disable': WEBHOOKS,
  'POST /v1/webhooks/{id}/enable': WEBHOOKS,
  'POST /v1/webhooks/{id}/rotate-secret': WEBHOOKS,
  'POST /v1/webhooks/{id}/replay': WEBHOOKS,
  'POST /v1/webhooks/{id}/test': WEBHOOKS,
  'GET /v1/webhooks/{id}/deliveries': WEBHOOKS,
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  readonly method: Method;
  /** OpenAPI form, `/v1/orders/{id}`. */
  readonly path: string;
}

const label = (route: Route) => `${route.method} ${route.path}`;
const DENIED = new Set([401, 403]);

/** Fastify's route table (printRoutes tree) as METHOD + OpenAPI-style path, HEAD left out. */
function routeTable(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S[^(]*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match?.[2]) continue;
    const depth = (match[1] ?? '').length / 4;
    const parent = depth === 0 ? '' : (stack[depth - 1] ?? '');
    const segment = match[2];
    const path = parent === '' || parent.endsWith('/') || segment.startsWith('/') ? `${parent}${segment}` : `${parent}/${segment}`;
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(', ')) {
      if (method && method !== 'HEAD') routes.push({ method: method as Method, path: path.replace(/:([A-Za-z_]+)/g, '{$1}') });
    }
  }
  return routes;
}

describe('access matrix', () => {
  let t: TestPlatform;
  let documented: Route[];
  let table: Route[];
  const keyByKind = new Map<PartyKind, string>();
  let revokedKey: string;

  before(async () => {
    t = await startTestPlatform('pglite');
    const doc = (await t.call(undefined, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase() as Method, path })));
    table = routeTable(t.platform.http.printRoutes({ commonPrefix: false }));
    const rural = await t.platform.tenancy.createParty({ kind: 'rural_point', code: 'RUR1', name: 'Test rural point' });
    keyByKind.set('platform', t.keys.shop).set('carrier', t.keys.carrier).set('station_operator', t.keys.station).set('regulator', t.keys.regulator);
    keyByKind.set('rural_point', (await t.platform.tenancy.issueKey(rural)).key);
    const shop = await t.platform.tenancy.findPartyByCode('SHOPA');
    assert.ok(shop);
    const revoked = await t.platform.tenancy.issueKey(shop);
    await t.platform.tenancy.revokeKey(shop.id, revoked.record.id);
    revokedKey = revoked.key;
  });
  after(async () => t?.close());

  /** Calls a route with placeholder ids and an empty body, which validation rejects after access control. */
  async function callRoute(route: Route, key: string | undefined): Promise<number> {
    const url = route.path.replace(/\{[^}]+\}/g, 'zz0000');
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
    const response = await t.platform.http.inject({
      method: route.method,
      url,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      ...(hasBody ? { payload: '{}' } : {}),
    });
    return response.statusCode;
  }

  it('has a rule for every documented route, and every rule names a route that exists', () => {
    const missing = documented.map(label).filter((name) => !(name in EXPECTED));
    assert.deepEqual(missing, [], `routes without an expected access rule in test/access-matrix.test.ts: ${missing.join(', ')}`);
    const stale = Object.keys(EXPECTED).filter((name) => !documented.some((route) => label(route) === name));
    assert.deepEqual(stale, [], 'rules for routes that no longer exist');
  });

  it('documents every API route; the undocumented ones are public pages outside /v1', async () => {
    const undocumented = table.filter((route) => !documented.some((doc) => label(doc) === label(route)));
    assert.deepEqual(undocumented.filter((route) => route.path.startsWith('/v1/')).map(label), []);
    for (const route of undocumented) assert.equal(DENIED.has(await callRoute(route, undefined)), false, `${label(route)} should be public`);
  });

  it('admits exactly the expected party kinds to each route', async () => {
    const wrong: string[] = [];
    for (const route of documented) {
      const rule = EXPECTED[label(route)];
      if (!rule) continue;
      for (const kind of PARTY_KINDS) {
        const status = await callRoute(route, keyByKind.get(kind));
        const allowed = rule === 'public' || rule.kinds.includes(kind);
        if (allowed === DENIED.has(status)) wrong.push(`${label(route)} as ${kind}: ${status}, expected ${allowed ? 'allowed' : 'denied'}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('answers 401 without a key and with a revoked key, except on public routes', async () => {
    const wrong: string[] = [];
    for (const route of documented) {
      const rule = EXPECTED[label(route)];
      for (const [what, key] of [['no key', undefined], ['revoked key', revokedKey]] as const) {
        const status = await callRoute(route, key);
        if (rule === 'public' ? DENIED.has(status) : status !== 401) wrong.push(`${label(route)} with ${what}: ${status}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('answers 403 to an allowed party whose key lacks the route\'s scope', async () => {
    const wrong: string[] = [];
    const narrowKeys = new Map<string, string>();
    for (const route of documented) {
      const rule = EXPECTED[label(route)];
      if (rule === undefined || rule === 'public') continue;
      const kind = rule.kinds[0];
      assert.ok(kind);
      const id = `${kind}/${rule.scope}`;
      if (!narrowKeys.has(id)) {
        const party = await t.platform.tenancy.createParty({ kind, code: `NARROW${narrowKeys.size}`, name: `Narrow ${id}`, ...(kind === 'carrier' ? { codeSet: 'generic' } : {}) });
        narrowKeys.set(id, (await t.platform.tenancy.issueKey(party, { scopes: DEFAULT_SCOPES[kind].filter((scope) => scope !== rule.scope) })).key);
      }
      const status = await callRoute(route, narrowKeys.get(id));
      if (status !== 403) wrong.push(`${label(route)} as ${kind} without ${rule.scope}: ${status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('shows stations and rural points nothing yet: no parcel, tracking, statistics or personal data route admits them', () => {
    // They will see parcels addressed to their own sites once sites exist; until then every
    // route that reveals parcels or people is closed to them, and only their own account is open.
    for (const kind of ['station_operator', 'rural_point'] as const) {
      const open = Object.entries(EXPECTED)
        .filter(([, rule]) => rule !== 'public' && rule.kinds.includes(kind))
        .map(([name]) => name);
      assert.deepEqual(open.sort(), ['GET /v1/keys', 'GET /v1/me', 'POST /v1/keys', 'POST /v1/keys/{id}/revoke'], kind);
    }
  });
});
