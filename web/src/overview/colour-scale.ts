// The choropleth scale shared by the map and its legend: five steps from pale to deep orange,
// evenly over 0..max so the same colour means the same rate in both.

export const COLOUR_STEPS = ['#fff3e0', '#ffcc80', '#ffa726', '#f57c00', '#bf360c'] as const;

/** The fill colour for a rate, given the highest rate on screen. */
export function colourFor(value: number, max: number): string {
  if (max <= 0 || value <= 0) return COLOUR_STEPS[0];
  const step = Math.min(COLOUR_STEPS.length - 1, Math.floor((value / max) * COLOUR_STEPS.length));
  return COLOUR_STEPS[step] ?? COLOUR_STEPS[0];
}

/** Decimals worth showing for a rate: three on a quiet day, one once rates reach double figures. */
export function rateDigits(rate: number): number {
  return rate >= 10 ? 1 : rate >= 1 ? 2 : 3;
}
