/**
 * cxm-dematel: DEMATEL influence analysis of expert surveys, and tests of
 * whether a proposed layered model holds. This file is the package's only
 * public surface.
 */
export * from "./types.js";
export * from "./errors.js";
export * from "./random.js";
export * from "./linalg.js";
export * from "./model.js";
export * from "./aggregate.js";
export * from "./normalize.js";
export * from "./totalRelation.js";
export * from "./dematel.js";
export * from "./thresholds/threshold.js";
export * from "./thresholds/mmde.js";
export * from "./survey/index.js";
export * from "./panel/index.js";
export * from "./layers/index.js";
export * from "./uncertainty/index.js";
export * from "./plots/index.js";
export * from "./report/index.js";
