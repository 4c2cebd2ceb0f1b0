import { PrivacyError } from '../errors.ts';
import { stars } from './mask-text.ts';

// Resident ID (GB 11643, 18 characters), the old 15-digit form, passports and travel permits.
const DOCUMENT_NUMBER = /^[A-Z0-9]{5,30}$/;

/**
 * Mask an identity document number, keeping only its first and last character:
 * `210202199003071234` → `2****************4`.
 *
 * Why not the common "first 6 + last 4": in a GB 11643 number characters 1–6 are the county of
 * registration and 17 the sex digit, and with a name those narrow a person down a lot, while
 * customs and claims get the full number through the audited decrypt path anyway. One leading
 * and one trailing character are enough for a holder to recognise which document is on file.
 */
export function maskIdNumber(raw: string): string {
  const number = raw.replace(/\s+/g, '').toUpperCase();
  if (!DOCUMENT_NUMBER.test(number)) {
    throw new PrivacyError(
      'invalid_id_number',
      // The number itself stays out of the message, which may be logged.
      'an identity document number must be 5 to 30 letters or digits ' +
        '(an 18-character resident ID, a passport or a permit number)',
    );
  }
  return number.slice(0, 1) + stars(number.length - 2) + number.slice(-1);
}
