/**
 * The browser app's one HTML file: a Content-Security-Policy that allows no remote source, the
 * page's markup and style, plotly.min.js once (as inert text the app hands to the library's report
 * renderer), ExcelJS's browser build (inert text the worker evaluates only for a workbook), and the app's bundled code (which holds the worker's code and the example survey).
 * Built by scripts/build-web.mjs.
 */
import { escapeHtml } from "../src/plots/escapeHtml.js";
import { inlineScript } from "../src/plots/inlineScript.js";
import { t } from "./i18n.js";
import { OPTION_FIELDS, type OptionField } from "./optionFields.js";

/**
 * Nothing from the network, ever: scripts only inline or from blob: (the worker), styles inline,
 * images from data: and blob:; no fetch, no frame, no form submission (the report's srcdoc frame
 * inherits this policy).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; form-action 'none'; base-uri 'none'";

/** The id of the inert `<script type="text/plain">` that holds plotly.min.js. */
export const PLOTLY_ELEMENT_ID = "cxm-plotly";

/** The id of the inert `<script type="text/plain">` that holds ExcelJS's browser build (written like plotly.min.js, {@link plotlyInPage}). */
export const EXCELJS_ELEMENT_ID = "cxm-exceljs";

/** plotly.min.js as written into the page, and how the app reads it back (exactly, checked by the build). */
export const plotlyInPage = (js: string): string => inlineScript(js);
/** The inverse of {@link plotlyInPage} for text that held none of the escaped forms before. */
export const plotlyFromPage = (text: string): string => text.replace(/\\x3C(\/?script|!--)/gi, "<$1");

