import type { Model } from "../types.js";
import { InputError, type InputProblem, shown } from "../errors.js";
import { cxmModel } from "./cxm10.js";

/** A deep copy of the embedded default model (Mardazad Navi et al. 2024: 10 components, 4 layers). */
export function defaultModel(): Model {
  return structuredClone(cxmModel);
}

/**
 * Validate a model object (as read from JSON) and return it typed. Shape:
 * `{ components: [{ id, name, name_fa? }...], layers?: [{ id, name, components: [ids] }...] }`,
 * layers listed outer → inner. Every problem is reported at once: missing or
 * duplicate ids (case-insensitive), a component in two layers, an unknown id
 * in a layer, an empty layer.
 * @param source the file name, for messages.
 * @throws {InputError} listing every problem found.
 */
export function parseModel(value: unknown, source = "model"): Model {
  const problems: InputProblem[] = [];
  const at: ProblemAt = (column, message, expected, found) => {
    problems.push({ file: source, column, message, expected, found });
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError({
      file: source,
      message: "a model file must hold a JSON object",
      expected: '{ "components": [...], "layers": [...] }',
      found: Array.isArray(value) ? "an array" : typeof value,
    });
  }
  const obj = value as Record<string, unknown>;
  const comps = obj.components;
  if (!Array.isArray(comps) || comps.length === 0) {
    throw new InputError({
      file: source,
      column: "components",
      message: "a model needs a non-empty list of components",
      expected: 'an array of { "id", "name" }',
      found: comps === undefined ? "nothing" : shown(JSON.stringify(comps)),
    });
  }
  const seen = checkComponents(comps, at);
  if (obj.layers !== undefined) checkLayers(obj.layers, seen, at);
  if (problems.length) throw new InputError(problems);
  return canonicalModel(obj);
}

/** Records one problem of a model at a column ("components[2].id"). */
type ProblemAt = (column: string, message: string, expected?: string, found?: string) => void;

/** Check each component (object, id, name, name_fa); returns the lower-cased ids seen, with their index. */
function checkComponents(comps: readonly unknown[], at: ProblemAt): Map<string, number> {
  const seen = new Map<string, number>();
  comps.forEach((c, i) => {
    const where = `components[${i}]`;
    if (typeof c !== "object" || c === null) return at(where, "a component must be an object", '{ "id", "name" }', shown(JSON.stringify(c)));
    const { id, name, name_fa } = c as Record<string, unknown>;
    if (typeof id !== "string" || id.trim() === "") at(`${where}.id`, "a component needs a non-empty id", 'a string such as "LEAD"', shown(JSON.stringify(id)));
    else if (/[,;\t"\r\n]/.test(id))
      at(`${where}.id`, "a component id must not contain commas, semicolons, tabs, quotes or line breaks", "a plain id", shown(id));
    else {
      const key = id.trim().toLowerCase();
      if (seen.has(key)) at(`${where}.id`, `duplicate component id (also components[${seen.get(key)}])`, "unique ids", shown(id));
      else seen.set(key, i);
    }
    if (typeof name !== "string" || name.trim() === "") at(`${where}.name`, "a component needs a non-empty name", "a string", shown(JSON.stringify(name)));
    if (name_fa !== undefined && typeof name_fa !== "string") at(`${where}.name_fa`, "name_fa must be a string", "a string", shown(JSON.stringify(name_fa)));
  });
  return seen;
}

/** Check the layer list: each layer an object with a unique id, a name and known components, each component in at most one layer. */
function checkLayers(layers: unknown, seen: ReadonlyMap<string, number>, at: ProblemAt): void {
  if (!Array.isArray(layers)) return at("layers", "layers must be a list", '[{ "id", "name", "components": [ids] }]', shown(JSON.stringify(layers)));
  const inLayer = new Map<string, string>();
  const layerIds = new Set<string>();
  layers.forEach((l, li) => {
    const where = `layers[${li}]`;
    if (typeof l !== "object" || l === null) return at(where, "a layer must be an object", '{ "id", "name", "components" }', shown(JSON.stringify(l)));
    const { id, name, components } = l as Record<string, unknown>;
    if (typeof id !== "string" || id.trim() === "") at(`${where}.id`, "a layer needs a non-empty id", "a string", shown(JSON.stringify(id)));
    else if (layerIds.has(id)) at(`${where}.id`, "duplicate layer id", "unique ids", shown(id));
    else layerIds.add(id);
    if (typeof name !== "string" || name.trim() === "") at(`${where}.name`, "a layer needs a non-empty name", "a string", shown(JSON.stringify(name)));
    if (!Array.isArray(components) || components.length === 0)
      return at(`${where}.components`, "a layer needs a non-empty list of component ids", "an array of ids", shown(JSON.stringify(components)));
    components.forEach((cid, ci) => {
      const cw = `${where}.components[${ci}]`;
      if (typeof cid !== "string") return at(cw, "a layer lists component ids as strings", "a string", shown(JSON.stringify(cid)));
      const key = cid.trim().toLowerCase();
      if (!seen.has(key)) return at(cw, "unknown component id in a layer", `one of ${seen.size} component ids`, shown(cid));
      if (inLayer.has(key)) return at(cw, `component is already in layer ${inLayer.get(key)}`, "each component in at most one layer", shown(cid));
      inLayer.set(key, String(id));
    });
  });
}

/** A copy of a checked model object with ids trimmed and layer members in the components' own spelling. */
function canonicalModel(obj: Record<string, unknown>): Model {
  const model = structuredClone(obj) as unknown as Model;
  const canonical = new Map(model.components.map((c) => [c.id.trim().toLowerCase(), c.id.trim()] as const));
  model.components.forEach((c) => (c.id = c.id.trim()));
  model.layers?.forEach((l) => (l.components = l.components.map((c) => canonical.get(c.trim().toLowerCase()) as string)));
  return model;
}

/**
 * Each component's layer index, 0 = outermost, in model component order;
 * -1 for a component in no layer.
 * @throws {RangeError} when the model has no layers.
 */
export function layerIndex(model: Model): number[] {
  if (!model.layers || model.layers.length === 0) throw new RangeError("the model has no layers");
  const idx = new Map<string, number>();
  model.layers.forEach((l, li) => l.components.forEach((c) => idx.set(c, li)));
  return model.components.map((c) => idx.get(c.id) ?? -1);
}

/** The component ids of a model, in model order. */
export function componentIds(model: Model): string[] {
  return model.components.map((c) => c.id);
}
