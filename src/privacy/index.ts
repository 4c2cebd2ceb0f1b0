/** Privacy's public face: what other capabilities and the composition root may use. */
export { createContactProtector } from './contact-protector.ts';
export { PrivacyError, PRIVACY_ERROR_CODES, type PrivacyErrorCode } from './errors.ts';
export { maskName } from './model/mask-name.ts';
export { maskPhone } from './model/mask-phone.ts';
export { maskAddress, joinAddress, type PostalAddress } from './model/mask-address.ts';
export { maskIdNumber } from './model/mask-id-number.ts';
export { normalizePhone, phoneLast4, type NormalizedPhone } from './model/phone.ts';
export { parseScene, SCENES, SCENE_CODES, type Scene } from './model/scenes.ts';
export { allocateExtension, virtualNumberExpiry, formatVirtualNumber, maskVirtualNumber, type VirtualNumber } from './model/virtual-number.ts';
export { configuredKeysFromEnv, type ConfiguredKeys } from './crypto/configured-keys.ts';
export { loadOrCreateKeyring, rotateKeyring } from './crypto/load-keyring.ts';
export { createEphemeralKeyring, type Keyring } from './crypto/keyring.ts';
export { keyringPath } from './crypto/keyring-file.ts';
export { encryptField, decryptField, reencryptField, needsReencryption } from './crypto/field-cipher.ts';
export { blindIndex, phoneBlindIndex, phoneLast4BlindIndex } from './crypto/blind-index.ts';
export { LOG_REDACT_PATHS, REDACTED, redactForLog } from './log-redaction.ts';
