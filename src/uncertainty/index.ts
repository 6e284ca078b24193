// Public exports of src/uncertainty/: synthetic panels (METHODS §7), bootstrap over experts (§6), power (§7).
export * from "./simulatePanel.js";
export * from "./simulatedSurvey.js";
export * from "./quantileType7.js";
export * from "./bootstrapExperts.js";
export * from "./powerCurve.js";
export * from "./examplePanels.js";
