/**
 * A running platform for tests: real storage on either driver, real HTTP stack (through
 * `inject`), an ephemeral keyring, and a small cast of parties with keys.
 */
import type { Driver } from '../../src/platform/db/connect.ts';
import { createPlatform, type Platform, type PlatformOptions } from '../../src/app.ts';
import type { PartyKind } from '../../src/platform/tenancy/model.ts';
import { createEphemeralKeyring } from '../../src/privacy/index.ts';
import { openTestDatabase } from './databases.ts';

export interface Cast {
  readonly shop: string;
  readonly otherShop: string;
  readonly carrier: string;
  readonly kdniaoCarrier: string;
  readonly regulator: string;
  readonly station: string;
}

export interface Reply {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, unknown>;
}

export interface TestPlatform {
  readonly platform: Platform;
  readonly keys: Cast;
  call(key: string | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

const PARTIES: readonly { role: keyof Cast; kind: PartyKind; code: string; codeSet?: string }[] = [
  { role: 'shop', kind: 'platform', code: 'SHOPA' },
  { role: 'otherShop', kind: 'platform', code: 'SHOPB' },
  { role: 'carrier', kind: 'carrier', code: 'GULL', codeSet: 'kuaidi100' },
  { role: 'kdniaoCarrier', kind: 'carrier', code: 'BOHAI', codeSet: 'kdniao' },
  { role: 'regulator', kind: 'regulator', code: 'DLPOST' },
  { role: 'station', kind: 'station_operator', code: 'STN1' },
];

/** Starts a platform on a fresh database of the given driver; `options` adds or overrides platform options. */
export async function startTestPlatform(driver: Driver, options: Partial<PlatformOptions> = {}): Promise<TestPlatform> {
  const database = await openTestDatabase(driver);
  const platform = await createPlatform({ database, keyring: createEphemeralKeyring(), logger: false, ...options });
  const keys: Partial<Record<keyof Cast, string>> = {};
  for (const spec of PARTIES) {
    const party = await platform.tenancy.createParty({ kind: spec.kind, code: spec.code, name: `Test ${spec.code}`, ...(spec.codeSet ? { codeSet: spec.codeSet } : {}) });
    keys[spec.role] = (await platform.tenancy.issueKey(party)).key;
  }
  return {
    platform,
    keys: keys as Cast,
    async call(key, method, url, body, headers = {}) {
      const response = await platform.http.inject({
        method,
        url,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = response.body;
      return { status: response.statusCode, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async close() {
      await platform.webhookDelivery.stop();
      await platform.stream.stop();
      await platform.http.close();
      await database.dispose();
    },
  };
}

let counter = 0;

/** A valid order body with a fresh external id; override fields as a test needs. */
export function orderBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    external_id: `ext-${Date.now()}-${counter}`,
    items: [{ name: '保温杯', quantity: 2, unit_value_fen: 4900 }],
    declared_value_fen: 9800,
    weight_g: 850,
    sender: { name: '李小龙', phone: '13912345678', address: { province: '辽宁省', city: '大连市', district: '金州区', street: '站前街道', detail: '友谊街88号2栋1单元101室', admin_code: '210213', lng: 121.78, lat: 39.05 } },
    recipient: { name: '王小明', phone: '13812341234', address: { province: '辽宁省', city: '大连市', district: '甘井子区', street: '软件园社区', detail: '软件园路1号3栋502室', admin_code: '210211', lng: 121.52, lat: 38.86 } },
    ...overrides,
  };
}
