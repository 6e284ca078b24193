/**
 * The browser app's page logic: read the chosen or dropped files, check the survey in the worker
 * (located problems first, nothing analysed until they are fixed), run the analysis in the worker
 * with a progress bar and a cancel button, show the library's report in a sandboxed frame, offer
 * the downloads, and keep the results JSON in `<script type="application/json" id="cxm-results">` (and the
 * layer results, as `layers --json` prints them, in `id="cxm-layers"`).
 * Bundled by scripts/build-web.mjs with the worker's code and the example survey inside.
 */
import workerSource from "cxm:worker-source";
import examplePanel from "cxm:example-panel";
import exampleGroups from "cxm:example-groups";
import { formatProblem } from "../src/errors.js";
import { equivalentCommand, type OptionValues } from "./formOptions.js";
import { OPTION_FIELDS, type Task } from "./optionFields.js";
import { EXCELJS_ELEMENT_ID, PLOTLY_ELEMENT_ID, plotlyFromPage } from "./pageHtml.js";
import { localNumber, t, type Language, type TextKey } from "./i18n.js";
import type { CheckRequest, CheckSummary, PowerRequest, RunRequest, SurveyRequest, WorkerReply } from "./protocol.js";

/** The examples' labels, as the CLI labels the shipped panels (so meta.source is the same). */
const EXAMPLE_SOURCE = "data/surveys/example-panel.csv";
const EXAMPLE_GROUPS_SOURCE = "data/surveys/example-groups.csv";

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface State {
  language: Language;
  /** The command the page runs: analyze, compare (the survey's two groups) or power (no survey). */
  task: Task;
  survey?: { bytes: Uint8Array; source: string; synthetic: boolean };
  model?: { text: string; source: string };
  checked: boolean;
  worker?: Worker;
  running: boolean;
  /** Checks posted to the worker and not answered yet; only the answer to the last one is shown. */
  checksInFlight: number;
  /** What to do once the last check is answered and clean (Analyse clicked while a check was running). */
  afterCheck?: () => void;
  urls: string[];
  clickedAt: number;
  /** The number of the latest run; a workbook reply of an earlier one is ignored. */
  runId: number;
  /** ExcelJS's browser build, read once from the page's inert `<script id="cxm-exceljs">`. */
  excelJs?: string;
}
const state: State = { language: "en", task: "analyze", checked: false, running: false, checksInFlight: 0, urls: [], clickedAt: 0, runId: 0 };

/** ExcelJS's text, for the worker (which evaluates it only when a workbook is read or written). */
function excelJs(): string | undefined {
  state.excelJs ??= plotlyFromPage(document.getElementById(EXCELJS_ELEMENT_ID)?.textContent ?? "") || undefined;
  return state.excelJs;
}

/** The worker, started on first use from a blob: URL of its bundled code. */
function worker(onReply: (reply: WorkerReply) => void): Worker {
  if (!state.worker) {
    const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    state.worker = new Worker(url);
    URL.revokeObjectURL(url);
  }
  state.worker.onmessage = (e: MessageEvent<WorkerReply>) => onReply(e.data);
  return state.worker;
}

function stopWorker(): void {
  state.worker?.terminate();
  state.worker = undefined;
}

/** The options given in the form (the task's applicable, non-empty fields), by CLI name. */
function optionValues(): OptionValues {
  const values: Record<string, string> = {};
  for (const field of OPTION_FIELDS) {
    if (!field.tasks.includes(state.task)) continue;
    const control = byId<HTMLInputElement | HTMLSelectElement>(`opt-${field.name}`);
    if (control.value.trim() !== "" && (field.when?.(values) ?? true)) values[field.name] = control.value.trim();
  }
  return values;
}

