import type { Model } from "../types.js";
import { createRandom } from "../random.js";
import { layerPositions } from "./panelDraw.js";

/** How the components of one layer differ from each other in the generator (docs/methods.md §8.1). */
export interface PositionOptions {
  /**
   * Within-layer heterogeneity ω (default 0): each component's position is moved by ω·z,
   * z standard normal, in layer units, so that components of one layer no longer act alike.
   */
  omega?: number;
  /**
   * Fixed moves of single components, in layer units, by component id (default none): +0.6 puts a
   * component 0.6 of the way toward the next inner layer, −1 into the previous one (a misplaced component).
   */
  positionShifts?: Readonly<Record<string, number>>;
}

/**
 * The seed of the component-position stream: the panel's seed mixed with a fixed odd constant, so that
 * the positions never draw from the ratings' stream and a panel with ω = 0 equals the panel of earlier versions.
 */
export function positionSeed(seed: number): number {
  return ((seed >>> 0) ^ 0x5bd1e995) >>> 0;
}

/**
 * The position p_i of each component in the generator: its 1-based layer ℓ(i) (docs/methods.md §8.1),
 * plus its fixed shift, plus ω·z_i with z_1..z_n drawn in model order from `createRandom(positionSeed(seed))`
 * (drawn even when ω = 0, so changing ω keeps the deviates). With ω = 0 and no shifts p = ℓ.
 * @throws {RangeError} naming every unknown component id, and every shift or ω that is not a finite number (ω ≥ 0).
 * @example
 * componentPositions(defaultModel(), { positionShifts: { STR: 0.6 } }, 1)[3]; // 2.6 (STR is in layer 2)
 */
export function componentPositions(model: Model, options: PositionOptions, seed: number): Float64Array {
  const { omega = 0, positionShifts = {} } = options;
  const problems: string[] = [];
  if (typeof omega !== "number" || !Number.isFinite(omega) || omega < 0) problems.push(`omega must be a finite number ≥ 0, got ${String(omega)}`);
  const ids = model.components.map((c) => c.id);
  for (const [id, shift] of Object.entries(positionShifts)) {
    if (!ids.includes(id)) problems.push(`positionShifts: unknown component "${id}" (the model has ${ids.join(", ")})`);
    if (typeof shift !== "number" || !Number.isFinite(shift)) problems.push(`positionShifts.${id} must be a finite number, got ${String(shift)}`);
  }
  if (problems.length > 0) throw new RangeError(`simulatePanel: ${problems.join("; ")}`);
  const pos = layerPositions(model);
  const rng = createRandom(positionSeed(seed));
  for (let i = 0; i < pos.length; i++) pos[i] += (positionShifts[ids[i]] ?? 0) + omega * rng.normal();
  return pos;
}
