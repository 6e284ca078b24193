/**
 * Seeded pseudo-random numbers: the same seed gives the same stream on every
 * machine. Generator: sfc32 (Small Fast Counting, Doty-Humphrey, PractRand),
 * 32-bit integer arithmetic only, seeded through splitmix32 so nearby seeds
 * give unrelated streams.
 */

/** A seeded random source. */
export interface Random {
  /** Uniform double in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number;
  /**
   * Fill out[start..end) with standard normal deviates: the same numbers, and the same stream afterwards, as calling
   * `normal()` once for each entry in turn, but several times faster.
   */
  fillNormal(out: Float64Array, start?: number, end?: number): void;
  /**
   * Permute values[start..end) in place by Fisher–Yates from the last entry down: entry a (a = count − 1 down to 1) is
   * swapped with a uniform index below a + 1 drawn from the next words by Lemire's (2019) multiply-and-reject method
   * (one word per index but for the rare rejections; `int` maps words to indices differently, by remainders); entries
   * above the 2²¹st take their indices as `int` does.
   */
  shuffle(values: Float64Array | Uint8Array | Uint32Array, start?: number, end?: number): void;
  /** The seed this source was made with. */
  readonly seed: number;
  /** Where the stream is now, as plain data: {@link restoreRandom} continues it from here, in this thread or another. */
  state(): RandomState;
}

/** A generator's position in its stream ({@link Random.state}): the seed, sfc32's four words and the polar method's spare deviate. */
export interface RandomState {
  readonly seed: number;
  readonly words: readonly number[];
  readonly spare: number | null;
}

/** Up to this many entries `Random.shuffle` draws its indices by Lemire's method (2²¹: a word times an index bound stays exact in a double). */
const MAX_SHUFFLE = 2097152;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * `Random.shuffle` on the generator state `st` (sfc32's four words; `u32` draws from it): a module function rather
 * than a closure of each generator, so V8 keeps one optimised copy for every generator a process makes.
 */
function shuffleWith(st: Uint32Array, u32: () => number, values: Float64Array | Uint8Array | Uint32Array, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= values.length))
    throw new RangeError(`shuffle: need integers 0 ≤ start ≤ end ≤ ${values.length}, got ${start}, ${end}`);
  // Above 2²¹ entries the top ones are swapped with indices drawn as int() draws them (remainders), where x·n
  // would no longer be exact in a double; the rest by the inlined loop below.
  let i = end - start - 1;
  for (; i >= MAX_SHUFFLE; i--) {
    const n = i + 1;
    const limit = 4294967296 - (4294967296 - Math.floor(4294967296 / n) * n);
    let x: number;
    do x = u32();
    while (x >= limit);
    const j = start + (x - Math.floor(x / n) * n);
    const t = values[start + i];
    values[start + i] = values[j];
    values[j] = t;
  }
  // sfc32 inlined, the state in locals for the loop and stored back after it. The index below i + 1 is Lemire's
  // (2019) multiply-and-reject: x·n = hi·2³² + lo, accept hi unless lo < (2³² − n) mod n (exact in doubles: x·n < 2⁵³ for n ≤ 2²¹).
  let a = st[0],
    b = st[1],
    c = st[2],
    d = st[3];
  for (; i > 0; i--) {
    const n = i + 1;
    let hi: number;
    for (;;) {
      const x = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = (b ^ (b >>> 9)) >>> 0;
      const r = (c << 21) | (c >>> 11);
      b = (c + (c << 3)) >>> 0;
      c = (r + x) >>> 0;
      const product = x * n;
      hi = Math.floor(product / 4294967296);
      const lo = product - hi * 4294967296;
      if (lo >= n || lo >= (4294967296 - n) % n) break;
    }
    const j = start + hi;
    const t = values[start + i];
    values[start + i] = values[j];
    values[j] = t;
  }
  st[0] = a;
  st[1] = b;
  st[2] = c;
  st[3] = d;
}

