import type { Component, Model } from "../types.js";
import { DEFAULT_ANSWER_LABELS } from "./answerLabels.js";
import type { LinguisticScale } from "./linguisticScaleRules.js";
import { termValues } from "./linguisticScaleRules.js";
import type { SurveyMapping } from "./surveyMapping.js";

/** Options of {@link formsTemplate}. */
export interface FormsTemplateOptions {
  /** The crisp rating scale (integers from min to max). Default `{ min: 0, max: 4 }`, labelled by `DEFAULT_ANSWER_LABELS`. */
  scale?: { min: number; max: number };
  /** A linguistic scale: its terms are the grid's columns (English · Persian label (code)). */
  terms?: LinguisticScale;
}

/** One grid question of the questionnaire: the source component, its title, its rows (the other components) and their export headers. */
export interface FormsQuestion {
  from: string;
  title: string;
  rows: Array<{ to: string; label: string; header: string }>;
}

/** The questionnaire for a survey tool and what reads its export back. */
export interface FormsTemplate {
  /** The questionnaire as Markdown, ready to paste into Google Forms (or another tool) question by question. */
  questionnaire: string;
  /** The mapping file that reads the tool's export back (docs/methods.md §1.8). */
  mapping: SurveyMapping;
  /** The first question (short answer): the expert's code, its title = the export's label column. */
  expertQuestion: string;
  questions: FormsQuestion[];
  /** The grid's columns (answer labels) in scale order, and the value each stands for. */
  answers: Array<{ label: string; value: number }>;
}

/** The first Persian-script label of a default answer label list. */
const persian = (labels: readonly string[]): string | undefined => labels.find((l) => /[\u0600-\u06FF]/.test(l));

/** The grid's answer labels: a linguistic scale's terms, else the crisp scale's integers (labelled on 0–4). */
function answerLabels(options: FormsTemplateOptions): Array<{ label: string; value: number }> {
  if (options.terms) {
    const values = termValues(options.terms);
    return options.terms.terms.map((t, k) => ({ label: [t.label, t.label_fa].filter((x) => x).join(" · ") + ` (${t.term})`, value: values[k] }));
  }
  const { min, max } = options.scale ?? { min: 0, max: 4 };
  if (!(Number.isInteger(min) && Number.isInteger(max) && min < max && max - min <= 20))
    throw new RangeError(`formsTemplate: the scale must be integers min < max at most 20 apart, got ${min}..${max}`);
  const labelled = min === 0 && max === 4;
  return Array.from({ length: max - min + 1 }, (_, k) => {
    const v = min + k;
    const words = labelled ? DEFAULT_ANSWER_LABELS[v] : undefined;
    return { label: words ? `${words[0]} · ${persian(words)} (${v})` : String(v), value: v };
  });
}

/** A component as a grid row: `Name (ID) · نام`. */
const rowLabel = (c: Component): string => `${c.name} (${c.id})` + (c.name_fa ? ` · ${c.name_fa}` : "");

/** A fenced Markdown block that shows `text` verbatim (a fence longer than any run of backticks in it), so no label is ever rendered as HTML. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * The questionnaire for a survey tool such as Google Forms (docs/methods.md §1.8): a short-answer
 * question for the expert's code, then one multiple-choice grid per source component whose rows
 * are the other components and whose columns are the scale's labels, bilingual (English and
 * Persian: titles, component names `Name (ID) · نام`, labels `High influence · تأثیر زیاد (3)`).
 * Every text to paste is in a fenced block, shown verbatim, never rendered. With it, the mapping
 * file that reads the export back exactly: the code column, an explicit column → (from, to) table
 * of the export's headers `Title [Row]` (as Google Forms writes a grid's columns), and the answer
 * labels' values. The export reads back without the mapping too, as its headers name the ids.
 * @throws {RangeError} when the scale is not integers min < max (at most 20 apart).
 * @example
 * const { questionnaire, mapping } = formsTemplate(defaultModel());
 * writeFileSync("questionnaire.md", questionnaire);
 * writeFileSync("questionnaire.mapping.json", JSON.stringify(mapping, null, 2));
 */
export function formsTemplate(model: Model, options: FormsTemplateOptions = {}): FormsTemplate {
  const answers = answerLabels(options);
  const expertQuestion = "Expert code · کد خبره";
  const questions: FormsQuestion[] = model.components.map((c) => {
    const title =
      `How strongly does ${c.name} (${c.id}) influence each of the following? · ` +
      `${c.name_fa ?? c.name} (${c.id}) تا چه اندازه بر هر یک از موارد زیر اثر می‌گذارد؟`;
    const rows = model.components.filter((o) => o !== c).map((o) => ({ to: o.id, label: rowLabel(o), header: `${title} [${rowLabel(o)}]` }));
    return { from: c.id, title, rows };
  });
  const columns: Record<string, { from: string; to: string }> = {};
  for (const q of questions) for (const r of q.rows) columns[r.header] = { from: q.from, to: r.to };
  const mapping: SurveyMapping = {
    about: `cxm-dematel mapping file: reads the export of the questionnaire written by "cxm-dematel template --format forms" for ${model.title ?? "this model"}`,
    expert: expertQuestion,
    columns,
    answers: Object.fromEntries(answers.map((a) => [a.label, a.value])),
  };
  return { questionnaire: questionnaireText(model, expertQuestion, questions, answers), mapping, expertQuestion, questions, answers };
}

/** The Markdown text of the questionnaire. */
function questionnaireText(model: Model, expertQuestion: string, questions: readonly FormsQuestion[], answers: ReadonlyArray<{ label: string }>): string {
  const columns = answers.map((a) => a.label).join("\n");
  const parts = [
    `# DEMATEL questionnaire · پرسش‌نامهٔ دیمتل${model.title ? ` — ${model.title}` : ""}`,
    "How to build the form: create one question per section below, with the type it names, and paste each block " +
      "as it is (titles, rows, columns). Make every question required, one answer per row. Do not edit the texts: " +
      "the mapping file written beside this one reads the export (Responses → Download responses (.csv)) by them.",
    "راهنما: برای هر بخش زیر یک پرسش با همان نوع بسازید و متن هر قاب را بدون تغییر در آن بچسبانید. همهٔ پرسش‌ها را الزامی کنید.",
    `## 0. Short answer (required) · پاسخ کوتاه\n\nTitle:\n\n${fenced(expertQuestion)}`,
    ...questions.map(
      (q, k) =>
        `## ${k + 1}. Multiple choice grid (${q.from}) · جدول چندگزینه‌ای\n\nTitle:\n\n${fenced(q.title)}\n\nRows:\n\n${fenced(q.rows.map((r) => r.label).join("\n"))}\n\nColumns:\n\n${fenced(columns)}`,
    ),
  ];
  return parts.join("\n\n") + "\n";
}
