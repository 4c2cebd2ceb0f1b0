/** SQL for parties and API keys; nothing else touches these tables. */
import { sql, type Kysely } from 'kysely';
import type { KeyMode, Party, PartyKind, Scope } from './model.ts';

interface PartyRow {
  id: string;
  kind: PartyKind;
  code: string;
  name: string;
  code_set: string | null;
}

interface KeyRow {
  id: string;
  party_id: string;
  label: string;
  key_hash: string;
  display_prefix: string;
  mode: KeyMode;
  scopes: Scope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

type Tables = {
  parties: PartyRow;
  api_keys: KeyRow;
};

export interface KeyRecord {
  readonly id: string;
  readonly partyId: string;
  readonly label: string;
  readonly displayPrefix: string;
  readonly mode: KeyMode;
  readonly scopes: readonly Scope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

const toParty = (row: PartyRow): Party => ({ id: row.id, kind: row.kind, code: row.code, name: row.name, codeSet: row.code_set });

const toKey = (row: Omit<KeyRow, 'key_hash'>): KeyRecord => ({
  id: row.id,
  partyId: row.party_id,
  label: row.label,
  displayPrefix: row.display_prefix,
  mode: row.mode,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Creates the tenancy store over an open database. */
export function createTenancyStore(base: Kysely<object>) {
  const db = base.withTables<Tables>();
  return {
    async insertParty(party: Party): Promise<void> {
      await db
        .insertInto('parties')
        .values({ id: party.id, kind: party.kind, code: party.code, name: party.name, code_set: party.codeSet })
        .execute();
    },
    async findPartyByCode(code: string): Promise<Party | undefined> {
      const row = await db.selectFrom('parties').selectAll().where('code', '=', code).executeTakeFirst();
      return row && toParty(row);
    },
    async findPartyById(id: string): Promise<Party | undefined> {
      const row = await db.selectFrom('parties').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toParty(row);
    },
    async listParties(): Promise<Party[]> {
      return (await db.selectFrom('parties').selectAll().orderBy('id').execute()).map(toParty);
    },
    async countParties(): Promise<number> {
      const row = await db.selectFrom('parties').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insertKey(key: KeyRecord, keyHash: string): Promise<void> {
      await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          party_id: key.partyId,
          label: key.label,
          key_hash: keyHash,
          display_prefix: key.displayPrefix,
          mode: key.mode,
          scopes: sql<Scope[]>`${[...key.scopes]}::text[]`,
          created_at: new Date(key.createdAt),
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async findActiveKeyByHash(keyHash: string): Promise<(KeyRecord & { party: Party }) | undefined> {
      const row = await db
        .selectFrom('api_keys as k')
        .innerJoin('parties as p', 'p.id', 'k.party_id')
        .select(['k.id', 'k.party_id', 'k.label', 'k.display_prefix', 'k.mode', 'k.scopes', 'k.created_at', 'k.last_used_at', 'k.revoked_at'])
        .select(['p.kind', 'p.code', 'p.name', 'p.code_set'])
        .where('k.key_hash', '=', keyHash)
        .where('k.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return { ...toKey(row), party: toParty({ id: row.party_id, kind: row.kind, code: row.code, name: row.name, code_set: row.code_set }) };
    },
    async listKeys(partyId: string): Promise<KeyRecord[]> {
      const rows = await db
        .selectFrom('api_keys')
        .select(['id', 'party_id', 'label', 'display_prefix', 'mode', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
        .where('party_id', '=', partyId)
        .orderBy('id')
        .execute();
      return rows.map(toKey);
    },
    async revokeKey(partyId: string, keyId: string): Promise<KeyRecord | undefined> {
      const row = await db
        .updateTable('api_keys')
        .set({ revoked_at: sql`coalesce(revoked_at, now())` })
        .where('id', '=', keyId)
        .where('party_id', '=', partyId)
        .returning(['id', 'party_id', 'label', 'display_prefix', 'mode', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
        .executeTakeFirst();
      return row && toKey(row);
    },
    async touchKey(keyId: string): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: sql`now()` }).where('id', '=', keyId).execute();
    },
  };
}

export type TenancyStore = ReturnType<typeof createTenancyStore>;
