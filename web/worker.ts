/**
 * The browser app's Web Worker: receives a {@link CheckRequest} or a {@link RunRequest}, runs it
 * (web/runAnalysis.ts), posts progress, then the summary, the results (and after them the results
 * workbook) or the located problems.
 * Started from a blob: URL of this file's bundled code (scripts/build-web.mjs).
 */
import { InputError } from "../src/errors.js";
import type { CheckRequest, PowerRequest, RunRequest, WorkerReply } from "./protocol.js";
import { checkSurvey, runAnalysis, runWorkbook } from "./runAnalysis.js";
import { checkGroups, runCompare } from "./runCompare.js";
import { runPower } from "./runPower.js";

const post = (reply: WorkerReply): void => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

/** Progress at most every 50 ms (and at the end), so the page is not flooded. */
function throttledProgress(): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done === total || now - last > 50) {
      last = now;
      post({ type: "progress", done, total });
    }
  };
}

/** Answer one request: the check's summary, or the run's results (and, for an analysis, then its workbook). */
async function handle(request: CheckRequest | RunRequest | PowerRequest): Promise<void> {
  try {
    if (request.type === "check") {
      post({ type: "checked", summary: request.task === "compare" ? await checkGroups(request) : await checkSurvey(request) });
      return;
    }
    if (request.type === "power") {
      post(await runPower(request, throttledProgress()));
      return;
    }
    if (request.task === "compare") {
      post(await runCompare(request));
      return;
    }
    const run = await runAnalysis(request, throttledProgress());
    post(run.reply);
    if (request.excelJs !== undefined) post(await runWorkbook(run, request));
  } catch (e) {
    if (e instanceof InputError) post({ type: "problems", problems: e.problems, truncated: e.truncated });
    else post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
}

// One request at a time, in the order they came: reading a workbook is asynchronous, and the page
// counts on the answers arriving in the order it asked.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<CheckRequest | RunRequest | PowerRequest>) => {
  queue = queue.then(() => handle(event.data));
};
