import type { Model } from "../types.js";
import { defaultModel } from "../model/model.js";
import { surveyToCsv } from "../io/surveyToCsv.js";
import { simulatedSurvey } from "./simulatedSurvey.js";

/** One shipped synthetic example panel. */
export interface ExamplePanel {
  /** Repository-relative path of the committed CSV. */
  file: string;
  /** What it is, in one sentence. */
  description: string;
  /** The exact generator settings (docs/methods.md §8.3), seed included. */
  options: { expertCount: number; delta: number; sigma: number; tau: number; c: number; scaleMax: number; seed: number };
  /** The file's exact content: matrix-blocks layout, header first, CRLF lines (`surveyToCsv`). */
  csv: string;
}

/** Seed of the layered example panel (data/surveys/example-panel.csv). */
export const EXAMPLE_PANEL_SEED = 2024;
/** Seed of the null example panel (data/surveys/null-panel.csv). */
export const NULL_PANEL_SEED = 2025;

/**
 * The project's two SYNTHETIC example panels, made by {@link simulatedSurvey}
 * under docs/methods.md §8.1 for the embedded CXM model (the paper publishes no expert
 * matrices; these are not the paper's data):
 * - `data/surveys/example-panel.csv`: 14 experts, δ = 0.5, σ = 0.8, τ = 0.3,
 *   c = 2, scale 0..4, seed 2024 (`EXAMPLE_PANEL_SEED`) — a layered structure
 *   (outer layers drive inner ones);
 * - `data/surveys/null-panel.csv`: the same with δ = 0 (no layer structure),
 *   seed 2025 (`NULL_PANEL_SEED`).
 * Both in the matrix-blocks layout (`expert,from,<component ids>`, diagonal
 * cells empty) written by `surveyToCsv`. `scripts/generate-panels.mjs` writes
 * these strings to disk, and a test checks the committed files equal them
 * byte for byte, so the data and the generator never drift apart.
 * @param model the model (default: the embedded CXM model).
 * @example
 * const [example, nul] = examplePanels();
 * example.file; // "data/surveys/example-panel.csv"
 */
export function examplePanels(model: Model = defaultModel()): ExamplePanel[] {
  const base = { expertCount: 14, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 };
  const specs = [
    {
      file: "data/surveys/example-panel.csv",
      description: "Synthetic layered panel: 14 simulated experts, outer layers drive inner ones (δ = 0.5).",
      options: { ...base, delta: 0.5, seed: EXAMPLE_PANEL_SEED },
    },
    {
      file: "data/surveys/null-panel.csv",
      description: "Synthetic null panel: 14 simulated experts, no layer structure (δ = 0).",
      options: { ...base, delta: 0, seed: NULL_PANEL_SEED },
    },
  ];
  return specs.map((s) => ({ ...s, csv: surveyToCsv(simulatedSurvey(model, s.options), "blocks") }));
}
