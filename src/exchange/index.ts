/** Exchange's public face: what other capabilities and the composition root may use. */
export { createExchangeService, type ExchangeService } from './service.ts';
export type { ContactProtector } from './place-orders.ts';
export { registerExchangeRoutes } from './routes.ts';
export type { Contact, MaskedContact } from './model.ts';
export { createSealedContacts, type SealedContacts } from './sealed-contacts.ts';
export { ContactSchema } from './schemas.ts';
