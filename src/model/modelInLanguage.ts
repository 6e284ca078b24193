import type { Model } from "../types.js";

/** The languages a model's names come in: English (`name`) and Persian (`name_fa`). */
export type NameLanguage = "en" | "fa";

/**
 * The model with its component and layer names in `language`, for display: in Persian each `name`
 * becomes its `name_fa` where the model gives one (the English name stays where it does not); in
 * English the model is returned as it is. Ids, layers and every other field are unchanged, so the
 * numbers of an analysis do not depend on it.
 * @example
 * modelInLanguage(defaultModel(), "fa").components[0].name; // "رهبری متمرکز بر مشتری"
 */
export function modelInLanguage(model: Model, language: NameLanguage): Model {
  if (language === "en") return model;
  return {
    ...model,
    components: model.components.map((c) => ({ ...c, name: c.name_fa ?? c.name })),
    ...(model.layers ? { layers: model.layers.map((l) => ({ ...l, name: l.name_fa ?? l.name })) } : {}),
  };
}
