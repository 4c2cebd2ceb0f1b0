/**
 * The composition root: opens storage, builds every capability's service over it, registers
 * their routes and wires the outbox stream. The CLI, the tests and the benchmarks all start the
 * platform through here, so they run exactly what users run.
 */
import type { FastifyBaseLogger } from 'fastify';
import { buildDemoNetwork, loadCity } from './city/index.ts';
import { cityMapLayers, registerCityMapRoutes } from './citymap/index.ts';
import { CONSOLE_DIST, registerConsoleRoutes } from './console/index.ts';
import { createExchangeService, createSealedContacts, registerExchangeRoutes, type ContactProtector } from './exchange/index.ts';
import type { Database } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createHttpServer, type HttpServer } from './platform/http/server.ts';
import { createOutboxStream, type OutboxStream } from './platform/outbox/stream.ts';
import { createTenancyService, type TenancyService } from './platform/tenancy/service.ts';
import { registerTenancyRoutes } from './platform/tenancy/routes.ts';
import { createTenancyStore } from './platform/tenancy/store.ts';
import { createContactProtector, createPrivacyService, registerPrivacyRoutes, type Keyring, type PrivacyService, type PrivacySettings } from './privacy/index.ts';
import { createStatsService, registerStatsRoutes } from './stats/index.ts';
import { createParcelSummary, createTrackingService, registerParcels, registerTrackingRoutes } from './tracking/index.ts';
import { createDeliveryWorker, createWebhookService, DEFAULT_DELIVERY_SETTINGS, registerWebhookRoutes, webhookFanOut, type DeliverySettings, type DeliveryWorker } from './webhooks/index.ts';

export interface PlatformOptions {
  readonly database: Database;
  readonly keyring: Keyring;
  readonly logger: FastifyBaseLogger | boolean;
  /** How often the outbox is polled for events committed by other processes. */
  readonly outboxPollMs?: number;
  /** Retention, virtual-number and rate-limit settings; defaults in src/privacy/settings.ts. */
  readonly privacy?: Partial<PrivacySettings>;
  /** Webhook retry, timeout and SSRF settings (`allowPrivateTargets` from PARCELGRID_ALLOW_PRIVATE_WEBHOOKS). */
  readonly webhooks?: Partial<DeliverySettings>;
  /** How contacts are sealed and masked; the keyring's AES-GCM protector unless a benchmark prices an alternative. */
  readonly protector?: ContactProtector;
}

export interface Platform {
  readonly http: HttpServer;
  readonly tenancy: TenancyService;
  readonly stream: OutboxStream;
  readonly database: Database;
  readonly privacy: PrivacyService;
  /** Sends queued webhook deliveries once started (`parcelgrid serve` starts it with the stream). */
  readonly webhookDelivery: DeliveryWorker;
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
    protector: options.protector ?? createContactProtector(options.keyring),
    registerParcels,
    notify,
  });
  registerExchangeRoutes(http, exchange);
  registerTrackingRoutes(http, tracking);
  registerTenancyRoutes(http, tenancy);
  const city = loadCity();
  registerStatsRoutes(http, createStatsService({ summary: createParcelSummary(database.db), city, tenancy }));
  registerCityMapRoutes(http, cityMapLayers(city, buildDemoNetwork(city)));
  await registerConsoleRoutes(http, { distDir: CONSOLE_DIST });
  const privacy = createPrivacyService({
    db: database.db,
    keyring: options.keyring,
    vault: createSealedContacts(database.db),
    ...(options.privacy ? { settings: options.privacy } : {}),
    onError: (error) => http.log.error({ err: error }, 'retention job failed; will retry at the next interval'),
  });
  registerPrivacyRoutes(http, privacy);
  stream.subscribe(privacy.subscriber);
  const webhookSettings = { ...DEFAULT_DELIVERY_SETTINGS, ...options.webhooks };
  const webhookDelivery = createDeliveryWorker({
    db: database.db,
    keyring: options.keyring,
    settings: webhookSettings,
    onDisabled: (subscription, reason) => http.log.warn({ subscription, reason }, 'webhook subscription disabled after repeated failures'),
    onError: (error) => http.log.error({ err: error }, 'webhook delivery pass failed; will retry'),
  });
  registerWebhookRoutes(http, createWebhookService({ db: database.db, keyring: options.keyring, settings: webhookSettings, wake: webhookDelivery.wake }));
  stream.subscribe(webhookFanOut(database.db, webhookDelivery.wake));
  await http.ready();

  return {
    http,
    tenancy,
    stream,
    database,
    privacy,
    webhookDelivery,
    async close() {
      privacy.stopSchedule();
      await webhookDelivery.stop();
      await stream.stop();
      await http.close();
      await database.close();
    },
  };
}
