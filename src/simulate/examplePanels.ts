import type { Model } from "../types.js";
import { defaultModel } from "../model/model.js";
import { surveyToCsv } from "../io/surveyToCsv.js";
import { simulatedSurvey } from "./simulatedSurvey.js";
import type { SimulatePanelOptions } from "./simulatePanel.js";

/** One shipped synthetic example panel. */
export interface ExamplePanel {
  /** Repository-relative path of the committed CSV. */
  file: string;
  /** What it is, in one sentence. */
  description: string;
  /** The exact generator settings (docs/methods.md §8.1), seed included. */
  options: ExamplePanelOptions;
  /** The file's exact content: matrix-blocks layout, header first, CRLF lines (`surveyToCsv`). */
  csv: string;
}

/** The generator settings of a shipped panel: §8.1's six numbers and seed, and the realistic-panel options it uses. */
export type ExamplePanelOptions = { expertCount: number; delta: number; sigma: number; tau: number; c: number; scaleMax: number; seed: number } & Pick<
  SimulatePanelOptions,
  "omega" | "positionShifts" | "dissenterCount" | "dissenterDelta"
>;

/** Seed of the embedded example panel (data/surveys/example-panel.csv, the default of `analyze`). */
export const EXAMPLE_PANEL_SEED = 2027;
/** Seed of the null example panel (data/surveys/null-panel.csv). */
export const NULL_PANEL_SEED = 2025;
/** Seed of the strongly layered panel (data/surveys/strong-panel.csv, the example of versions before 0.2). */
export const STRONG_PANEL_SEED = 2024;

/**
 * The project's three SYNTHETIC example panels, made by {@link simulatedSurvey}
 * under docs/methods.md §8.1 for the embedded CXM model (the paper publishes no expert
 * matrices; these are not the paper's data), 14 experts each, σ = 0.8, τ = 0.3, c = 2, scale 0..4:
 * - `data/surveys/example-panel.csv`, the embedded example every command starts from: a panel
 *   that looks like a real study — a moderate layering (δ = 0.3) whose components differ within
 *   a layer (ω = 0.3), Business process management placed 0.7 of a layer toward the
 *   processes layer, and one expert (E14) who sees the layering the other way round
 *   (δ' = −0.8); seed 2027 (`EXAMPLE_PANEL_SEED`);
 * - `data/surveys/null-panel.csv`: δ = 0 (no layer structure), seed 2025 (`NULL_PANEL_SEED`);
 * - `data/surveys/strong-panel.csv`: δ = 0.5, no heterogeneity, no dissent — the layering at its
 *   attainable maximum, a test fixture (and the example of earlier versions), seed 2024 (`STRONG_PANEL_SEED`).
 * All in the matrix-blocks layout (`expert,from,<component ids>`, diagonal
 * cells empty) written by `surveyToCsv`. `scripts/generate-panels.mjs` writes
 * these strings to disk, and a test checks the committed files equal them
 * byte for byte, so the data and the generator never drift apart.
 * @param model the model (default: the embedded CXM model).
 * @example
 * const [example, nul, strong] = examplePanels();
 * example.file; // "data/surveys/example-panel.csv"
 */
export function examplePanels(model: Model = defaultModel()): ExamplePanel[] {
  const base = { expertCount: 14, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 };
  const specs: Array<Omit<ExamplePanel, "csv">> = [
    {
      file: "data/surveys/example-panel.csv",
      description:
        "Synthetic study panel: 14 simulated experts, a moderate layering (δ = 0.3) with components that differ within a layer (ω = 0.3), " +
        "Business process management set 0.7 of a layer toward the processes layer, and one expert (E14) who sees the layering reversed.",
      options: { ...base, delta: 0.3, omega: 0.3, positionShifts: { BPM: 0.7 }, dissenterCount: 1, dissenterDelta: -0.8, seed: EXAMPLE_PANEL_SEED },
    },
    {
      file: "data/surveys/null-panel.csv",
      description: "Synthetic null panel: 14 simulated experts, no layer structure (δ = 0).",
      options: { ...base, delta: 0, seed: NULL_PANEL_SEED },
    },
    {
      file: "data/surveys/strong-panel.csv",
      description: "Synthetic strongly layered panel: 14 simulated experts, outer layers drive inner ones (δ = 0.5), every layer's components alike.",
      options: { ...base, delta: 0.5, seed: STRONG_PANEL_SEED },
    },
  ];
  return specs.map((s) => ({ ...s, csv: surveyToCsv(simulatedSurvey(model, s.options), "blocks") }));
}
