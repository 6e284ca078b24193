import type { LinguisticScale } from "./linguisticScaleRules.js";
import type { SurveyMapping } from "./surveyMapping.js";

/** Options of `parseSurvey`, `readSurvey` and `parseSurveyExport`. */
export interface SurveyOptions {
  /** File name or label used in messages and as `Survey.source`. Default `"survey"` (`readSurvey`: the path). */
  source?: string;
  /** The rating scale; every off-diagonal rating must lie in [min, max]. Default `{ min: 0, max: 4 }` (docs/methods.md §1.2). */
  scale?: { min: number; max: number };
  /**
   * What to do with a missing rating. `"none"` (default): it is an error.
   * `"mean"`: fill it with the plain mean of the other experts' ratings of that
   * cell, list it in `ExpertMatrix.imputed` and add a warning; a cell no other
   * expert rated is still an error.
   */
  impute?: "none" | "mean";
  /**
   * A linguistic scale (docs/methods.md §2.11): each rating cell must then name one of its
   * terms — by code, English label or Persian label, in any case, with Persian digits — and is
   * read as the term's value (`termValues`); the survey's scale becomes the smallest to the
   * largest value, and `scale` is not used. Default: none (ratings are numbers on `scale`).
   */
  terms?: LinguisticScale;
  /** Most problems listed in the error; the rest are counted ("… and N more"). Default 50. */
  maxProblems?: number;
  /** A survey-tool export's mapping file (docs/methods.md §1.8): the text is then read as an export (`parseSurveyExport`). */
  mapping?: SurveyMapping;
  /** A survey-tool export's weight column header (docs/methods.md §1.8); for a survey in the long, blocks or grid layout it must name the header's own weight column, else it is a problem. */
  weightColumn?: string;
  /** A survey-tool export's group column header (docs/methods.md §1.8); for a survey in the long, blocks or grid layout it must name the header's own group column, else it is a problem. */
  groupColumn?: string;
}
