/**
 * How the exchange stores a contact: the full contact sealed with AES-256-GCM (bound to its row
 * and field), a masked copy for every ordinary read and label, and a blind index of the phone's
 * last four digits for public tracking by waybill + phone tail.
 */
import type { Contact, MaskedContact } from '../exchange/index.ts';
import { encryptField } from './crypto/field-cipher.ts';
import { phoneLast4BlindIndex } from './crypto/blind-index.ts';
import type { Keyring } from './crypto/keyring.ts';
import { maskAddress } from './model/mask-address.ts';
import { maskName } from './model/mask-name.ts';
import { maskPhone } from './model/mask-phone.ts';
import { normalizePhone } from './model/phone.ts';

/** Masked coordinates are rounded to 3 decimals (about 100 m): enough for maps and statistics. */
const roundTo100m = (value: number): number => Math.round(value * 1000) / 1000;

/** The protector the exchange uses for senders and recipients. */
export function createContactProtector(keyring: Keyring) {
  return {
    /** Why a phone cannot be stored (it could not be masked or matched), or undefined. */
    phoneProblem(phone: string): string | undefined {
      try {
        normalizePhone(phone);
        return undefined;
      } catch {
        return 'is not a mobile, landline or international phone number';
      }
    },
    seal(contact: Contact, aad: string): string {
      return encryptField(keyring, JSON.stringify(contact), aad);
    },
    mask(contact: Contact): MaskedContact {
      const { address } = contact;
      return {
        name: maskName(contact.name),
        phone: maskPhone(contact.phone),
        address: {
          province: address.province,
          city: address.city,
          district: address.district,
          street: address.street,
          detail: maskAddress({ detail: address.detail }).detail,
          admin_code: address.admin_code,
          lng: roundTo100m(address.lng),
          lat: roundTo100m(address.lat),
        },
      };
    },
    phoneIndex(phone: string): string {
      return phoneLast4BlindIndex(keyring, phone);
    },
  };
}
