/** Webhooks' public face: what the composition root and receivers' code may use. */
export { createWebhookService, type WebhookService } from './service.ts';
export { registerWebhookRoutes } from './routes.ts';
export { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
export { webhookFanOut } from './fan-out.ts';
export { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from './model.ts';
export { verifyWebhookSignature } from './verify.ts';
export { reencryptWebhookSecrets } from './reencrypt-secrets.ts';
