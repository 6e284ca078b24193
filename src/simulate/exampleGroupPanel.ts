import type { Model, Survey } from "../types.js";
import { defaultModel } from "../model/model.js";
import { surveyToCsv } from "../io/surveyToCsv.js";
import { simulatedSurvey } from "./simulatedSurvey.js";
import type { ExamplePanelOptions } from "./examplePanels.js";

/** One group of the two-group example: its label, the prefix of its experts' labels and its generator settings. */
export interface ExampleGroup {
  label: string;
  prefix: string;
  options: ExamplePanelOptions;
}

/** The shipped SYNTHETIC two-group panel (data/surveys/example-groups.csv). */
export interface ExampleGroupPanel {
  /** Repository-relative path of the committed CSV. */
  file: string;
  /** What it is, in one sentence. */
  description: string;
  groups: [ExampleGroup, ExampleGroup];
  /** The file's exact content: matrix-blocks layout with a `group` column, CRLF lines (`surveyToCsv`). */
  csv: string;
}

/** Seed of the managers' experts of the two-group example; the frontline agents' seed is this plus one. */
export const EXAMPLE_GROUPS_SEED = 2030;

/**
 * The SYNTHETIC two-group example panel for `cxm-dematel compare` (docs/methods.md §12, §8.1):
 * 8 simulated managers (M01–M08) and 10 simulated frontline agents (A01–A10) rating the embedded CXM
 * model, both under the generator of docs/methods.md §8.1 with δ = 0.3, σ = 0.8, τ = 0.3, c = 2, scale
 * 0..4 and Business process management 0.7 of a layer toward the processes layer (as the embedded
 * example). The planted difference: the agents see Customer experience-driven employees (EMP) two
 * layers and the infrastructure and technology component (INF) one layer further out than the model
 * puts them, so for them both drive more than they receive. Every other component is generated alike,
 * so only EMP and INF can truly differ; with 8 and 10 experts the test finds EMP after the adjustment
 * for ten components, and INF only before it (docs/methods.md §12.6). Seeds 2030 (managers) and 2031
 * (agents). Matrix-blocks layout with a `group` column, written by `surveyToCsv`; a test checks the
 * committed file equals it byte for byte. Not the paper's data: the paper publishes no expert matrices.
 * @param model the model (default: the embedded CXM model).
 * @example
 * exampleGroupPanel().groups.map((g) => g.label); // ["managers", "frontline agents"]
 */
export function exampleGroupPanel(model: Model = defaultModel()): ExampleGroupPanel {
  const base = { sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, delta: 0.3 };
  const groups: [ExampleGroup, ExampleGroup] = [
    { label: "managers", prefix: "M", options: { ...base, expertCount: 8, positionShifts: { BPM: 0.7 }, seed: EXAMPLE_GROUPS_SEED } },
    {
      label: "frontline agents",
      prefix: "A",
      options: { ...base, expertCount: 10, positionShifts: { BPM: 0.7, EMP: -2, INF: -1 }, seed: EXAMPLE_GROUPS_SEED + 1 },
    },
  ];
  const surveys = groups.map((g) => relabel(simulatedSurvey(model, g.options), g));
  const survey: Survey = { ...surveys[0], source: "synthetic two-group panel", experts: surveys.flatMap((s) => s.experts) };
  return {
    file: "data/surveys/example-groups.csv",
    description:
      "Synthetic two-group panel: 8 simulated managers and 10 simulated frontline agents (δ = 0.3); the agents alone see EMP and INF further out, as drivers.",
    groups,
    csv: surveyToCsv(survey, "blocks"),
  };
}

/** The survey's experts labelled with the group's prefix (E03 → M03) and given its group. */
function relabel(survey: Survey, group: ExampleGroup): Survey {
  return { ...survey, experts: survey.experts.map((e) => ({ ...e, expert: group.prefix + e.expert.slice(1), group: group.label })) };
}
