/**
 * Privacy: the append-only audit log of every decryption and erasure, and the virtual numbers
 * that let couriers call recipients without seeing their phones. A virtual-number row exists for
 * every waybill and also records when its parcel was delivered, which the retention job reads.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE privacy_audit (
      -- time-ordered id, so paging by id pages by time.
      id text PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      -- decrypt | resolve_virtual_number | erase_expired | reencrypt
      action text NOT NULL,
      -- the calling party and key; null for system actions (retention, key rotation).
      party_id text,
      party_code text,
      party_kind text,
      key_id text,
      -- the person acting for the party, as the caller named them.
      actor_id text NOT NULL,
      actor_name text,
      purpose text,
      case_ref text,
      -- parties whose customers' data was revealed (the orders' platforms).
      subject_party_ids text[] NOT NULL DEFAULT '{}',
      -- what was asked and what came out, per item: ids, fields and outcome, never the values.
      items jsonb NOT NULL,
      item_count integer NOT NULL,
      ip text
    );
    CREATE INDEX privacy_audit_time ON privacy_audit (occurred_at, id);
    CREATE INDEX privacy_audit_party ON privacy_audit (party_id, id);
    CREATE FUNCTION privacy_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'privacy_audit is append-only: % is not allowed', TG_OP;
    END
    $$;
    CREATE TRIGGER privacy_audit_no_update_delete BEFORE UPDATE OR DELETE ON privacy_audit
      FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only();
    CREATE TRIGGER privacy_audit_no_truncate BEFORE TRUNCATE ON privacy_audit
      FOR EACH STATEMENT EXECUTE FUNCTION privacy_audit_append_only();
    CREATE TABLE virtual_numbers (
      id text PRIMARY KEY,
      waybill_id text NOT NULL UNIQUE,
      order_id text NOT NULL,
      parcel_id text NOT NULL UNIQUE,
      carrier_id text NOT NULL,
      platform_id text NOT NULL,
      host text NOT NULL,
      extension text NOT NULL,
      -- the recipient's real phone, AES-256-GCM sealed; the erasure marker after retention.
      phone_sealed text NOT NULL,
      -- false once expired: the extension may then be given to another waybill.
      active boolean NOT NULL DEFAULT true,
      delivered_at timestamptz,
      expires_at timestamptz,
      -- when retention erased the order's personal data.
      erased_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX virtual_numbers_active_extension ON virtual_numbers (host, extension) WHERE active;
    CREATE INDEX virtual_numbers_retention ON virtual_numbers (delivered_at) WHERE erased_at IS NULL;
    CREATE INDEX virtual_numbers_expiry ON virtual_numbers (expires_at) WHERE active;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE virtual_numbers;
    DROP TABLE privacy_audit;
    DROP FUNCTION privacy_audit_append_only();
  `.execute(db);
}
