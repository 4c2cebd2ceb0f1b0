/** SQL for the append-only audit log; a trigger makes the table refuse UPDATE, DELETE and TRUNCATE. */
import { sql, type Kysely } from 'kysely';
import { newId } from '../platform/ids.ts';
import type { AuditEntry } from './model/audit-csv.ts';

/** Who acted: a party's key and the person using it, or the platform itself (`party` absent). */
export interface AuditActor {
  readonly party?: { readonly id: string; readonly code: string; readonly kind: string; readonly keyId: string };
  readonly actorId: string;
  readonly actorName?: string | undefined;
  readonly ip?: string | undefined;
}

/** One entry to append. */
export interface NewAuditEntry {
  readonly action: 'decrypt' | 'resolve_virtual_number' | 'erase_expired' | 'reencrypt';
  readonly actor: AuditActor;
  readonly occurredAt: string;
  readonly purpose?: string;
  readonly caseRef?: string | undefined;
  readonly subjectPartyIds?: readonly string[];
  /** Ids, fields and outcomes; never personal values. */
  readonly items: readonly unknown[];
}

/** The query a regulator runs over the log. */
export interface AuditFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly partyCode?: string | undefined;
}

interface AuditRow extends Omit<AuditEntry, 'occurred_at'> {
  occurred_at: Date;
}

/** Creates the audit store over a database or an open transaction. */
export function createAuditStore(db: Kysely<object>) {
  return {
    /** Appends one entry and returns its id. */
    async append(entry: NewAuditEntry): Promise<string> {
      const id = newId('aud');
      const { party } = entry.actor;
      await sql`
        INSERT INTO privacy_audit (id, occurred_at, action, party_id, party_code, party_kind, key_id, actor_id,
          actor_name, purpose, case_ref, subject_party_ids, items, item_count, ip)
        VALUES (${id}, ${entry.occurredAt}, ${entry.action}, ${party?.id ?? null}, ${party?.code ?? null},
          ${party?.kind ?? null}, ${party?.keyId ?? null}, ${entry.actor.actorId}, ${entry.actor.actorName ?? null},
          ${entry.purpose ?? null}, ${entry.caseRef ?? null}, ${[...(entry.subjectPartyIds ?? [])]}::text[],
          ${JSON.stringify(entry.items)}::jsonb, ${entry.items.length}, ${entry.actor.ip ?? null})`.execute(db);
      return id;
    },

    /** Entries matching the filter after the `after` id, oldest first, up to `limit` + 1 rows. */
    async list(filter: AuditFilter, after: string | undefined, limit: number): Promise<AuditEntry[]> {
      const rows = await sql<AuditRow>`
        SELECT id, occurred_at, action, party_code, party_kind, key_id, actor_id, actor_name, purpose, case_ref,
          subject_party_ids, items, item_count, ip
        FROM privacy_audit
        WHERE (${filter.from ?? null}::timestamptz IS NULL OR occurred_at >= ${filter.from ?? null}::timestamptz)
          AND (${filter.to ?? null}::timestamptz IS NULL OR occurred_at < ${filter.to ?? null}::timestamptz)
          AND (${filter.partyCode ?? null}::text IS NULL OR party_code = ${filter.partyCode ?? null}::text)
          AND id > ${after ?? ''}
        ORDER BY id LIMIT ${limit + 1}`.execute(db);
      return rows.rows.map((row) => ({ ...row, occurred_at: row.occurred_at.toISOString() }));
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
