// Public exports of src/panel/: panel quality (METHODS §3).
export * from "./gapRatio.js";
export * from "./krippendorffAlpha.js";
export * from "./expertDistances.js";
export * from "./panelQuality.js";
