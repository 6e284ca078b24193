// Public exports of src/layers/: testing a proposed layer ordering (METHODS §4 ISM/MICMAC, §5, §6 sensitivity).
export * from "./kendallTauB.js";
export * from "./trendStatistic.js";
export * from "./flowStatistic.js";
export * from "./countAssignments.js";
export * from "./enumerateAssignments.js";
export * from "./createAssignmentSet.js";
export * from "./createTrendTest.js";
export * from "./createFlowTest.js";
export * from "./layerTests.js";
export * from "./layerOrders.js";
export * from "./suggestedLayers.js";
export * from "./ismLevels.js";
export * from "./micmac.js";
export * from "./weightedKappa.js";
export * from "./structureAgreement.js";
export * from "./sensitivity.js";
export * from "./validateLayers.js";
