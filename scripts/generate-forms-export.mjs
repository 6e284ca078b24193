// Regenerate the SYNTHETIC Google Forms export data/surveys/example-forms-export.csv from the compiled package:
//   npm run build && node scripts/generate-forms-export.mjs
// It holds the ratings of data/surveys/example-panel.csv (itself simulated with a fixed seed), written as
// Google Forms writes the export of the questionnaire of `cxm-dematel template --format forms`
// (formsExportCsv: deterministic, no randomness of its own). tests/surveyExport.test.ts checks the
// committed file equals this output byte for byte and analyzes to the same results as the panel.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultModel, formsExportCsv, readSurvey } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const model = defaultModel();
const panel = readSurvey(root + "data/surveys/example-panel.csv", model);
writeFileSync(root + "data/surveys/example-forms-export.csv", formsExportCsv(panel, model, { synthetic: true }));
console.log(
  `wrote data/surveys/example-forms-export.csv: ${panel.experts.length} SYNTHETIC respondents × ${model.components.length * (model.components.length - 1)} grid rows`,
);
