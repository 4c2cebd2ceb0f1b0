/**
 * Parties are the organisations that use the platform; each calls with its own API keys and sees
 * only what is its own. A key carries scopes; a route names the party kinds and scope it needs.
 */
import { hash, randomBytes } from 'node:crypto';

export const PARTY_KINDS = ['platform', 'carrier', 'station_operator', 'rural_point', 'regulator'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const SCOPES = [
  'orders:read',
  'orders:write',
  'shipping:read',
  'shipping:write',
  'waybills:write',
  'events:write',
  'tracking:read',
  'parcels:read',
  'keys:manage',
  'pii:decrypt',
  'audit:read',
  'virtual_numbers:resolve',
  'webhooks:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes a new key of each party kind gets unless narrower ones are asked for. */
export const DEFAULT_SCOPES: Record<PartyKind, readonly Scope[]> = {
  platform: ['orders:read', 'orders:write', 'shipping:write', 'tracking:read', 'parcels:read', 'keys:manage', 'pii:decrypt', 'webhooks:manage'],
  carrier: ['shipping:read', 'waybills:write', 'events:write', 'tracking:read', 'parcels:read', 'keys:manage', 'pii:decrypt', 'virtual_numbers:resolve', 'webhooks:manage'],
  station_operator: ['tracking:read', 'parcels:read', 'keys:manage'],
  rural_point: ['tracking:read', 'parcels:read', 'keys:manage'],
  regulator: ['tracking:read', 'parcels:read', 'keys:manage', 'pii:decrypt', 'audit:read'],
};

export interface Party {
  readonly id: string;
  readonly kind: PartyKind;
  readonly code: string;
  readonly name: string;
  /** Carriers only: the code set their scan events use (`generic`, `kuaidi100`, `kdniao`). */
  readonly codeSet: string | null;
}

/** Who is calling: the party behind a valid, unrevoked key. */
export interface Principal {
  readonly partyId: string;
  readonly partyKind: PartyKind;
  readonly partyCode: string;
  readonly keyId: string;
  readonly scopes: readonly Scope[];
  readonly mode: KeyMode;
}

export type KeyMode = 'test' | 'live';

/** A new secret key such as `pgk_test_4f...`; the mode is readable in the prefix. */
export function generateApiKey(mode: KeyMode): string {
  return `pgk_${mode}_${randomBytes(24).toString('base64url')}`;
}

/**
 * Keys are 192-bit random, so one unsalted SHA-256 is enough to store them safely. Every request
 * hashes its key: the one-shot hash makes no Hash object, whose weak handle each young-generation
 * GC had to process (BENCHMARKS.md, lookups, sixth session).
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The part of a key shown in lists: mode plus the first characters. */
export function displayPrefix(key: string): string {
  return key.slice(0, 14);
}
