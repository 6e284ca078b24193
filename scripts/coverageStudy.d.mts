// Types of scripts/coverageStudy.mjs, for tests/coverageStudy.test.ts (the script itself is plain JavaScript).
import type { Matrix, Model } from "../src/types.js";

/** The library parts the study needs, from src/ (tests) or dist/ (scripts/coverage.mjs). */
export type CoverageLibrary = Record<string, (...args: never[]) => unknown>;
export type Range = [number, number];
export interface PanelIntervals {
  percentile: Range;
  bca: Range;
  bcaMissing: boolean;
  bc: Range;
  basic: Range;
  shifted: Range;
  normalBc: Range;
  jackT: Range;
  studentT?: Range;
}
export type QuantityValues = Record<string, number[]>;
export interface Generator {
  delta: number;
  sigma: number;
  tau: number;
  c: number;
  scaleMax: number;
  positionShifts?: Record<string, number>;
}
export interface PanelResult {
  intervals: Record<string, PanelIntervals[]>;
  pCause: number[];
  used: number;
  estimates: QuantityValues;
}
export interface Coverage {
  coverage: number;
  se: number;
  min: number;
  max: number;
  /** Share of the intervals counted (1, except for "bcaReported": the share with a non-null BCa). */
  counted: number;
}
export interface SettingResult {
  omega: number;
  delta: number;
  K: number;
  populationSpectralRadius: number;
  populationTrendPlugIn: number;
  population: QuantityValues;
  coverage: Record<string, Record<string, Coverage>> & { bcaMissing: Record<string, number>; degenerate: Record<string, number> };
  pCause: { atLeast95: number; trueCauseShare: number | null; atMost05: number; trueEffectShare: number | null };
  seconds: number;
}
export interface Study {
  options: Record<string, unknown>;
  settings: SettingResult[];
}
export interface StudyOptions {
  deltas?: number[];
  Ks?: number[];
  omegas?: number[];
  R?: number;
  B?: number;
  seed?: number;
  bootstrapSeed?: number;
  level?: number;
  estimand?: "exact" | "panel";
  studentB?: number;
  model?: Model;
  onProgress?: (setting: number, settings: number, r: number, R: number) => void;
}

export const LIBRARY_PARTS: string[];
export const LIBRARY_MODULES: Record<string, string[]>;
export const QUANTITIES: Array<{ key: string; label: string; reported: boolean; scalar?: boolean }>;
export const METHODS: Array<{ key: string; label: string; product?: boolean; optional?: boolean }>;
export function loadLibrary(folderUrl: URL | string): Promise<CoverageLibrary>;
export function quantityValues(D: ArrayLike<number>, R: ArrayLike<number>, trend: number, flow: number): QuantityValues;
export function expectedRating(lib: CoverageLibrary, mu: number, sigma: number, tau: number, scaleMax: number): number;
export function positions(model: Model, shifts?: Record<string, number>): number[];
export function expectedRatings(lib: CoverageLibrary, model: Model, g: Generator): Matrix;
export function population(
  lib: CoverageLibrary,
  model: Model,
  g: Generator,
  how?: "exact" | "panel",
  panelSize?: number,
  seed?: number,
): { direct: Matrix; spectralRadius: number; trendPlugIn: number; values: QuantityValues };
export function studentQuantile(lib: CoverageLibrary, p: number, nu: number): number;
export function intervals(lib: CoverageLibrary, reps: ArrayLike<number>, estimate: number, jack: ArrayLike<number> | null, level?: number): PanelIntervals;
export function settingShifts(lib: CoverageLibrary, model: Model, omega: number): Record<string, number>;
export function panelSeed(seed: number, index: number, r: number): number;
export function analysePanel(
  lib: CoverageLibrary,
  model: Model,
  g: Partial<Generator>,
  options: { K: number; seed: number; B: number; bootstrapSeed?: number; level?: number; studentB?: number },
): PanelResult;
export function covers(interval: Range, x: number): boolean;
export function coverageStudy(lib: CoverageLibrary, options?: StudyOptions): Study;
export function coverageTables(study: Study): string;
