// A small seeded pseudo-random generator shared by the city demand model and the simulator.
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes PractRand)
// seeded through a string hash and splitmix32, so any seed text gives a well-mixed start and
// the same seed gives the same sequence on every machine and Node version.

/** A seeded stream of pseudo-random numbers; never use it for secrets. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Index i with probability weights[i] / sum(weights). */
  weightedIndex(weights: readonly number[]): number;
  /** Gaussian (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** Log-normal given its median and the standard deviation of its logarithm. */
  logNormal(median: number, sigma: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** An independent stream named `label`, fixed by this stream's seed alone (not by how far it has run). */
  derive(label: string): Random;
}

/** Create a stream from a seed; a number seed is the same as its decimal string. */
export function createRandom(seed: number | string): Random {
  return new Sfc32Random(String(seed));
}

/** The index a uniform draw u in [0, 1) selects among weights: the first i whose running sum exceeds u × total. */
export function weightedIndexAt(weights: readonly number[], u: number): number {
  let total = 0;
  for (const weight of weights) {
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new RangeError(`weights must be finite and non-negative, got ${weight}`);
    }
    total += weight;
  }
  if (total <= 0) throw new RangeError('weights must contain at least one positive value');
  const target = u * total;
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] ?? 0;
    if (target < running) return i;
  }
  // Rounding can leave target == total; the last positive weight is then the right answer.
  return weights.findLastIndex((weight) => weight > 0);
}

class Sfc32Random implements Random {
  // The four 32-bit words of sfc32's state: three mixing words and a counter that guarantees
  // a period of at least 2^32.
  private a: number;
  private b: number;
  private c: number;
  private counter: number;
  // Kept so derive() can name child streams after the seed rather than the current state.
  private readonly seedText: string;

  constructor(seedText: string) {
    this.seedText = seedText;
    const mix = splitmix32(hashText(seedText));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.counter = mix();
    // The first outputs of a fresh sfc32 are still correlated with the seed; skip them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  weightedIndex(weights: readonly number[]): number {
    return weightedIndexAt(weights, this.next());
  }

  normal(mean: number, sd: number): number {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    return mean + sd * radius * Math.cos(2 * Math.PI * this.next());
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }

  derive(label: string): Random {
    return new Sfc32Random(`${this.seedText}/${label}`);
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
}

// FNV-1a over the UTF-16 code units: a fixed, well-known 32-bit string hash.
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// splitmix32 spreads one 32-bit seed into a sequence of well-mixed words for the sfc32 state.
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}