/** Show only the task's fields that apply (with the task's defaults), the Run button's name, and the equivalent command line. */
function refreshOptions(): void {
  const values = optionValues();
  for (const field of OPTION_FIELDS) {
    const label = document.querySelector<HTMLElement>(`label[data-option="${field.name}"]`);
    if (label) label.hidden = !field.tasks.includes(state.task) || !(field.when?.(values) ?? true);
    const control = byId<HTMLInputElement>(`opt-${field.name}`);
    if (control instanceof HTMLInputElement) control.placeholder = field.defaultFor?.[state.task] ?? field.defaultText;
  }
  byId("command").textContent = equivalentCommand(state.survey?.source ?? "survey.csv", values, state.task);
  byId("run").textContent = t(state.language, state.task === "compare" ? "runCompare" : state.task === "power" ? "runPower" : "run");
  if (!state.running) byId<HTMLButtonElement>("run").disabled = !runnable();
}

/** Whether Run can start: a power study needs no survey; an analysis or comparison needs a clean check. */
function runnable(): boolean {
  return state.task === "power" || state.checked || state.checksInFlight > 0;
}

function surveyRequest(): SurveyRequest | undefined {
  if (!state.survey) return undefined;
  return {
    surveyBytes: state.survey.bytes,
    source: state.survey.source,
    synthetic: state.survey.synthetic,
    ...(state.model ? { modelText: state.model.text, modelSource: state.model.source } : {}),
    options: optionValues(),
    ...(excelJs() !== undefined ? { excelJs: excelJs() } : {}),
  };
}

function list(items: readonly string[], className?: string): HTMLUListElement {
  const ul = document.createElement("ul");
  if (className) ul.className = className;
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    ul.append(li);
  }
  return ul;
}

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** The located problems, each formatted by the library's formatProblem, as text. */
function showProblems(lines: readonly string[], heading: TextKey): void {
  state.checked = false;
  byId<HTMLButtonElement>("run").disabled = true;
  byId("check").replaceChildren(paragraph(t(state.language, heading), "problems"), list(lines, "problems"));
}

function showSummary(s: CheckSummary): void {
  const L = state.language;
  const lines = [
    `${t(L, "experts")}: ${s.experts.length} (${s.experts.join(", ")})`,
    `${t(L, "components")}: ${s.components.length} (${s.components.join(", ")})`,
    `${t(L, "scale")}: ${s.scale}`,
    `${t(L, "imputed")}: ${localNumber(L, s.imputed)}`,
    `${t(L, "warnings")}: ${localNumber(L, s.warnings.length)}`,
  ];
  const parts: Node[] = [paragraph(t(L, s.stops === undefined ? "checkOk" : "checkStops"), s.stops === undefined ? "ok" : "problems")];
  if (s.stops !== undefined) parts.push(list([s.stops], "problems"));
  parts.push(list(lines), ...(s.warnings.length ? [list(s.warnings)] : []));
  byId("check").replaceChildren(...parts);
  state.checked = s.stops === undefined;
  byId<HTMLButtonElement>("run").disabled = !state.checked;
}

/**
 * Check the survey as `cxm-dematel check` does; the analysis waits for a clean check. Checks are
 * answered in order, and only the last one's answer is shown. The Analyse button stays usable while a
 * check runs (a field's change event fires when the click on Analyse takes its focus): a click then
 * waits for the check and runs if it is clean.
 */
function check(then?: () => void): void {
  if (state.running) cancel();
  refreshOptions();
  const request = surveyRequest();
  if (!request || state.task === "power") return;
  state.afterCheck = then;
  state.checksInFlight++;
  const message: CheckRequest = { type: "check", ...request, task: state.task === "compare" ? "compare" : "analyze" };
  worker((reply) => {
    // A run's workbook can arrive after a check has taken over the worker's replies: it is not this check's answer.
    if (reply.type === "workbook") {
      if (reply.runId === state.runId) showWorkbook(reply.bytes);
      return;
    }
    if (--state.checksInFlight > 0) return;
    if (reply.type === "checked") showSummary(reply.summary);
    else if (reply.type === "problems") showProblems(problemLines(reply.problems, reply.truncated), "checkProblems");
    else if (reply.type === "failed") showProblems([reply.message], "failed");
    const next = state.afterCheck;
    state.afterCheck = undefined;
    if (state.checked) next?.();
  }).postMessage(message);
}