/**
 * Make a seeded generator.
 * @param seed any integer (taken modulo 2³²).
 * @throws {TypeError} when the seed is not a finite integer.
 * @example
 * const rng = createRandom(42); rng.next(); // same value on every machine
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed) || Math.floor(seed) !== seed) throw new TypeError(`seed must be a finite integer, got ${seed}`);
  const init = splitmix32((seed >>> 0) ^ Math.floor(seed / 4294967296));
  // The state lives in a typed array: unsigned 32-bit words kept in closure variables would be
  // boxed as heap numbers on every store (they exceed the small-integer range), which made each
  // draw allocate; a Uint32Array holds them unboxed. The stream is the same word for word.
  const st = new Uint32Array(4);
  st[0] = init();
  st[1] = init();
  st[2] = init();
  st[3] = init() | 1;
  const rng = generator(seed, st, null);
  for (let i = 0; i < 12; i++) rng.next();
  return rng;
}

/**
 * The generator at a position `Random.state()` gave: the same stream from there on, word for word.
 * @throws {TypeError} when the state is not four 32-bit words with a seed and a spare (a number or null).
 * @example
 * const a = createRandom(1); a.int(10); const b = restoreRandom(a.state()); b.int(10) === a.int(10); // true
 */
export function restoreRandom(state: RandomState): Random {
  const { words, spare, seed } = state;
  if (!(words.length === 4 && words.every((w) => Number.isInteger(w) && w >= 0 && w < 4294967296) && (spare === null || Number.isFinite(spare))))
    throw new TypeError("restoreRandom: the state must be four unsigned 32-bit words and a spare deviate (a number or null)");
  return generator(seed, Uint32Array.from(words), spare);
}

/** The generator on state `st` (sfc32's words, advanced in place), with the polar method's spare deviate if there is one. */
function generator(seed: number, st: Uint32Array, spareDeviate: number | null): Random {
  const u32 = (): number => {
    const a = st[0],
      b = st[1],
      c = st[2],
      d = st[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    const r = (c << 21) | (c >>> 11);
    st[2] = r + t;
    return t;
  };
  // The polar method's second deviate, kept for the next call (hasSpare[0] = 1 when it is there).
  const spare = Float64Array.of(spareDeviate ?? 0);
  const hasSpare = Uint8Array.of(spareDeviate === null ? 0 : 1);
  const next = (): number => u32() / 4294967296;
  return {
    seed,
    next,
    state: (): RandomState => ({ seed, words: Array.from(st), spare: hasSpare[0] === 1 ? spare[0] : null }),
    int(n: number): number {
      if (!(n >= 1) || n > 4294967296) throw new RangeError(`int(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
      // Rejection to avoid modulo bias. The remainders are taken as a − ⌊a/n⌋·n, which is exact here (a < 2^53, so
      // the quotient's floor is exact) and equals a % n bit for bit, without the slow floating-point modulo.
      const limit = 4294967296 - (4294967296 - Math.floor(4294967296 / n) * n);
      let x: number;
      do x = u32();
      while (x >= limit);
      return x - Math.floor(x / n) * n;
    },
    shuffle(values: Float64Array | Uint8Array | Uint32Array, start = 0, end = values.length): void {
      shuffleWith(st, u32, values, start, end);
    },
    fillNormal(out: Float64Array, start = 0, end = out.length): void {
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= out.length))
        throw new RangeError(`fillNormal: need integers 0 ≤ start ≤ end ≤ ${out.length}, got ${start}, ${end}`);
      let k = start;
      if (k < end && hasSpare[0] === 1) {
        hasSpare[0] = 0;
        out[k++] = spare[0];
      }
      // normal()'s polar method with sfc32 inlined, the state in locals for the loop and stored back after it.
      let a = st[0],
        b = st[1],
        c = st[2],
        d = st[3];
      while (k < end) {
        let u: number, v: number, s: number;
        do {
          let x = (((a + b) >>> 0) + d) >>> 0;
          d = (d + 1) >>> 0;
          a = (b ^ (b >>> 9)) >>> 0;
          let r = (c << 21) | (c >>> 11);
          b = (c + (c << 3)) >>> 0;
          c = (r + x) >>> 0;
          u = 2 * (x / 4294967296) - 1;
          x = (((a + b) >>> 0) + d) >>> 0;
          d = (d + 1) >>> 0;
          a = (b ^ (b >>> 9)) >>> 0;
          r = (c << 21) | (c >>> 11);
          b = (c + (c << 3)) >>> 0;
          c = (r + x) >>> 0;
          v = 2 * (x / 4294967296) - 1;
          s = u * u + v * v;
        } while (s >= 1 || s === 0);
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        out[k++] = u * f;
        if (k < end) out[k++] = v * f;
        else {
          spare[0] = v * f;
          hasSpare[0] = 1;
        }
      }
      st[0] = a;
      st[1] = b;
      st[2] = c;
      st[3] = d;
    },
    normal(): number {
      if (hasSpare[0] === 1) {
        hasSpare[0] = 0;
        return spare[0];
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare[0] = v * f;
      hasSpare[0] = 1;
      return u * f;
    },
  };
}
