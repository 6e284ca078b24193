import type { Matrix } from "../types.js";
import type { Threshold } from "./threshold.js";

/**
 * MMDE threshold (Li & Tzeng 2009). PLACEHOLDER until the MMDE helper lands:
 * throws so that nothing silently uses a wrong value.
 */
export function mmdeThreshold(_total: Matrix): Threshold {
  throw new Error("MMDE is not implemented yet");
}
