// What an e-commerce parcel weighs, measures and is declared to be worth.
//
// Method: draw a goods category by its share, then a log-normal weight around the category's
// median (σ = 0.8 of the logarithm, clamped to 50 g–30 kg, the usual courier limit) and a
// log-normal declared value around the category's median price (σ = 0.9, ¥1–¥20,000). The size
// class follows the weight (≤ 1 kg small, ≤ 5 kg medium, else large), one class larger in 10 %
// of parcels for light but bulky goods; each dimension varies ±25 % around the class's box.
// Shares, medians and boxes are plausible hand-set values for Chinese e-commerce, not measured
// data; together they give an overall median weight near 800 g.
import type { Random } from '../platform/random.ts';

export type SizeClass = 'small' | 'medium' | 'large';

export interface GoodsCategory {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Relative share of parcels. */
  readonly share: number;
  readonly medianWeightG: number;
  readonly medianValueFen: number;
}

export interface ParcelProfile {
  readonly category: GoodsCategory;
  readonly weightG: number;
  readonly sizeClass: SizeClass;
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly declaredValueFen: number;
}

export const GOODS_CATEGORIES: readonly GoodsCategory[] = [
  { id: 'apparel', nameZh: '服装鞋帽', nameEn: 'Apparel and shoes', share: 25, medianWeightG: 600, medianValueFen: 12_000 },
  { id: 'daily', nameZh: '日用百货', nameEn: 'Daily necessities', share: 20, medianWeightG: 900, medianValueFen: 4_000 },
  { id: 'food', nameZh: '食品生鲜', nameEn: 'Food', share: 15, medianWeightG: 1_400, medianValueFen: 6_000 },
  { id: 'cosmetics', nameZh: '美妆个护', nameEn: 'Cosmetics and personal care', share: 10, medianWeightG: 400, medianValueFen: 15_000 },
  { id: 'electronics', nameZh: '数码电器', nameEn: 'Electronics', share: 10, medianWeightG: 700, medianValueFen: 30_000 },
  { id: 'home', nameZh: '家居家纺', nameEn: 'Home and textiles', share: 10, medianWeightG: 1_800, medianValueFen: 9_000 },
  { id: 'books', nameZh: '图书文具', nameEn: 'Books and stationery', share: 5, medianWeightG: 700, medianValueFen: 5_000 },
  { id: 'other', nameZh: '其他', nameEn: 'Other', share: 5, medianWeightG: 1_000, medianValueFen: 8_000 },
];

/** Outer box of each size class in millimetres (length × width × height). */
export const SIZE_CLASS_BOX_MM: Readonly<Record<SizeClass, readonly [number, number, number]>> = {
  small: [250, 180, 80],
  medium: [400, 300, 200],
  large: [600, 450, 400],
};

export const MIN_WEIGHT_G = 50;
export const MAX_WEIGHT_G = 30_000;
const WEIGHT_SIGMA = 0.8;
const VALUE_SIGMA = 0.9;
const MIN_VALUE_FEN = 100;
const MAX_VALUE_FEN = 2_000_000;
const BULKY_SHARE = 0.1;
const SIZE_CLASSES: readonly SizeClass[] = ['small', 'medium', 'large'];
const CATEGORY_SHARES = GOODS_CATEGORIES.map((category) => category.share);

/** Draw one parcel's category, weight, size and declared value. */
export function sampleParcel(random: Random): ParcelProfile {
  const category = GOODS_CATEGORIES[random.weightedIndex(CATEGORY_SHARES)] as GoodsCategory;
  const weightG = clampRound(random.logNormal(category.medianWeightG, WEIGHT_SIGMA), MIN_WEIGHT_G, MAX_WEIGHT_G);
  const sizeClass = sizeClassFor(weightG, random.chance(BULKY_SHARE));
  const [length, width, height] = SIZE_CLASS_BOX_MM[sizeClass].map((side) => Math.round(side * (0.75 + 0.5 * random.next())));
  return {
    category,
    weightG,
    sizeClass,
    lengthMm: length ?? 0,
    widthMm: width ?? 0,
    heightMm: height ?? 0,
    declaredValueFen: clampRound(random.logNormal(category.medianValueFen, VALUE_SIGMA), MIN_VALUE_FEN, MAX_VALUE_FEN),
  };
}

/** Size class for a weight: ≤ 1,000 g small, ≤ 5,000 g medium, else large; bulky moves one class up. */
export function sizeClassFor(weightG: number, bulky: boolean): SizeClass {
  const byWeight = weightG <= 1_000 ? 0 : weightG <= 5_000 ? 1 : 2;
  return SIZE_CLASSES[Math.min(2, byWeight + (bulky ? 1 : 0))] as SizeClass;
}

function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
