import type { Model } from "../types.js";
import { layerIndex } from "../model/model.js";
import { kendallTauB } from "../stats/kendallTauB.js";
import { suggestedLayers } from "./suggestedLayers.js";
import { weightedKappa } from "../stats/weightedKappa.js";
import type { IsmLevels } from "./ismLevels.js";

/** Outcome of {@link structureAgreement}. */
export interface StructureAgreement {
  /** Proposed layer vs suggested layer (relation sorted and cut at the layer sizes). */
  suggested: {
    /** Kendall τ_b between proposed and suggested layer index. */
    tau: number;
    /** Cohen's kappa, unweighted. */
    kappa: number;
    /** Cohen's weighted kappa, linear weights. */
    kappaLinear: number;
    /** Cohen's weighted kappa, quadratic weights. */
    kappaQuadratic: number;
    /** Share of layered components whose suggested layer is the proposed one. */
    agreement: number;
  };
  /** Proposed layer vs ISM level. */
  ism: {
    /** Kendall τ_b between proposed layer index and reversed ISM level (bottom level ↔ outermost layer); NaN when all share one level. */
    tau: number;
    /** Number of ISM levels. */
    levels: number;
  };
}

/**
 * How far the proposed layers agree with the structures the data suggest
 * (issue 3, item 2), over the components that are in a layer:
 * - suggested layers ({@link suggestedLayers}): Kendall τ_b between proposed
 *   and suggested layer index (Kendall 1945), and Cohen's kappa, unweighted
 *   and weighted with linear and quadratic weights (Cohen 1968) on the L×L
 *   table proposed × suggested;
 * - ISM levels ({@link ismLevels}): τ_b between proposed layer index
 *   (0 = outermost) and the reversed ISM level (number of levels + 1 − level,
 *   so the bottom level, the root drivers, pairs with the outermost layer).
 * For every measure, +1 is perfect agreement and 0 none beyond chance.
 * @param relation D − R per component, in model order.
 * @param ism the ISM levels of the same T, in model order.
 * @throws {RangeError} when the model has no layers or the lengths do not match.
 * @example
 * const ism = ismLevels(d.total, d.threshold.value, componentIds(model));
 * structureAgreement(model, d.relation, ism).suggested.kappaQuadratic;
 */
export function structureAgreement(model: Model, relation: ArrayLike<number>, ism: IsmLevels): StructureAgreement {
  const layerOf = layerIndex(model);
  const L = (model.layers ?? []).length;
  if (ism.levelOf.length !== layerOf.length)
    throw new RangeError(`structureAgreement: ISM levels for ${ism.levelOf.length} components but the model has ${layerOf.length}`);
  const suggested = suggestedLayers(relation, model);
  const layerPos = new Map((model.layers ?? []).map((l, i) => [l.id, i] as const));
  const proposed = suggested.map((s) => layerPos.get(s.proposed) as number);
  const suggestedIdx = suggested.map((s) => layerPos.get(s.suggested) as number);
  const table = Array.from({ length: L }, () => new Array<number>(L).fill(0));
  proposed.forEach((p, k) => table[p][suggestedIdx[k]]++);
  const nLevels = ism.levels.length;
  const reversed: number[] = [];
  layerOf.forEach((l, i) => {
    if (l >= 0) reversed.push(nLevels + 1 - ism.levelOf[i]);
  });
  return {
    suggested: {
      tau: kendallTauB(proposed, suggestedIdx),
      kappa: weightedKappa(table, { weights: "unweighted" }),
      kappaLinear: weightedKappa(table, { weights: "linear" }),
      kappaQuadratic: weightedKappa(table, { weights: "quadratic" }),
      agreement: suggested.filter((s) => s.agrees).length / suggested.length,
    },
    ism: { tau: kendallTauB(proposed, reversed), levels: nLevels },
  };
}
