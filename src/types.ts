/**
 * Shared data shapes of cxm-dematel. Matrices are plain arrays of rows
 * (`number[][]`, row i = "from" component i) at the public surface; hot
 * loops use `Float64Array` internally.
 */

/** A square matrix as an array of rows. */
export type Matrix = number[][];

/** One component (factor, criterion) of a model. */
export interface Component {
  /** Short unique id, e.g. `"LEAD"`. Matched case-insensitively in surveys. */
  id: string;
  /** English name. */
  name: string;
  /** Persian name, if the model has one. */
  name_fa?: string;
  /** Free-text description. */
  description?: string;
  /** Any further fields a model file carries (codes, sub-components, ...). */
  [extra: string]: unknown;
}

/** A proposed layer: a named group of components. Layers are listed outer → inner. */
export interface Layer {
  id: string;
  name: string;
  name_fa?: string;
  /** Component ids in this layer. */
  components: string[];
  [extra: string]: unknown;
}

/** A model: components and, optionally, proposed layers ordered outer → inner. */
export interface Model {
  /** Optional title of the model. */
  title?: string;
  /** How to cite the model's source. */
  citation?: string;
  components: Component[];
  layers?: Layer[];
  [extra: string]: unknown;
}

/** One expert's direct-influence matrix, in model component order. */
export interface ExpertMatrix {
  /** The expert's label as given in the survey file. */
  expert: string;
  /** Weight of this expert in the aggregation (default 1). */
  weight: number;
  /** n×n ratings; the diagonal is 0. */
  matrix: Matrix;
  /** Cells that were missing and imputed with the mean of the other experts, as [from, to] index pairs. */
  imputed: Array<[number, number]>;
  /** The expert's group, when the survey has a group column (docs/methods.md §12.1). */
  group?: string;
}

/** A non-fatal remark found while reading input (diagonal ratings ignored, imputed cells, ...). */
export interface InputWarning {
  file?: string;
  row?: number;
  column?: string;
  /** The sheet of a workbook survey (`row` is then the sheet's row) and the cell, as in `InputProblem`. */
  sheet?: string;
  cell?: string;
  message: string;
}

/** A survey read and validated against a model. */
export interface Survey {
  /** Where it came from (file path, or a label). */
  source: string;
  /** Component ids, in model order. */
  components: string[];
  experts: ExpertMatrix[];
  /** The rating scale: values must lie in [min, max]. */
  scale: { min: number; max: number };
  warnings: InputWarning[];
  /** True when the data are synthetic (the shipped example panels). */
  synthetic?: boolean;
}

/** A cell of a structural self-interaction matrix (SSIM) for the pair (i, j), i before j: V i leads to j, A j leads to i, X both, O neither (docs/methods.md §6.7). */
export type SsimCode = "V" | "A" | "X" | "O";