function problemLines(problems: Parameters<typeof formatProblem>[0][], truncated: number): string[] {
  const lines = problems.map(formatProblem);
  if (truncated > 0) lines.push(`… ${localNumber(state.language, truncated)} ${t(state.language, "more")}`);
  return lines;
}

function setRunning(running: boolean): void {
  state.running = running;
  byId<HTMLButtonElement>("run").disabled = running || !(state.task === "power" || state.checked);
  byId("cancel").hidden = !running;
  byId("progress").hidden = !running;
  byId("status").textContent = running ? t(state.language, "running") : "";
}

/** Run: a power study at once; an analysis or comparison now if the survey is checked and clean, or once the check under way is answered clean. */
function run(): void {
  if (state.task !== "power" && state.checksInFlight > 0) state.afterCheck = startRun;
  else startRun();
}

/** The message that starts the task in the worker, or undefined when it cannot start (no survey, or not checked clean). */
function runMessage(runId: number): RunRequest | PowerRequest | undefined {
  const plotlyJs = plotlyFromPage(byId(PLOTLY_ELEMENT_ID).textContent ?? "");
  if (state.task === "power") {
    const model = state.model ? { modelText: state.model.text, modelSource: state.model.source } : {};
    return { type: "power", runId, ...model, options: optionValues(), plotlyJs, language: state.language };
  }
  const request = surveyRequest();
  if (!request || !state.checked) return undefined;
  return { type: "run", ...request, task: state.task, plotlyJs, language: state.language, runId };
}

/** Run the task in the worker. */
function startRun(): void {
  const message = runMessage(state.runId + 1);
  if (!message) return;
  state.runId = message.runId;
  state.clickedAt = performance.now();
  setRunning(true);
  const progress = byId<HTMLProgressElement>("progress");
  progress.removeAttribute("value");
  worker((reply) => {
    if (reply.type === "workbook") {
      if (reply.runId === state.runId) showWorkbook(reply.bytes);
      return;
    }
    if (reply.type === "progress") {
      progress.value = reply.done / reply.total;
      byId("status").textContent =
        `${localNumber(state.language, reply.done)} / ${localNumber(state.language, reply.total)} ${t(state.language, state.task === "power" ? "simulated" : "bootstrap")}`;
      return;
    }
    setRunning(false);
    if (reply.type === "done") showResults(reply);
    else if (reply.type === "problems") showProblems(problemLines(reply.problems, reply.truncated), "checkProblems");
    else if (reply.type === "failed") showProblems([reply.message], "failed");
  }).postMessage(message);
}

function cancel(): void {
  stopWorker();
  setRunning(false);
  byId("status").textContent = t(state.language, "cancelled");
}

/** A download link for one output file (a Blob URL, revoked at the next analysis). */
function download(name: string, data: string | Uint8Array, type: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  state.urls.push(url);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.textContent = name;
  return a;
}

