import type { Model } from "../types.js";
import type { PowerOptions, PowerResult, PowerSettings } from "./powerCurveCore.js";
import type { PilotPowerBand } from "./pilotPowerBand.js";
import type { PilotParameters } from "./pilotEstimate.js";

/** What a power page says about a pilot panel: its file, size, estimates and their standard errors. */
export interface PilotSummary {
  file: string;
  expertCount: number;
  estimates: PilotParameters;
  standardErrors: PilotParameters;
  bootstrap: { replicates: number; seed: number };
  notes: string[];
}

/** Shared settings of a multi-δ power run: a curve's settings without δ, with the list of δ. */
export interface PowerStudySettings extends Omit<PowerSettings, "delta"> {
  /** The layer effects δ, one curve each, in the order given. */
  deltas: number[];
  /** Where the list came from: the command's default ({@link POWER_COMMAND_DELTAS}) or `--delta`. */
  deltasSource: "command default" | "--delta" | "--pilot";
}

/** What `cxm-dematel power --json` prints and power.json holds: shared settings and one `powerCurve` result per δ. */
export interface PowerStudy {
  settings: PowerStudySettings;
  curves: PowerResult[];
  /** With `--pilot`: the pilot's estimates (the one curve is at them) and the band of their uncertainty. */
  pilot?: PilotSummary;
  band?: PilotPowerBand;
}

/** One power curve (Node's `powerCurve` with worker threads, or `powerCurveWith` in-process in a browser). */
export type PowerCurveFunction = (model: Model, options: PowerOptions) => Promise<PowerResult>;

/** One power curve per δ, every one with the same seeds, on one progress line; their shared settings. */
export async function powerStudy(
  model: Model,
  panelSizes: number[],
  deltas: readonly number[],
  deltasGiven: boolean,
  simulation: Omit<PowerOptions, "panelSizes" | "delta" | "onProgress">,
  onProgress: (done: number, total: number) => void,
  curveOf: PowerCurveFunction,
): Promise<PowerStudy> {
  const curves: PowerResult[] = [];
  let before = 0;
  for (const delta of deltas) {
    const curve = await curveOf(model, { panelSizes, delta, ...simulation, onProgress: (d, t) => onProgress(before + d, t * deltas.length) });
    before += curve.settings.sims * panelSizes.length;
    curves.push(curve);
  }
  const { delta: _delta, ...rest } = curves[0].settings;
  const settings: PowerStudySettings = {
    ...rest,
    workersUsed: Math.max(...curves.map((c) => c.settings.workersUsed)),
    deltas: [...deltas],
    deltasSource: deltasGiven ? "--delta" : "command default",
  };
  return { settings, curves };
}
