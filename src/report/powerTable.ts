import type { CsvCell } from "../io/toCsv.js";
import type { PowerStudy } from "../simulate/powerStudy.js";

/**
 * The rows of power.csv, header first: one row per δ and panel size K with the power, its Monte Carlo standard
 * error, the rejections and the failed panels (docs/methods.md §8.4), and with a pilot the band's lower edge,
 * median and upper edge (§8.6). Written by `cxm-dematel power --out` and offered by the browser app.
 * @example
 * powerTableRows(study)[0]; // ["delta", "experts", "power", "mcse", "rejections", "failed"]
 */
export function powerTableRows(study: PowerStudy): CsvCell[][] {
  const band = study.band;
  return [
    ["delta", "experts", "power", "mcse", "rejections", "failed", ...(band ? ["band_lower", "band_median", "band_upper"] : [])],
    ...study.curves.flatMap((c) =>
      c.panelSizes.map((k, i) => [
        c.settings.delta,
        k,
        c.power[i],
        c.mcse[i],
        c.rejections[i],
        c.failed[i],
        ...(band ? [band.lower[i], band.median[i], band.upper[i]] : []),
      ]),
    ),
  ];
}
