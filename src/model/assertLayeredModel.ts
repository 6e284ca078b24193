import type { Model } from "../types.js";
import { InputError } from "../errors.js";

/** Options of {@link assertLayeredModel}. */
export interface AssertLayeredModelOptions {
  /** The model's file, or another label of it ("the embedded model"), for the message (default: none). */
  file?: string;
}

/**
 * Check that a model proposes a layer ordering that can be tested (docs/methods.md §5.1):
 * at least two non-empty layers, outer → inner. This is the one place the
 * command line's messages for a model without layers ("the model has no
 * layers, so there is no proposed ordering to test") and with a single layer
 * live; `layers` and `power` both use it.
 * @returns the number of non-empty layers (≥ 2).
 * @throws {InputError} located at `options.file`, column "layers", when the
 *   model has no non-empty layer or only one.
 * @example
 * assertLayeredModel(defaultModel()); // 4
 * assertLayeredModel({ components, layers: [] }, { file: "m.json" }); // throws: "m.json, column "layers": the model has no layers, …"
 */
export function assertLayeredModel(model: Model, options: AssertLayeredModelOptions = {}): number {
  const file = options.file;
  const count = nonEmptyLayerCount(model);
  if (count === 0) {
    throw new InputError({
      file,
      column: "layers",
      message: "the model has no layers, so there is no proposed ordering to test (analyze still gives the DEMATEL results)",
      expected: 'a "layers" list of at least two layers, outer → inner, each listing its component ids',
      found: model.layers === undefined ? 'no "layers" in the model' : model.layers.length === 0 ? "an empty layer list" : "only empty layers",
    });
  }
  if (count === 1) {
    throw new InputError({
      file,
      column: "layers",
      message: "the model has only one layer, so there is no ordering of layers to test",
      expected: "at least two layers, outer → inner",
      found: "1 layer",
    });
  }
  return count;
}

/** The number of layers of a model that hold at least one component (0 for a model without layers). */
export function nonEmptyLayerCount(model: Model): number {
  return (model.layers ?? []).filter((l) => l.components.length > 0).length;
}

/**
 * The library's form of {@link assertLayeredModel}, for programming use: a
 * RangeError naming the function that needs the layers, when the model has
 * fewer than two non-empty layers.
 * @param who the function that needs the layers, for the message.
 * @returns the number of non-empty layers (≥ 2).
 * @throws {RangeError} when the model has no non-empty layer or only one.
 * @example
 * requireLayers(defaultModel(), "bootstrapExperts"); // 4
 */
export function requireLayers(model: Model, who: string): number {
  const count = nonEmptyLayerCount(model);
  if (count === 0) throw new RangeError(`${who} needs a model with layers; this model has none (a layering test compares at least two non-empty layers)`);
  if (count === 1)
    throw new RangeError(
      `${who} needs a model with at least two layers to compare; this model has only one non-empty layer (a layering test compares at least two non-empty layers)`,
    );
  return count;
}
