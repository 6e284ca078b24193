// Public exports of src/plots/: Plotly figure builders (pure data, no DOM).
export * from "./plotlyFigure.js";
export * from "./layerColorGroups.js";
export * from "./causalDiagram.js";
export * from "./totalRelationHeatmap.js";
export * from "./gapRatioPlot.js";
export * from "./relationForestPlot.js";
export * from "./layerOrderPlot.js";
export * from "./micmacPlot.js";
export * from "./ismLevelsPlot.js";
export * from "./powerCurvePlot.js";
export * from "./notebookDisplay.js";
