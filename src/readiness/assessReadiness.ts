import type { Model, Survey } from "../types.js";
import { InfeasibleError } from "../errors.js";
import type { DematelSettingsInput } from "../core/dematelSettings.js";
import type { ReadinessScores } from "../io/readReadinessScores.js";
import { danp, danpClusters } from "../structure/danp.js";
import { surveyBaseline } from "../pipeline/analyzeSurvey.js";
import { TOOL } from "../tool.js";
import { readinessAssessment, type ReadinessAssessment } from "./readinessAssessment.js";

/** Options of {@link assessReadiness}. */
export interface AssessReadinessOptions {
  /** DEMATEL settings of the survey's analysis (defaults as for `analyzeSurvey`). */
  settings?: DematelSettingsInput;
  /** Date written into `meta.date` (default now, ISO 8601). */
  date?: string;
}

/** Provenance of a readiness assessment. */
export interface ReadinessMeta {
  tool: string;
  version: string;
  date: string;
  /** The scores' source and the survey's. */
  scores: string;
  survey: string;
  /** True when the survey or the scores are the shipped SYNTHETIC examples. */
  synthetic: boolean;
  model: { title?: string; citation?: string };
  experts: number;
  /** Why these weights: DANP from the layers, or DEMATEL weights and why not DANP. */
  weightsNote: string;
  /** The improvement rule in one sentence (docs/methods.md §13.4). */
  rule: string;
}

/** `cxm-dematel readiness --json`: provenance and the assessment. */
export interface ReadinessResult extends ReadinessAssessment {
  meta: ReadinessMeta;
}

/** The rule of docs/methods.md §13.4 in one sentence, written into every result. */
export const READINESS_RULE =
  "Components with a gap come before those at their aspiration; among them net causes (D − R > 0) before neutral ones before net receivers (D − R < 0); within each group the larger gap × influence given (g · D) first; ties by the larger D − R, then model order.";

/**
 * Assess one organisation's readiness (docs/methods.md §13) against the influence
 * structure of an expert survey: the survey's DEMATEL baseline (the pipeline's
 * stages 1–2, the same T, threshold and weights `analyze` reports), DANP
 * influential weights from the model's layers when they form a partition of
 * the components (the pipeline's stage 8), DEMATEL weights otherwise (the
 * reason is in `meta.weightsNote`), then {@link readinessAssessment}.
 * @throws {RangeError} when the scores, survey and model name different components.
 * @throws {InfeasibleError} when the survey has no total-relation matrix.
 * @example
 * const r = assessReadiness(survey, model, readReadinessScoresFile("scores.csv", model));
 * r.components[0].reason; // "Strengthen … first: gap …"
 */
export function assessReadiness(survey: Survey, model: Model, scores: ReadinessScores, options: AssessReadinessOptions = {}): ReadinessResult {
  const { outcome } = surveyBaseline(survey, model, options.settings);
  const baseline = outcome.dematel;
  const { weights, method, note } = readinessWeights(baseline.total, baseline.weights, model);
  const assessment = readinessAssessment(scores, {
    components: baseline.components,
    names: model.components.map((c) => c.name),
    total: baseline.total,
    threshold: baseline.threshold.value,
    weights,
    weightMethod: method,
  });
  return {
    meta: {
      tool: TOOL.name,
      version: TOOL.version,
      date: options.date ?? new Date().toISOString(),
      scores: scores.source,
      survey: survey.source,
      synthetic: survey.synthetic === true,
      model: { ...(model.title ? { title: model.title } : {}), ...(model.citation ? { citation: model.citation } : {}) },
      experts: survey.experts.length,
      weightsNote: note,
      rule: READINESS_RULE,
    },
    ...assessment,
  };
}

/** DANP weights when the layers partition the components and DANP succeeds; DEMATEL weights otherwise, with the reason. */
function readinessWeights(total: number[][], dematelWeights: number[], model: Model): { weights: number[]; method: "DANP" | "DEMATEL"; note: string } {
  const clusters = danpClusters(model);
  const fallback = (why: string) => ({
    weights: dematelWeights,
    method: "DEMATEL" as const,
    note: `DEMATEL weights w_j ∝ √((D+R)² + (D−R)²) (docs/methods.md §2.4): ${why}.`,
  });
  if (!clusters) return fallback("DANP needs at least two non-empty layers that hold every component, and this model's layers do not");
  try {
    return {
      weights: danp(total, clusters).weights,
      method: "DANP",
      note: `DANP influential weights (docs/methods.md §6.6), the model's ${clusters.length} layers as clusters, from the survey's total-relation matrix.`,
    };
  } catch (e) {
    if (!(e instanceof InfeasibleError)) throw e;
    return fallback(`DANP could not normalise T (${e.message})`);
  }
}
