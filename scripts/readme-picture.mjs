#!/usr/bin/env node
// The README's picture, docs/causal-diagram.png: the causal diagram of the embedded SYNTHETIC example panel
// (data/surveys/example-panel.csv, classic DEMATEL at the defaults), drawn by the package's own figure and
// photographed by headless Chromium. Regenerate after the example or the figure changes:
//   npm run build && node scripts/readme-picture.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeSurvey, causalDiagram, defaultModel, readSurvey } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const model = defaultModel();
const survey = readSurvey(join(root, "data", "surveys", "example-panel.csv"), model);
const result = analyzeSurvey(survey, model, { layers: false, bootstrap: 0 });
const fig = causalDiagram(result, model, { title: "Causal diagram — SYNTHETIC example panel (14 simulated experts)" });
const plotly = readFileSync(join(root, "node_modules", "plotly.js-dist-min", "plotly.min.js"), "utf8");
const [width, height] = [900, 620];
const html = `<!doctype html><meta charset="utf-8"><body style="margin:0"><div id="p" style="width:${width}px;height:${height}px"></div>
<script>${plotly}</script><script>Plotly.newPlot("p", ${JSON.stringify(fig.data)}, ${JSON.stringify({ ...fig.layout, width, height })}, { staticPlot: true });</script>`;
const dir = mkdtempSync(join(tmpdir(), "cxm-picture-"));
try {
  writeFileSync(join(dir, "p.html"), html);
  const out = join(root, "docs", "causal-diagram.png");
  const chromium = process.env.CHROMIUM ?? "chromium";
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", `--user-data-dir=${join(dir, "profile")}`];
  const r = spawnSync(
    chromium,
    [...args, "--virtual-time-budget=10000", `--window-size=${width},${height}`, `--screenshot=${out}`, "file://" + join(dir, "p.html")],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`chromium failed: ${r.stderr}`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
