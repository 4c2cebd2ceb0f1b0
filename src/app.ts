/**
 * The composition root: opens storage, builds every capability's service over it, registers
 * their routes and wires the outbox stream. The CLI, the tests and the benchmarks all start the
 * platform through here, so they run exactly what users run.
 */
import type { FastifyBaseLogger } from 'fastify';
import { createExchangeService, registerExchangeRoutes } from './exchange/index.ts';
import type { Database } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createHttpServer, type HttpServer } from './platform/http/server.ts';
import { createOutboxStream, type OutboxStream } from './platform/outbox/stream.ts';
import { createTenancyService, type TenancyService } from './platform/tenancy/service.ts';
import { createTenancyStore } from './platform/tenancy/store.ts';
import { createContactProtector, type Keyring } from './privacy/index.ts';
import { createTrackingService, registerParcel, registerTrackingRoutes } from './tracking/index.ts';

export interface PlatformOptions {
  readonly database: Database;
  readonly keyring: Keyring;
  readonly logger: FastifyBaseLogger | boolean;
  /** How often the outbox is polled for events committed by other processes. */
  readonly outboxPollMs?: number;
}

export interface Platform {
  readonly http: HttpServer;
  readonly tenancy: TenancyService;
  readonly stream: OutboxStream;
  readonly database: Database;
  /** Stops the stream and the server, then closes the database. */
  close(): Promise<void>;
}

/** Migrates the database and assembles the platform; call `http.listen` or `http.inject` next. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { database } = options;
  await migrateToLatest(database.db);
  const tenancy = createTenancyService(createTenancyStore(database.db));
  const stream = createOutboxStream(database.db, {
    pollMs: options.outboxPollMs ?? 1000,
    onError: (subscriber, error) => http.log.error({ err: error, subscriber }, 'outbox subscriber failed; will retry'),
  });
  const http = await createHttpServer({ db: database.db, authenticate: tenancy.authenticate, logger: options.logger });
  const notify = () => stream.notify();

  const tracking = createTrackingService({ db: database.db, tenancy, notify });
  const exchange = createExchangeService({
    db: database.db,
    tenancy,
    protector: createContactProtector(options.keyring),
    registerParcel,
    notify,
  });
  registerExchangeRoutes(http, exchange);
  registerTrackingRoutes(http, tracking);
  await http.ready();

  return {
    http,
    tenancy,
    stream,
    database,
    async close() {
      await stream.stop();
      await http.close();
      await database.close();
    },
  };
}
