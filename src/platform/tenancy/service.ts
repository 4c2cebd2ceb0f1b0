/** Use cases for parties and keys: register a party, issue/revoke keys, authenticate a call. */
import { DomainError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  DEFAULT_SCOPES,
  displayPrefix,
  generateApiKey,
  hashApiKey,
  type KeyMode,
  type Party,
  type PartyKind,
  type Principal,
  type Scope,
} from './model.ts';
import type { KeyRecord, TenancyStore } from './store.ts';

/** `last_used_at` is written at most this often per key, to keep reads free of write load. */
const TOUCH_INTERVAL_MS = 60_000;
/** Authenticated keys are cached this long; a revocation takes effect within it. */
const CACHE_TTL_MS = 5_000;

export interface NewParty {
  readonly kind: PartyKind;
  readonly code: string;
  readonly name: string;
  readonly codeSet?: string;
}

export interface IssuedKey {
  readonly key: string;
  readonly record: KeyRecord;
}

/** Creates the tenancy service over its store. */
export function createTenancyService(store: TenancyStore) {
  const cache = new Map<string, { principal: Principal; until: number }>();
  const lookups = new Map<string, Promise<Principal | undefined>>();
  const touchedAt = new Map<string, number>();
  // Parties never change once registered, and every scan batch, timeline and shipping request looks
  // one up: found parties are kept (misses are not, so a party registered later is still found).
  const byId = new Map<string, Party>();
  const byCode = new Map<string, Party>();
  const remember = (party: Party | undefined): Party | undefined => {
    if (party) {
      byId.set(party.id, party);
      byCode.set(party.code, party);
    }
    return party;
  };

  async function lookUpKey(hash: string): Promise<Principal | undefined> {
    const found = await store.findActiveKeyByHash(hash);
    if (!found) return undefined;
    const principal: Principal = {
      partyId: found.party.id,
      partyKind: found.party.kind,
      partyCode: found.party.code,
      keyId: found.id,
      scopes: found.scopes,
      mode: found.mode,
    };
    const now = Date.now();
    cache.set(hash, { principal, until: now + CACHE_TTL_MS });
    if ((touchedAt.get(found.id) ?? 0) + TOUCH_INTERVAL_MS < now) {
      touchedAt.set(found.id, now);
      await store.touchKey(found.id);
    }
    return principal;
  }

  return {
    async createParty(input: NewParty): Promise<Party> {
      if (!/^[A-Z0-9_-]{2,32}$/.test(input.code)) {
        throw new DomainError('validation_failed', `party code "${input.code}" must be 2-32 characters of A-Z, 0-9, _ or -`);
      }
      if (await store.findPartyByCode(input.code)) {
        throw new DomainError('conflict', `a party with code ${input.code} already exists`);
      }
      const party: Party = { id: newId('pty'), kind: input.kind, code: input.code, name: input.name, codeSet: input.codeSet ?? null };
      await store.insertParty(party);
      return party;
    },

    async findPartyByCode(code: string): Promise<Party | undefined> {
      return remember(byCode.get(code) ?? (await store.findPartyByCode(code)));
    },
    async findPartyById(id: string): Promise<Party | undefined> {
      return remember(byId.get(id) ?? (await store.findPartyById(id)));
    },
    listParties: store.listParties,
    countParties: store.countParties,

    async issueKey(party: Party, options: { label?: string; mode?: KeyMode; scopes?: readonly Scope[] } = {}): Promise<IssuedKey> {
      const allowed = DEFAULT_SCOPES[party.kind];
      const scopes = options.scopes ?? allowed;
      const extra = scopes.filter((scope) => !allowed.includes(scope));
      if (extra.length > 0) {
        throw new DomainError('forbidden', `a ${party.kind} key cannot carry scopes ${extra.join(', ')}`);
      }
      const mode = options.mode ?? 'test';
      const key = generateApiKey(mode);
      const record: KeyRecord = {
        id: newId('key'),
        partyId: party.id,
        label: options.label ?? 'default',
        displayPrefix: displayPrefix(key),
        mode,
        scopes,
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await store.insertKey(record, hashApiKey(key));
      return { key, record };
    },

    listKeys: store.listKeys,

    async revokeKey(partyId: string, keyId: string): Promise<KeyRecord> {
      const record = await store.revokeKey(partyId, keyId);
      if (!record) throw notFound(`key ${keyId}`);
      cache.clear();
      return record;
    },

    /**
     * Resolves a presented key to its principal, or undefined for unknown and revoked keys. When
     * a key's cache entry lapses under load, the requests that find it lapsed share one lookup.
     */
    async authenticate(key: string): Promise<Principal | undefined> {
      const hash = hashApiKey(key);
      const cached = cache.get(hash);
      if (cached && cached.until > Date.now()) return cached.principal;
      let lookup = lookups.get(hash);
      if (!lookup) {
        lookup = lookUpKey(hash).finally(() => lookups.delete(hash));
        lookups.set(hash, lookup);
      }
      return lookup;
    },
  };
}

export type TenancyService = ReturnType<typeof createTenancyService>;