/** The results workbook, when the worker has written it: a download link, and its bytes (base64) in `id="cxm-workbook"` for scripts and tests. */
function showWorkbook(bytes: Uint8Array): void {
  byId("downloads").append(" ", download("results.xlsx", bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  byId("cxm-workbook").textContent = btoa(binary);
}

function showResults(reply: Extract<WorkerReply, { type: "done" }>): void {
  for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
  // The results object, readable by scripts and tests; every "<" escaped so no "</script>" can end the element.
  byId("cxm-results").textContent = reply.json.replace(/</g, "\\u003c");
  byId("cxm-layers").textContent = (reply.layersJson ?? "").replace(/</g, "\\u003c");
  byId("cxm-workbook").textContent = "";
  const links = [download(reply.jsonName, reply.json, "application/json"), download(reply.reportName, reply.report, "text/html")];
  if (reply.layersJson !== undefined) links.push(download("layers.json", reply.layersJson, "application/json"));
  for (const [name, csv] of Object.entries(reply.tables)) links.push(download(name, csv, "text/csv"));
  const downloads = byId("downloads");
  downloads.replaceChildren(document.createTextNode(`${t(state.language, "downloads")} `), ...links);
  downloads.hidden = false;
  const frame = byId<HTMLIFrameElement>("report-frame");
  frame.onload = () => {
    const shown = Math.round(performance.now() - state.clickedAt);
    byId("timing").textContent = t(state.language, "timing", {
      a: localNumber(state.language, reply.analysisMs),
      r: localNumber(state.language, reply.renderMs),
      s: localNumber(state.language, shown),
    });
    document.body.dataset.shownMs = String(shown);
  };
  frame.srcdoc = reply.report;
  frame.hidden = false;
}

async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

async function chooseSurvey(file: File): Promise<void> {
  state.survey = { bytes: await readFile(file), source: file.name, synthetic: false };
  byId("synthetic").hidden = true;
  check();
}

/** Load the shipped SYNTHETIC example: the two-group panel for a comparison, the example panel otherwise. */
function loadExample(andRun = false): void {
  const groups = state.task === "compare";
  state.survey = {
    bytes: new TextEncoder().encode(groups ? exampleGroups : examplePanel),
    source: groups ? EXAMPLE_GROUPS_SOURCE : EXAMPLE_SOURCE,
    synthetic: true,
  };
  byId("synthetic").hidden = false;
  check(andRun ? startRun : undefined);
}

/** Switch the interface language; Persian is laid out right to left. */
function setLanguage(language: Language): void {
  state.language = language;
  document.documentElement.lang = language;
  document.documentElement.dir = language === "fa" ? "rtl" : "ltr";
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(language, el.dataset.i18n as TextKey);
  for (const el of document.querySelectorAll<HTMLOptionElement>("option[data-default]")) el.textContent = `${el.dataset.default} (${t(language, "default")})`;
  const button = byId("language");
  button.textContent = t(language, "language");
  button.lang = language === "fa" ? "en" : "fa";
  byId("load-example").textContent = t(language, "loadExample");
  byId("clear-model").textContent = t(language, "clearModel");
  byId("cancel").textContent = t(language, "cancel");
  refreshOptions();
  if (state.survey) check();
}

function wire(): void {
  byId<HTMLInputElement>("survey-file").addEventListener("change", (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void chooseSurvey(file);
  });
  byId<HTMLInputElement>("model-file").addEventListener("change", async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    state.model = { text: await file.text(), source: file.name };
    byId("clear-model").hidden = false;
    check();
  });
  byId("clear-model").addEventListener("click", () => {
    state.model = undefined;
    byId<HTMLInputElement>("model-file").value = "";
    byId("clear-model").hidden = true;
    check();
  });
  const drop = byId("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    for (const file of Array.from(e.dataTransfer?.files ?? [])) {
      if (/\.json$/i.test(file.name))
        void file.text().then((text) => ((state.model = { text, source: file.name }), (byId("clear-model").hidden = false), check()));
      else void chooseSurvey(file);
    }
  });
  byId("load-example").addEventListener("click", () => loadExample());
  byId<HTMLSelectElement>("task").addEventListener("change", (e) => {
    state.task = (e.target as HTMLSelectElement).value as Task;
    state.checked = false;
    if (state.survey) check();
    else refreshOptions();
  });
  byId("options").addEventListener("change", () => check());
  byId("options").addEventListener("input", refreshOptions);
  byId("run").addEventListener("click", run);
  byId("cancel").addEventListener("click", cancel);
  byId("language").addEventListener("click", () => setLanguage(state.language === "en" ? "fa" : "en"));
  refreshOptions();
  if (location.hash === "#example") loadExample(true);
}

wire();
