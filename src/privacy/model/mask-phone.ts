import { normalizePhone } from './phone.ts';
import { maskAllButLast } from './mask-text.ts';

/**
 * Mask a phone number for labels and ordinary reads: mobiles keep 3 + 4 digits (`138****1234`),
 * landlines keep the area code and the last 4 (`0411-****1234`), anything else keeps at most the
 * last 4 digits and never more than half of them. Extensions are not shown.
 */
export function maskPhone(raw: string): string {
  const phone = normalizePhone(raw);
  const digits = phone.canonical;
  switch (phone.kind) {
    case 'mobile':
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    case 'landline':
      return `${phone.areaCode}-${maskAllButLast(digits.slice(phone.areaCode.length), 4)}`;
    case 'international':
      return `+${maskAllButLast(digits.slice(1), 4)}`;
    case 'other':
      return maskAllButLast(digits, Math.min(4, Math.floor(digits.length / 2)));
  }
}
