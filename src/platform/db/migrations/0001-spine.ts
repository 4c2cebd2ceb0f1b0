/**
 * The platform spine: parties and their keys, idempotency records, the transactional outbox,
 * orders, shipping requests, waybills, parcels and tracking events.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE parties (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('platform', 'carrier', 'station_operator', 'rural_point', 'regulator')),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      code_set text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE api_keys (
      id text PRIMARY KEY,
      party_id text NOT NULL REFERENCES parties(id),
      label text NOT NULL,
      -- sha256 of the whole key; the key itself is shown once and never stored.
      key_hash text NOT NULL UNIQUE,
      -- first characters of the key, to let people recognise it in lists.
      display_prefix text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('test', 'live')),
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE TABLE idempotency_keys (
      party_id text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      -- null while the first request is still running.
      status_code integer,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (party_id, key)
    );
    CREATE TABLE outbox (
      seq bigserial PRIMARY KEY,
      -- the writing transaction's id: consumers read in (txid, seq) order and only below the
      -- oldest running transaction, so an event committed late is never skipped.
      txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
      -- unique by construction (time-ordered random ids), so it carries no index.
      id text NOT NULL,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      source text NOT NULL,
      subject text NOT NULL,
      -- parties allowed to see the event (its owner and counterparties), for webhooks and feeds.
      audience text[] NOT NULL,
      data jsonb NOT NULL
    );
    CREATE INDEX outbox_order ON outbox (txid, seq);
    CREATE TABLE outbox_consumers (
      name text PRIMARY KEY,
      -- position (txid, seq) of the last outbox row this consumer has fully handled.
      last_txid bigint NOT NULL DEFAULT 0,
      last_seq bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE orders (
      id text PRIMARY KEY,
      platform_id text NOT NULL REFERENCES parties(id),
      external_id text NOT NULL,
      items jsonb NOT NULL,
      declared_value_fen bigint NOT NULL,
      weight_g integer NOT NULL,
      service_hint text,
      -- personal data: masked copies for ordinary reads, the full values only as ciphertext.
      sender_masked jsonb NOT NULL,
      recipient_masked jsonb NOT NULL,
      sender_sealed text NOT NULL,
      recipient_sealed text NOT NULL,
      recipient_phone_index text,
      origin_admin_code text NOT NULL,
      destination_admin_code text NOT NULL,
      destination_lng double precision,
      destination_lat double precision,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (platform_id, external_id)
    );
    CREATE TABLE shipping_requests (
      id text PRIMARY KEY,
      order_id text NOT NULL REFERENCES orders(id),
      platform_id text NOT NULL REFERENCES parties(id),
      carrier_id text NOT NULL REFERENCES parties(id),
      service_level text NOT NULL,
      status text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shipping_requests_carrier ON shipping_requests (carrier_id, status, id);
    CREATE UNIQUE INDEX shipping_requests_open_per_order ON shipping_requests (order_id) WHERE status <> 'rejected';
    CREATE TABLE waybills (
      id text PRIMARY KEY,
      carrier_id text NOT NULL REFERENCES parties(id),
      -- unique per carrier forever, which is stricter than the 6-month no-reuse rule.
      waybill_no text NOT NULL,
      order_id text NOT NULL REFERENCES orders(id),
      shipping_request_id text NOT NULL UNIQUE REFERENCES shipping_requests(id),
      platform_id text NOT NULL REFERENCES parties(id),
      service_level text NOT NULL,
      label jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (carrier_id, waybill_no)
    );
    CREATE INDEX waybills_number ON waybills (waybill_no);
    -- serials for waybill numbers the platform generates for carriers that do not bring their own.
    CREATE SEQUENCE waybill_serial;
    CREATE TABLE parcels (
      id text PRIMARY KEY,
      waybill_id text NOT NULL UNIQUE REFERENCES waybills(id),
      -- copied from the waybill so tracking resolves scans without reading exchange tables.
      waybill_no text NOT NULL,
      carrier_id text NOT NULL,
      platform_id text NOT NULL,
      destination_admin_code text NOT NULL,
      weight_g integer NOT NULL,
      status text NOT NULL,
      sub_status text,
      incident_reason text,
      attempts integer NOT NULL DEFAULT 0,
      anomaly_count integer NOT NULL DEFAULT 0,
      event_count integer NOT NULL DEFAULT 0,
      last_event_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    ) WITH (fillfactor = 80); -- room on each page so state updates are HOT (no index writes)
    CREATE UNIQUE INDEX parcels_carrier_waybill ON parcels (carrier_id, waybill_no);
    CREATE INDEX parcels_waybill_no ON parcels (waybill_no);
    CREATE INDEX parcels_carrier ON parcels (carrier_id, id);
    CREATE INDEX parcels_platform ON parcels (platform_id, id);
    CREATE TABLE tracking_events (
      parcel_id text NOT NULL REFERENCES parcels(id),
      carrier_id text NOT NULL,
      -- the carrier's own event id: with the carrier, the natural and primary key.
      source_event_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      code_set text NOT NULL,
      raw_code text NOT NULL,
      raw_message text,
      status text NOT NULL,
      sub_status text,
      incident_reason text,
      facility jsonb,
      PRIMARY KEY (carrier_id, source_event_id)
    );
    CREATE INDEX tracking_events_parcel ON tracking_events (parcel_id, occurred_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP SEQUENCE waybill_serial;
    DROP TABLE tracking_events, parcels, waybills, shipping_requests, orders,
      outbox_consumers, outbox, idempotency_keys, api_keys, parties;
  `.execute(db);
}
