/**
 * @module Phone number normalisation, shared by masking and blind indexing so that
 * "+86 138-1234-1234" and "13812341234" mask and index the same way.
 */
import { PrivacyError } from '../errors.ts';

interface PhoneParts {
  /**
   * Canonical digits without separators or extension: national form for Chinese numbers
   * (`13812341234`, `041184671234`), `+` and digits for foreign ones, bare digits otherwise.
   */
  readonly canonical: string;
  /** Digits dialled after the number (`转801`, `ext. 801`), kept apart from `canonical`. */
  readonly extension?: string;
}

/** A phone number in canonical form; `kind` decides how it is masked. */
export type NormalizedPhone = PhoneParts &
  (
    | { readonly kind: 'mobile' | 'international' | 'other' }
    /** `areaCode` includes the leading 0 (`0411`, `010`). */
    | { readonly kind: 'landline'; readonly areaCode: string }
  );

// Digits typed with a Chinese input method arrive full-width (１３８…).
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const EXTENSION_MARK = /\s*(?:转|分机|ext\.?|x|#)\s*(\d+)\s*$/i;
const SEPARATORS = /[\s\-().\u2010-\u2015\uFF0D\u3000]/g;
// E.164 allows 15 digits; an international 00 prefix adds two.
const MIN_DIGITS = 5;
const MAX_DIGITS = 17;
const CHINA_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Parse a phone number as people write it into its canonical form, or throw `invalid_phone`.
 * Error messages never repeat the number: they end up in logs.
 */
export function normalizePhone(raw: string): NormalizedPhone {
  const halfWidth = raw
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace('＋', '+');
  const extensionMatch = EXTENSION_MARK.exec(halfWidth);
  const extension = extensionMatch?.[1];
  const body = (extensionMatch ? halfWidth.slice(0, extensionMatch.index) : halfWidth).replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(body)) {
    throw new PrivacyError(
      'invalid_phone',
      'a phone number may contain only digits, spaces, dashes, parentheses, a leading + and an extension such as "转801"',
    );
  }
  const digits = body.replace('+', '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    throw new PrivacyError(
      'invalid_phone',
      `a phone number has ${MIN_DIGITS} to ${MAX_DIGITS} digits; this one has ${digits.length}`,
    );
  }
  const international = body.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : undefined;
  const national = nationalDigits(digits, international);
  const parsed: NormalizedPhone =
    national === undefined ? { kind: 'international', canonical: `+${international}` } : classifyNational(national);
  return extension === undefined ? parsed : { ...parsed, extension };
}

/** The last four digits of the canonical number, the verifier public tracking asks for. */
export function phoneLast4(raw: string): string {
  return normalizePhone(raw).canonical.slice(-4);
}

// Returns the Chinese national digits, or undefined for a foreign number.
function nationalDigits(digits: string, international: string | undefined): string | undefined {
  if (international !== undefined) return international.startsWith('86') ? international.slice(2) : undefined;
  // Exports often write mobiles as 8613812341234 without the plus sign.
  if (digits.length === 13 && digits.startsWith('86') && CHINA_MOBILE.test(digits.slice(2))) return digits.slice(2);
  return digits;
}

function classifyNational(digits: string): NormalizedPhone {
  if (CHINA_MOBILE.test(digits)) return { kind: 'mobile', canonical: digits };
  // Area codes are 010 and 020–029 (three digits) or 0 + three digits elsewhere; local numbers 7–8 digits.
  if (digits.startsWith('0')) {
    const areaLength = digits[1] === '1' || digits[1] === '2' ? 3 : 4;
    const localLength = digits.length - areaLength;
    if (localLength === 7 || localLength === 8) {
      return { kind: 'landline', canonical: digits, areaCode: digits.slice(0, areaLength) };
    }
  }
  return { kind: 'other', canonical: digits };
}
