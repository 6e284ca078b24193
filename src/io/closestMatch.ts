/**
 * Edit distance between two strings: the optimal-string-alignment variant of
 * the Damerau–Levenshtein distance, i.e. the least number of single-character
 * insertions, deletions, substitutions and swaps of two adjacent characters
 * that turn `a` into `b` (a swap counts 1, so `"LAED"` is 1 away from `"LEAD"`).
 * Compared case-sensitively; lower-case both for a case-insensitive distance.
 * Source: Damerau (1964), Communications of the ACM 7(3) 171–176; Levenshtein (1966).
 * @example
 * editDistance("GOVV", "GOV"); // 1
 * editDistance("LAED", "LEAD"); // 1
 */
export function editDistance(a: string, b: string): number {
  const m = a.length,
    n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // Three rolling rows: i-2, i-1, i.
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** Options of {@link closestMatch}. */
export interface ClosestMatchOptions {
  /** Largest edit distance still worth suggesting. Default: `max(1, round(0.4 · length of word))`. */
  maxDistance?: number;
}

/**
 * The candidate closest to `word` by {@link editDistance}, compared
 * case-insensitively after trimming, for "did you mean …?" suggestions;
 * `undefined` when no candidate is within `maxDistance` (or `word` is empty).
 * Ties go to the candidate listed first. An exact (case-insensitive) match is
 * returned as is.
 * @throws {RangeError} when `maxDistance` is negative or not a number.
 * @example
 * closestMatch("GOVV", ["LEAD", "CUL", "GOV"]); // "GOV"
 * closestMatch("xyz", ["LEAD", "CUL", "GOV"]); // undefined
 */
export function closestMatch(word: string, candidates: readonly string[], options: ClosestMatchOptions = {}): string | undefined {
  const w = word.trim().toLowerCase();
  if (w === "") return undefined;
  const limit = options.maxDistance ?? Math.max(1, Math.round(0.4 * w.length));
  if (!(limit >= 0)) throw new RangeError(`closestMatch: maxDistance must be a number >= 0, got ${options.maxDistance}`);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.trim().toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
