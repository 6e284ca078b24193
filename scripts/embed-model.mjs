// Regenerate src/model/cxm10.ts from data/models/cxm-10.json (the file users read and cite).
// Run after editing the JSON: node scripts/embed-model.mjs (from any working directory, like the other scripts)
import { readFileSync, writeFileSync } from "node:fs";
const json = JSON.parse(readFileSync(new URL("../data/models/cxm-10.json", import.meta.url), "utf8"));
const head = `/**
 * The embedded default model: the 10-component, 4-layer CXM implementation
 * model of Mardazad Navi et al. (2024), components listed layer by layer,
 * outer to inner. Generated from \`data/models/cxm-10.json\` by
 * \`scripts/embed-model.mjs\`; a test checks the two are identical.
 */
import type { Model } from "../types.js";

/** The CXM implementation model (Mardazad Navi et al. 2024). */
export const cxmModel: Model = `;
writeFileSync(new URL("../src/model/cxm10.ts", import.meta.url), head + JSON.stringify(json, null, 2) + ";\n");
