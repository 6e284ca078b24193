/**
 * The architecture of src/, enforced by `npm run lint:arch` (and tests/architecture.test.ts):
 * folders are the pipeline's stages, in this order, and a file may import only from its own
 * folder, from an earlier stage, or from the foundation files at the top of src/ (types, errors,
 * random, tool), which import no stage. No import cycles, not even of types.
 * src/index.ts (the public surface) may import anything.
 */
const STAGES = [
  "model", // the model: components, layers, the embedded CXM default
  "linalg", // dense linear algebra on typed arrays, panel shape checks
  "stats", // general statistics: tau-b, kappa, quantiles, normal, Krippendorff, BCa
  "io", // reading surveys and models, templates, safe CSV, atomic file writing
  "core", // DEMATEL: aggregate, normalise, total relation, thresholds, the resampling kernel
  "panel", // panel quality: gap ratio, expert distances, leave-one-out
  "permutation", // exact and Monte Carlo permutation tests of a layering
  "structure", // ISM levels, MICMAC, suggested layers, layer orders, agreement
  "layers", // layer tests, sensitivity, validation of a layered model
  "uncertainty", // bootstrap over experts
  "simulate", // synthetic panels, power
  "pipeline", // one analysis: settings, baseline, every stage
  "compare", // expert groups compared: permutation over group labels, per-group analyses
  "readiness", // one organisation's readiness: gaps to aspiration, weighted index, improvement order
  "plots", // Plotly figures (pure data) and HTML escaping
  "interpret", // plain-language readings and verdicts
  "report", // the HTML report and result files
  "cli", // the command line
];

const later = (i) => STAGES.slice(i + 1).join("|");
const stageRules = STAGES.slice(0, -1).map((stage, i) => ({
  name: `${stage}-imports-later-stage`,
  comment: `src/${stage}/ may import only earlier stages (${STAGES.slice(0, i).join(", ") || "none"}) and the foundation files`,
  severity: "error",
  from: { path: `^src/${stage}/` },
  to: { path: `^src/(${later(i)})/` },
}));

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "no two files import each other, directly or through others", from: {}, to: { circular: true } },
    {
      name: "foundation-imports-stage",
      severity: "error",
      comment: "types.ts, errors.ts, random.ts and tool.ts are below every stage",
      from: { path: "^src/[^/]+\\.ts$", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/[^/]+/" },
    },
    ...stageRules,
    {
      name: "src-imports-outside",
      severity: "error",
      comment: "src/ never imports tests, scripts or build output",
      from: { path: "^src/" },
      to: { path: "^(tests|scripts|bench|dist|notebooks)/" },
    },
    { name: "not-to-unresolvable", severity: "error", from: { path: "^src/" }, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
