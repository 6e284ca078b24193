import type { Model, Survey } from "../types.js";
import { formsTemplate, type FormsTemplateOptions } from "./formsTemplate.js";
import { surveyCsvCell } from "./surveyCsvCell.js";

/** Options of {@link formsExportCsv}. */
export interface FormsExportOptions extends FormsTemplateOptions {
  /** Mark the file SYNTHETIC: a "Data note" column saying so on every row (the reader ignores it). Default `survey.synthetic`. */
  synthetic?: boolean;
  /** The first respondent's timestamp, as Google Forms writes it (M/D/YYYY H:MM:SS); the others follow 17 minutes apart. Default 2026-01-05 09:00. */
  start?: Date;
}

/** A timestamp as Google Forms' CSV writes it, M/D/YYYY H:MM:SS (UTC). */
function formsTimestamp(d: Date): string {
  const two = (x: number): string => String(x).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * A survey written as the Google Forms export (Responses → Download responses (.csv)) of the
 * questionnaire of {@link formsTemplate} (docs/methods.md §1.8): a Timestamp column, a "Data note"
 * when synthetic, the expert-code question, then one column per grid row, headed
 * `Question title [Row label]`, each cell the answer label of the expert's rating. Deterministic:
 * the timestamps follow from `start`. Cells go through the CSV formula guard; lines end in CRLF.
 * It is how the shipped SYNTHETIC export `data/surveys/example-forms-export.csv` is made from
 * `example-panel.csv`, and reading it back gives the same survey.
 * @throws {RangeError} when a rating is not one of the scale's answer values.
 * @example
 * formsExportCsv(readSurvey("data/surveys/example-panel.csv", defaultModel()), defaultModel());
 */
export function formsExportCsv(survey: Survey, model: Model, options: FormsExportOptions = {}): string {
  const template = formsTemplate(model, options);
  const labelOf = new Map(template.answers.map((a) => [a.value, a.label]));
  const synthetic = options.synthetic ?? survey.synthetic === true;
  const index = new Map(survey.components.map((id, k) => [id, k]));
  const start = (options.start ?? new Date(Date.UTC(2026, 0, 5, 9, 0, 0))).getTime();
  const header = ["Timestamp", ...(synthetic ? ["Data note"] : []), template.expertQuestion, ...template.questions.flatMap((q) => q.rows.map((r) => r.header))];
  const lines = [header];
  survey.experts.forEach((e, k) => {
    const cells = template.questions.flatMap((q) =>
      q.rows.map((r) => {
        const x = e.matrix[index.get(q.from) as number][index.get(r.to) as number];
        const label = labelOf.get(x);
        if (label === undefined) throw new RangeError(`formsExportCsv: expert ${e.expert} rates ${q.from}→${r.to} ${x}, which is no answer of the scale`);
        return label;
      }),
    );
    const note = synthetic ? ["SYNTHETIC: simulated ratings, not collected from any expert (cxm-dematel example data)"] : [];
    lines.push([formsTimestamp(new Date(start + k * 17 * 60_000)), ...note, e.expert, ...cells]);
  });
  return lines.map((row) => row.map(surveyCsvCell).join(",")).join("\r\n") + "\r\n";
}
