// Regenerate the SYNTHETIC example panels in data/surveys/ from the compiled package:
//   npm run build && node scripts/generate-panels.mjs
// The parameters and seeds live in src/simulate/examplePanels.ts (examplePanels()) and exampleGroupPanel.ts, so this script,
// data/README.md and tests/synthetic.test.ts (which checks the committed files byte for byte) share them.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleGroupPanel, examplePanels } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const panel of examplePanels()) {
  const path = root + panel.file;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, panel.csv);
  const o = panel.options;
  console.log(`wrote ${panel.file}: ${panel.description} (${JSON.stringify(o)})`);
}
const groups = exampleGroupPanel();
writeFileSync(root + groups.file, groups.csv);
console.log(`wrote ${groups.file}: ${groups.description} (${groups.groups.map((g) => `${g.label}: ${JSON.stringify(g.options)}`).join("; ")})`);
