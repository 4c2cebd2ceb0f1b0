/** Exchange's public face: what other capabilities and the composition root may use. */
export { createExchangeService, type ContactProtector, type ExchangeService } from './service.ts';
export { registerExchangeRoutes } from './routes.ts';
export type { Contact, MaskedContact } from './model.ts';
export { createSealedContacts, type SealedContacts } from './sealed-contacts.ts';
export { ContactSchema } from './schemas.ts';
