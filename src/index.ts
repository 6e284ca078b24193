/**
 * cxm-dematel: DEMATEL influence analysis of expert surveys, and tests of
 * whether a proposed layered model holds. This file is the package's only
 * public surface: it names every public export, grouped by pipeline stage.
 * Everything not named here (linear algebra, HTML and file helpers, tuning
 * constants, resampling kernels) is internal and may change without notice;
 * tests import internals by path. tests/publicApi.test.ts snapshots this list.
 * @packageDocumentation
 */

// Model: the components and their proposed layers (outer → inner); the embedded CXM default.
export { defaultModel, parseModel, layerIndex, componentIds } from "./model/model.js";
export type { Matrix, Component, Layer, Model } from "./types.js";

// Read: surveys (CSV text, CSV files, .xlsx workbooks) and models from files or text, blank templates, surveys back to CSV; bad input throws InputError with every problem located.
export { loadModel } from "./io/loadModel.js";
export { readSurvey } from "./io/readSurvey.js";
export { parseSurvey } from "./io/parseSurvey.js";
export { readSurveyFile } from "./io/readSurveyFile.js";
export { surveyWorkbookTemplate } from "./io/surveyWorkbookTemplate.js";
export { parseSurveyWorkbook } from "./io/parseSurveyWorkbook.js";
export { surveyTemplate } from "./io/surveyTemplate.js";
export { surveyToCsv } from "./io/surveyToCsv.js";
export { formsTemplate } from "./io/formsTemplate.js";
export { formsExportCsv } from "./io/formsExportCsv.js";
export { readSurveyMapping } from "./io/readSurveyMapping.js";
export { checkSurveyMapping } from "./io/surveyMapping.js";
export { DEFAULT_ANSWER_LABELS } from "./io/answerLabels.js";
export { InputError, formatProblem } from "./errors.js";
export type { InputProblem } from "./errors.js";
export type { SurveyOptions } from "./io/parseSurvey.js";
export type { SurveyTemplateOptions } from "./io/surveyTemplate.js";
export type { SurveyWorkbookTemplateOptions } from "./io/surveyWorkbookTemplate.js";
export type { FormsTemplate, FormsTemplateOptions, FormsQuestion } from "./io/formsTemplate.js";
export type { FormsExportOptions } from "./io/formsExportCsv.js";
export type { SurveyMapping, MappedPair } from "./io/surveyMapping.js";
export type { SurveyLayout } from "./io/surveyHeader.js";
export type { Survey, ExpertMatrix, InputWarning } from "./types.js";

// Validate: does a model propose a testable layering (at least two non-empty layers)? Same messages as the command line.
export { assertLayeredModel } from "./model/assertLayeredModel.js";
export type { AssertLayeredModelOptions } from "./model/assertLayeredModel.js";

// Settings: every choice that decides a DEMATEL result, resolved and checked once and handed to every stage.
export { resolveSettings } from "./core/dematelSettings.js";
export type { DematelSettings, DematelSettingsInput, DematelMethod, VariantSettings, VariantSettingsInput } from "./core/dematelSettings.js";

// Aggregate: the panel's matrices into one (weighted mean or element-wise median).
export { aggregate } from "./core/aggregate.js";
export type { AggregateOptions, AggregationMethod } from "./core/aggregate.js";

