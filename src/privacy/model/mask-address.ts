import { stars } from './mask-text.ts';

/** A postal address split the way Chinese e-waybills carry it (GB/T 41833, Cainiao consigneeAddress). */
export interface PostalAddress {
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
  /** Street (街道), township or community (社区); shown in full on labels. */
  readonly street?: string;
  /** Road, house, building, unit and room: `软件园路1号3栋502室`. */
  readonly detail: string;
}

const LETTER = '[A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A]';
const DIGIT = '[0-9\\uFF10-\\uFF19]';
// Digits glued to a road word name the road, not the house (204国道, 3号路 is still a house number).
const ROAD_WORD = '(?:路|街|大街|大道|道|巷|胡同|国道|省道|县道)';
// Words that follow a house, building, unit or room number, written in digits or Chinese numerals.
const UNIT_WORD = '(?:号楼|号院|号|栋|幢|座|楼|层|单元|室|户|门|弄|排|组)';

const HOUSE_DIGITS = new RegExp(`${DIGIT}+(?!${DIGIT}|${ROAD_WORD})`, 'gu');
// Letters touching a masked digit belong to the same number: B1, 12A, 3F.
const LETTERS_NEXT_TO_MASK = new RegExp(`${LETTER}+(?=\\*)|(?<=\\*)${LETTER}+`, 'gu');
const LETTER_BEFORE_UNIT = new RegExp(`${LETTER}(?=${UNIT_WORD})`, 'gu');
const CHINESE_NUMERAL_BEFORE_UNIT = new RegExp(`[零〇一二三四五六七八九十百千两]+(?=${UNIT_WORD})`, 'gu');

/**
 * Mask an address for labels and ordinary reads (GB/T 41833 practice): province, city, district
 * and street/community stay readable; house, building, unit and room numbers in `detail` become
 * one `*` per character: `高新园区软件园路1号3栋502室` → `高新园区软件园路*号*栋***室`.
 */
export function maskAddress(address: PostalAddress): PostalAddress {
  return { ...address, detail: maskAddressDetail(address.detail) };
}

/** The address as one line in Chinese order, with no separators: `辽宁省大连市甘井子区…`. */
export function joinAddress(address: PostalAddress): string {
  return [address.province, address.city, address.district, address.street, address.detail]
    .filter((part) => part !== undefined && part !== '')
    .join('');
}

function maskAddressDetail(detail: string): string {
  const starOut = (match: string): string => stars(Array.from(match).length);
  return detail
    .replace(HOUSE_DIGITS, starOut)
    .replace(LETTERS_NEXT_TO_MASK, starOut)
    .replace(LETTER_BEFORE_UNIT, starOut)
    .replace(CHINESE_NUMERAL_BEFORE_UNIT, starOut);
}