const CSS = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #d6dbe4; --accent: #1f5fa8; --bad: #a3262a; --ok: #1f7a3f; font-family: system-ui, -apple-system, "Segoe UI", Vazirmatn, Tahoma, sans-serif; color: var(--fg); }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; line-height: 1.45; }
header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
h1 { font-size: 1.5rem; margin: .2rem 0; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; border-bottom: 1px solid var(--line); }
.muted, .small { color: var(--muted); font-size: .9rem; }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); border-radius: .3rem; background: #fff; color: var(--accent); cursor: pointer; }
button.primary { background: var(--accent); color: #fff; } button:disabled { opacity: .45; cursor: default; }
#drop { border: 2px dashed var(--line); border-radius: .5rem; padding: 1rem; display: grid; gap: .6rem; }
#drop.over { border-color: var(--accent); background: #eef4fb; }
label.file { display: grid; gap: .2rem; }
#options { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .6rem 1rem; }
#options label { display: grid; gap: .15rem; font-size: .92rem; } #options label[hidden] { display: none; }
#options code { font-size: .85rem; } input[type=text], select { font: inherit; padding: .25rem .35rem; }
#command { direction: ltr; text-align: left; background: #f4f6f9; padding: .4rem .6rem; border-radius: .3rem; overflow-x: auto; white-space: pre; }
#check ul { margin: .3rem 0; padding-inline-start: 1.3rem; } #check li { direction: ltr; text-align: start; unicode-bidi: plaintext; }
.problems { color: var(--bad); } .ok { color: var(--ok); }
.banner { background: #fff3cd; border: 2px solid #b58100; padding: .5rem .8rem; font-weight: 600; border-radius: .3rem; margin: .6rem 0; }
#run-bar { display: flex; gap: .8rem; align-items: center; flex-wrap: wrap; margin-top: .8rem; } progress { width: 16rem; }
#downloads a { margin-inline-end: .9rem; }
#report-frame { width: 100%; height: 80vh; border: 1px solid var(--line); border-radius: .3rem; }
[dir=rtl] #command, [dir=rtl] code { direction: ltr; unicode-bidi: isolate; }
`;

/** The interface text naming each task in the task selector. */
export const TASK_TEXT = { analyze: "taskAnalyze", compare: "taskCompare", power: "taskPower" } as const;

function optionFieldHtml(field: OptionField): string {
  const id = `opt-${field.name}`;
  const control = field.choices
    ? `<select id="${id}" name="${field.name}"><option value="" data-default="${escapeHtml(field.defaultText)}">${escapeHtml(field.defaultText)} (${escapeHtml(t("en", "default"))})</option>${field.choices
        .filter((c) => c !== field.defaultText)
        .map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`)
        .join("")}</select>`
    : `<input type="text" id="${id}" name="${field.name}" inputmode="decimal" autocomplete="off" placeholder="${escapeHtml(field.defaultText)}">`;
  return `<label for="${id}" data-option="${field.name}"><code>--${field.name}</code>${control}</label>`;
}

/** The page's body markup (English; the app switches the `data-i18n` texts to Persian). */
function bodyHtml(): string {
  const i = (key: Parameters<typeof t>[1], tag = "span"): string => `<${tag} data-i18n="${key}">${escapeHtml(t("en", key))}</${tag}>`;
  return `<header><h1 data-i18n="title">${escapeHtml(t("en", "title"))}</h1><button type="button" id="language" lang="fa">${escapeHtml(t("en", "language"))}</button></header>
<p class="muted">${i("tagline")} ${i("offline")}</p>
<div id="synthetic" class="banner" role="alert" hidden>${i("synthetic")}</div>
${i("inputs", "h2")}
<div id="drop">
<p class="small">${i("dropHint")}</p>
<label class="file">${i("surveyFile")}<input type="file" id="survey-file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>
<label class="file">${i("modelFile")}<input type="file" id="model-file" accept=".json,application/json"></label>
<div><button type="button" id="load-example">${escapeHtml(t("en", "loadExample"))}</button> <button type="button" id="clear-model" hidden>${escapeHtml(t("en", "clearModel"))}</button></div>
</div>
${i("check", "h2")}
<div id="check" aria-live="polite"><p class="muted">${i("checkNone")}</p></div>
${i("options", "h2")}
<p><label for="task">${i("task")}</label> <select id="task">${(["analyze", "compare", "power"] as const)
    .map((task) => `<option value="${task}" data-i18n="${TASK_TEXT[task]}">${escapeHtml(t("en", TASK_TEXT[task]))}</option>`)
    .join("")}</select></p>
<form id="options" autocomplete="off" onsubmit="return false">${OPTION_FIELDS.map(optionFieldHtml).join("\n")}</form>
<p class="small">${i("command")}</p><pre id="command"></pre>
<div id="run-bar"><button type="button" class="primary" id="run" disabled>${escapeHtml(t("en", "run"))}</button><button type="button" id="cancel" hidden>${escapeHtml(t("en", "cancel"))}</button><progress id="progress" max="1" value="0" hidden></progress><span id="status" aria-live="polite"></span></div>
${i("report", "h2")}
<p id="downloads" hidden></p>
<p id="timing" class="small"></p>
<iframe id="report-frame" title="report" sandbox="allow-scripts allow-downloads" hidden></iframe>
<script type="application/json" id="cxm-results"></script>
<script type="application/json" id="cxm-layers"></script>
<script type="text/plain" id="cxm-workbook"></script>`;
}

/**
 * The whole page.
 * @param appJs the bundled app (web/app.ts, with the worker's bundle inside).
 * @param plotlyJs plotly.min.js.
 * @param excelJs ExcelJS's browser build (exceljs.min.js), kept as inert text until a workbook is read or written.
 * @throws {Error} when plotly.min.js or ExcelJS would not read back exactly from the page.
 */
export function pageHtml(appJs: string, plotlyJs: string, excelJs: string): string {
  const plotlyText = plotlyInPage(plotlyJs);
  if (plotlyFromPage(plotlyText) !== plotlyJs) throw new Error("plotly.min.js does not read back exactly from its escaped form in the page");
  const excelText = plotlyInPage(excelJs);
  if (plotlyFromPage(excelText) !== excelJs) throw new Error("exceljs.min.js does not read back exactly from its escaped form in the page");
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>cxm-dematel — DEMATEL in your browser</title>
<style>${CSS}</style>
</head>
<body>
${bodyHtml()}
<script type="text/plain" id="${PLOTLY_ELEMENT_ID}">${plotlyText}</script>
<script type="text/plain" id="${EXCELJS_ELEMENT_ID}">${excelText}</script>
<script>${inlineScript(appJs)}</script>
</body>
</html>
`;
}