// DEMATEL: normalise, total relation T = N(I − N)⁻¹, D, R, prominence, relation, roles, weights, the impact-relation map.
export { normalize } from "./core/normalize.js";
export { totalRelation } from "./core/totalRelation.js";
export { dematel, roleOf, influenceSums, impactEdges } from "./core/dematel.js";
export { InfeasibleError } from "./errors.js";
export type { NormalizeOptions, NormalizationMethod, Normalized } from "./core/normalize.js";
export type { TotalRelation } from "./core/totalRelation.js";
export type { DematelOptions, DematelResult, Edge, Role } from "./core/dematel.js";
// The pipeline's DEMATEL stage: a panel → one DEMATEL result by the settings' method.
export { panelDematel } from "./core/panelDematel.js";
// Fuzzy and grey DEMATEL on numbers (docs/methods.md §2.9 and §2.10): triangular fuzzy numbers (CFCS, both orders) and interval grey numbers (whitening).
export { fuzzyDematel } from "./core/fuzzyDematel.js";
export { greyDematel } from "./core/greyDematel.js";
export { cfcs, greyWhiten } from "./core/cfcs.js";
export type { TriangularFuzzyNumber, FuzzyMatrix, FuzzyOrder, FuzzyDematelOptions, FuzzyDematelResult } from "./core/fuzzyDematel.js";
export type { GreyNumber, GreyMatrix, GreyOrder, GreyDematelOptions, GreyDematelResult } from "./core/greyDematel.js";
export type { DefuzzifyRange } from "./core/uncertainDematel.js";
export { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "./core/linguisticScale.js";
export type { LinguisticScale, LinguisticTerm } from "./core/linguisticScale.js";

// Thresholds of the impact-relation map: mean, mean+sd, quantile (R type 7), fixed, MMDE.
export { threshold } from "./core/threshold.js";
export { mmdeThreshold } from "./core/mmde.js";
export { quantileType7 } from "./stats/quantileType7.js";
export type { Threshold, ThresholdMethod, ThresholdOptions } from "./core/thresholdTypes.js";
export type { MmdeDetail } from "./core/mmde.js";

// Panel quality: consensus gap ratio, Krippendorff's alpha, each expert's distance from the others, leaving one out.
export { panelQuality } from "./panel/panelQuality.js";
export { gapRatio } from "./panel/gapRatio.js";
export { gapRatioBaseline } from "./panel/gapRatioBaseline.js";
export { alphaReading } from "./panel/alphaReading.js";
export { krippendorffAlpha, krippendorffAlphaFromUnits } from "./stats/krippendorffAlpha.js";
export { expertDistances } from "./panel/expertDistances.js";
export { leaveOneOut } from "./panel/leaveOneOut.js";
export type { LeaveOneOutRun } from "./panel/leaveOneOut.js";
export type { PanelQuality, PanelQualityOptions, ExpertDistance, LeaveOneOutEffect } from "./panel/panelQuality.js";
export type { GapRatioResult } from "./panel/gapRatio.js";
export type { GapRatioBaseline, GapRatioBaselineOptions } from "./panel/gapRatioBaseline.js";
export type { AlphaReading } from "./panel/alphaReading.js";
export type { AlphaLevel } from "./stats/krippendorffAlpha.js";

// Layer tests: the trend and flow statistics and their exact permutation tests.
export { kendallTauB } from "./stats/kendallTauB.js";
export { trendStatistic } from "./permutation/trendStatistic.js";
export { flowStatistic } from "./permutation/flowStatistic.js";
export { createTrendTest } from "./permutation/createTrendTest.js";
export { createFlowTest } from "./permutation/createFlowTest.js";
// Public because PermutationOptions.assignmentSet documents it: one set shared by a trend and a flow test.
export { createAssignmentSet } from "./permutation/createAssignmentSet.js";
export { attainableTrendSize } from "./permutation/attainableTrendSize.js";
export { trendMaximum } from "./permutation/trendMaximum.js";
export type { PermutationOptions, AssignmentSet } from "./permutation/createAssignmentSet.js";
export type { PermutationTest, PermutationResult } from "./permutation/permutationTypes.js";
export type { AttainableSize } from "./permutation/attainableTrendSize.js";
// Layer tests: the structure the data suggest (layer orders, suggested layers, ISM levels, MICMAC) and its agreement with the model.
export { layerOrders } from "./structure/layerOrders.js";
// Documented behaviour: validateLayers and analyzeSurvey rank the layer orders only up to this many layers.
export { MAX_LAYER_ORDERS } from "./structure/layerOrders.js";
export { suggestedLayers } from "./structure/suggestedLayers.js";
export { ismLevels } from "./structure/ismLevels.js";
export { micmac } from "./structure/micmac.js";
export { ssimToReachability, SSIM_CODES } from "./structure/ssimToReachability.js";
export { combineSsim } from "./structure/combineSsim.js";
export { transitiveClosure, missingTransitiveEntries } from "./structure/transitiveClosure.js";
export { levelPartition } from "./structure/levelPartition.js";
export { ismAnalysis } from "./structure/ismAnalysis.js";
export { weightedKappa } from "./stats/weightedKappa.js";
export { structureAgreement } from "./structure/structureAgreement.js";
export { danp, danpClusters } from "./structure/danp.js";
export type { LayerOrder, LayerOrders } from "./structure/layerOrders.js";
export type { SuggestedLayer } from "./structure/suggestedLayers.js";
export type { IsmLevels } from "./structure/ismLevels.js";
export type { Micmac, MicmacQuadrant } from "./structure/micmac.js";
export type { SsimCode } from "./types.js";
export type { CombinedSsim, SsimTie } from "./structure/combineSsim.js";
export type { TransitiveClosure } from "./structure/transitiveClosure.js";
export type { LevelPartition, LevelPartitionRow } from "./structure/levelPartition.js";
export type { IsmAnalysis, IsmLink } from "./structure/ismAnalysis.js";
export type { IsmInput, SsimExpert } from "./io/readSsim.js";
export type { KappaWeights, WeightedKappaOptions } from "./stats/weightedKappa.js";
export type { StructureAgreement } from "./structure/structureAgreement.js";
export type { DanpCluster, DanpResult } from "./structure/danp.js";
// Layer tests: all of them on one DEMATEL result or one panel, their sensitivity to the analyst's choices.
export { layerTests, createLayerTests } from "./layers/layerTests.js";
// The scenarios sensitivity compares by default, documented so they can be extended.
export { sensitivity, SENSITIVITY_THRESHOLDS, SENSITIVITY_AGGREGATIONS } from "./layers/sensitivity.js";
export { validateLayers } from "./layers/validateLayers.js";
export type { LayerTests, LayerTestsOptions, LayerTestResult, TrendTestResult, SignCheck, PreparedLayerTests } from "./layers/layerTests.js";
export type { Sensitivity, SensitivityOptions, SensitivityScenario } from "./layers/sensitivity.js";
export type { LayerValidation, ValidateLayersOptions } from "./layers/validateLayers.js";

// Uncertainty: bootstrap over experts (percentile and BCa intervals, P(cause), rank distributions).
export { bootstrapExperts } from "./uncertainty/bootstrapExperts.js";
export type { BootstrapOptions, BootstrapResult, Interval } from "./uncertainty/bootstrapExperts.js";
export type { StructureStability } from "./uncertainty/structureStability.js";

// Simulate and power: seeded synthetic panels, the shipped example panels, power of the trend test against panel size.
export { createRandom } from "./random.js";
export { simulatePanel } from "./simulate/simulatePanel.js";
export { simulatedSurvey } from "./simulate/simulatedSurvey.js";
export { examplePanels } from "./simulate/examplePanels.js";
export { exampleGroupPanel } from "./simulate/exampleGroupPanel.js";
export { powerCurve } from "./simulate/powerCurve.js";
export { pilotEstimate } from "./simulate/pilotEstimate.js";
export { pilotPowerBand } from "./simulate/pilotPowerBand.js";
export { smallestAdequatePanel } from "./report/renderPowerReport.js";
export type { Random } from "./random.js";
export type { SimulatePanelOptions } from "./simulate/simulatePanel.js";
export type { ExamplePanel, ExamplePanelOptions } from "./simulate/examplePanels.js";
export type { ExampleGroup, ExampleGroupPanel } from "./simulate/exampleGroupPanel.js";
export type { PositionOptions } from "./simulate/componentPositions.js";
export type { PowerOptions, PowerSettings, PowerResult } from "./simulate/powerCurve.js";
export type { PilotEstimate, PilotEstimateOptions, PilotParameters } from "./simulate/pilotEstimate.js";
export type { PilotPowerBand, PilotPowerBandOptions } from "./simulate/pilotPowerBand.js";

// Pipeline: one whole analysis of a survey (DEMATEL, threshold, panel quality, layer tests, bootstrap, sensitivity).
export { analyzeSurvey } from "./pipeline/analyzeSurvey.js";
export type { AnalyzeOptions, AnalysisResult, AnalysisMeta, LayerAnalysis, ImputedCell, DanpWeights } from "./pipeline/analyzeSurvey.js";

// Expert groups compared: a permutation test over group labels and each group's own analysis (docs/methods.md §12).
export { compareGroups } from "./compare/compareGroups.js";
export { groupsFromSurvey, groupsFromSurveys } from "./compare/groupedPanel.js";
export type { CompareOptions, GroupComparison, GroupLayerTests, ComponentComparison, OverallComparison } from "./compare/compareGroups.js";
export type { ExpertGroup, GroupedPanel } from "./compare/groupedPanel.js";

// Readiness: one organisation's gaps to its aspiration levels, weighted readiness index and improvement order (docs/methods.md §13).
export { assessReadiness } from "./readiness/assessReadiness.js";
export { readReadinessScores, readReadinessScoresFile } from "./io/readReadinessScores.js";
export type { AssessReadinessOptions, ReadinessMeta, ReadinessResult } from "./readiness/assessReadiness.js";
export type { ReadinessAssessment, ReadinessComponent } from "./readiness/readinessAssessment.js";
export type { ImprovementTier } from "./readiness/improvementOrder.js";
export type { ReadinessScores, ReadReadinessScoresOptions, ScoreScale } from "./io/readReadinessScores.js";

// Interpret: plain-language readings of the results and the verdict on the layering.
export { plainReading } from "./interpret/plainReading.js";
export { layeringVerdict } from "./interpret/layeringVerdict.js";
export { formatPValue } from "./interpret/formatPValue.js";
export { compareReading } from "./interpret/compareReading.js";
export type { PlainReadingInput } from "./interpret/plainReading.js";
export type { LayeringVerdictInput, VerdictTest } from "./interpret/layeringVerdict.js";

// Plots: Plotly figures as plain data, and their HTML for a notebook output.
export { causalDiagram } from "./plots/causalDiagram.js";
export { totalRelationHeatmap } from "./plots/totalRelationHeatmap.js";
export { gapRatioPlot } from "./plots/gapRatioPlot.js";
export { relationForestPlot } from "./plots/relationForestPlot.js";
export { layerOrderPlot } from "./plots/layerOrderPlot.js";
export { micmacPlot } from "./plots/micmacPlot.js";
export { ismLevelsPlot } from "./plots/ismLevelsPlot.js";
export { powerCurvePlot } from "./plots/powerCurvePlot.js";
export { pilotBandPlot } from "./plots/pilotBandPlot.js";
export { readinessGapPlot } from "./plots/readinessGapPlot.js";
export { groupRelationPlot } from "./plots/groupRelationPlot.js";
export { createNotebookDisplay, plotlyHtml, tableHtml } from "./plots/notebookDisplay.js";
export type { PlotlyFigure } from "./plots/plotlyFigure.js";
export type { CausalDiagramInput, CausalDiagramOptions } from "./plots/causalDiagram.js";
export type { TotalRelationHeatmapInput, TotalRelationHeatmapOptions } from "./plots/totalRelationHeatmap.js";
export type { GapRatioCurve, GapRatioPlotOptions } from "./plots/gapRatioPlot.js";
export type { RelationForestInput, ForestInterval } from "./plots/relationForestPlot.js";
export type { LayerOrderEntry } from "./plots/layerOrderPlot.js";
export type { MicmacInput } from "./plots/micmacPlot.js";
export type { IsmLevelsInput } from "./plots/ismLevelsPlot.js";
export type { PowerCurveInput } from "./plots/powerCurvePlot.js";
export type { ReadinessGapBar } from "./plots/readinessGapPlot.js";
export type { GroupRelationSeries } from "./plots/groupRelationPlot.js";
export type { NotebookDisplay, NotebookDisplayOptions, NotebookFigure, PlotlyHtmlOptions, TableHtmlOptions } from "./plots/notebookDisplay.js";

// Report: the self-contained HTML report, the power page, the result tables and files.
export { renderReport } from "./report/renderReport.js";
export { renderPowerReport } from "./report/renderPowerReport.js";
export { totalRelationTable, componentTable, edgeTable } from "./report/resultTables.js";
export { groupRelationSeries } from "./report/compareTables.js";
export { writeResultFiles, RESULT_FILES } from "./report/writeResultFiles.js";
export { TOOL } from "./tool.js";
export type { ReportInput, PanelReportInput, LayersReportInput, DanpReportInput, RenderReportOptions } from "./report/renderReport.js";
export type { PowerReportInput, PowerReportCurve, PowerStudyInput } from "./report/renderPowerReport.js";
export type { ResultTablesInput } from "./report/resultTables.js";
export type { CsvCell } from "./io/toCsv.js";
export type { WriteResultFilesOptions } from "./report/writeResultFiles.js";
