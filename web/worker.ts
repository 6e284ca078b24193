/**
 * The browser app's Web Worker: receives a {@link CheckRequest} or a {@link RunRequest}, runs it
 * (web/runAnalysis.ts), posts progress, then the summary, the results or the located problems.
 * Started from a blob: URL of this file's bundled code (scripts/build-web.mjs).
 */
import { InputError } from "../src/errors.js";
import type { CheckRequest, RunRequest, WorkerReply } from "./protocol.js";
import { checkSurvey, runAnalysis } from "./runAnalysis.js";

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

self.onmessage = (event: MessageEvent<CheckRequest | RunRequest>) => {
  try {
    const request = event.data;
    post(request.type === "check" ? { type: "checked", summary: checkSurvey(request) } : runAnalysis(request, throttledProgress()));
  } catch (e) {
    if (e instanceof InputError) post({ type: "problems", problems: e.problems, truncated: e.truncated });
    else post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
