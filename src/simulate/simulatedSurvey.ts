import type { Model, Survey } from "../types.js";
import { resolvePanelSettings } from "./panelDraw.js";
import { simulatePanel, type SimulatePanelOptions } from "./simulatePanel.js";

/** The realistic-panel options that are on, as they appear in a survey's source ("" when none is). */
function realismText(options: SimulatePanelOptions): string {
  const parts: string[] = [];
  if (options.omega) parts.push(`omega=${options.omega}`);
  const shifts = Object.entries(options.positionShifts ?? {});
  if (shifts.length > 0) parts.push(`shifts ${shifts.map(([id, v]) => `${id}${v >= 0 ? "+" : ""}${v}`).join(" ")}`);
  if (options.dissenterCount)
    parts.push(`dissenters=${options.dissenterCount}` + (options.dissenterDelta === undefined ? "" : ` with delta=${options.dissenterDelta}`));
  return parts.map((p) => ", " + p).join("");
}

/**
 * A synthetic survey: {@link simulatePanel}'s matrices wrapped as a
 * {@link Survey} marked `synthetic: true`, experts labelled E01, E02, …
 * (zero-padded to at least two digits), weight 1, scale 0..s, and a `source`
 * that states the generator's parameters and seed. Same options, defaults and
 * draw order as {@link simulatePanel} (docs/methods.md §8.1–8.2).
 * @throws {RangeError} / {TypeError} as {@link simulatePanel}.
 * @example
 * const survey = simulatedSurvey(defaultModel(), { seed: 7 });
 * survey.experts[0].expert; // "E01"
 */
export function simulatedSurvey(model: Model, options: SimulatePanelOptions = {}): Survey {
  const s = resolvePanelSettings(options, "simulatedSurvey");
  const panel = simulatePanel(model, { ...options, ...s });
  const width = Math.max(2, String(s.expertCount).length);
  return {
    source: `synthetic panel (docs/methods.md §8.1: K=${s.expertCount}, delta=${s.delta}, sigma=${s.sigma}, tau=${s.tau}, c=${s.c}, scale 0..${s.scaleMax}${realismText(options)}, seed=${s.seed})`,
    components: model.components.map((c) => c.id),
    experts: panel.map((matrix, k) => ({ expert: "E" + String(k + 1).padStart(width, "0"), weight: 1, matrix, imputed: [] })),
    scale: { min: 0, max: s.scaleMax },
    warnings: [],
    synthetic: true,
  };
}
