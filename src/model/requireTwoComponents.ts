import type { Model } from "../types.js";
import { InputError } from "../errors.js";

/**
 * The model, refused (located at its file) when it has fewer than two components: DEMATEL rates
 * influence between components, so a single component has none to give or receive. Every command
 * and the browser app check this before any survey is read.
 * @throws {InputError} when the model has fewer than two components.
 * @example
 * requireTwoComponents(parseModel(json, "m.json"), "m.json");
 */
export function requireTwoComponents(model: Model, file: string): Model {
  if (model.components.length >= 2) return model;
  throw new InputError({
    file,
    column: "components",
    message: "DEMATEL needs at least two components: a single component has no influence to give or receive",
    expected: "a model with two or more components",
    found: `${model.components.length} component`,
  });
}
