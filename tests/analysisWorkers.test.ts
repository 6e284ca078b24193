/**
 * The analysis's worker threads (src/pipeline/threadTask.ts) exist only in compiled JavaScript: a worker cannot
 * load the .ts sources vitest runs, so under vitest every task runs in-process. This file compiles a private copy
 * of the package (cliHarness) and checks, there, that the gap-ratio baseline and the bootstrap really go to a
 * worker, that every number is the same with 1 and with 2 or 3 workers (classic, fuzzy, median aggregation; analyze
 * and layers), and that a task's error comes back as its own class with its message and stack.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cliHarness, ROOT } from "./cliHarness.js";

const cli = cliHarness("analysis-workers");
const dist = (): string => dirname(dirname(cli.main));

beforeAll(() => cli.build(), 240_000);
afterAll(() => cli.cleanup());

/** The results of `analyze --json` with the given options, without the date (the one field that differs between runs). */
function analyze(args: readonly string[]): Record<string, unknown> {
  const r = cli.run(["analyze", ...args, "--json"], ROOT);
  expect(r.status, r.stderr).toBe(0);
  const result = JSON.parse(r.stdout) as { meta: { date?: string } };
  delete result.meta.date;
  return result as unknown as Record<string, unknown>;
}

/** Run an ES module script beside the compiled package and parse what it prints. */
function runScript(body: string): unknown {
  const script = join(dist(), "worker-check.mjs");
  writeFileSync(script, body);
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: "utf8", timeout: 120_000 }));
}

describe("analyze on worker threads (compiled package)", () => {
  it.each([
    ["classic (5 chunks of the bootstrap, structure tallied)", ["--bootstrap", "1200"]],
    ["fuzzy, defuzzify-last", ["--method", "fuzzy", "--fuzzy-order", "defuzzify-last", "--bootstrap", "200"]],
    ["median aggregation, seed 7", ["--aggregation", "median", "--bootstrap", "200", "--seed", "7"]],
  ])(
    "%s: the same results with --workers 1 and --workers 2",
    (_name, args) => {
      const panel = join(ROOT, "data", "surveys", "example-panel.csv");
      const one = analyze([panel, ...args, "--workers", "1"]);
      const two = analyze([panel, ...args, "--workers", "2"]);
      expect(two).toEqual(one);
      expect((two.layers as { bootstrap: { used: number } }).bootstrap.used).toBeGreaterThan(0);
    },
    120_000,
  );

  it("layers --json: the same with --workers 1 and --workers 3", () => {
    const panel = join(ROOT, "data", "surveys", "example-panel.csv");
    const run = (w: string): unknown => {
      const r = cli.run(["layers", panel, "--bootstrap", "1000", "--json", "--workers", w], ROOT);
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as { meta: { date?: string } };
      delete j.meta.date;
      return j;
    };
    expect(run("3")).toEqual(run("1"));
  }, 120_000);

  it("the tasks run on a worker thread there, give what they give in-process, and a task's error keeps its class and message", () => {
    const out = runScript(`
import { startTask, threadsAvailable } from "./pipeline/threadTask.js";
import { packMatrices, runAnalysisTask } from "./pipeline/analysisTasks.js";
import { sharedCounters } from "./pipeline/sharedBootstrap.js";
import { defaultModel } from "./model/model.js";
import { simulatePanel } from "./simulate/simulatePanel.js";
import { resolveSettings } from "./core/dematelSettings.js";
import { panelDematel } from "./core/panelDematel.js";
const model = defaultModel();
const matrices = simulatePanel(model, { expertCount: 9, seed: 4 });
const packed = packMatrices(matrices);
const gapInput = { matrices: packed, B: 300, seed: 5 };
const elsewhere = startTask("gapBaseline", gapInput, 2).result();
const here = runAnalysisTask("gapBaseline", gapInput);
// A bootstrap taker started on a worker: this thread takes no chunk and asks for nothing until the shared progress
// moves, which only a worker can make happen (a task run here would start only when its result is asked for).
const settings = resolveSettings({}, matrices.length);
const baseline = panelDematel(matrices, settings, model.components.map((c) => c.id));
const shared = sharedCounters();
const chunksInput = { matrices: packed, model, B: 1000, seed: 3, settings, baseline, shared };
const taker = startTask("bootstrapChunks", chunksInput, 2);
const until = Date.now() + 60000;
while (Atomics.load(shared.progress, 0) === 0 && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
const movedBeforeAsked = Atomics.load(shared.progress, 0) > 0;
const claimed = taker.result();
let error;
const oneLayer = { ...model, layers: [{ id: "L", name: "L", components: model.components.map((c) => c.id) }] };
try { startTask("bootstrapChunks", { ...chunksInput, model: oneLayer, shared: sharedCounters() }, 2).result(); } catch (e) { error = { rangeError: e instanceof RangeError, message: e.message, stack: /bootstrap/i.test(e.stack ?? "") }; }
console.log(JSON.stringify({ available: threadsAvailable(2), one: threadsAvailable(1), same: JSON.stringify(elsewhere) === JSON.stringify(here), draws: elsewhere.draws, movedBeforeAsked, chunks: claimed.parts.map((p) => p.index), error }));
`) as {
      available: boolean;
      one: boolean;
      same: boolean;
      draws: number;
      movedBeforeAsked: boolean;
      chunks: number[];
      error: { rangeError: boolean; message: string; stack: boolean };
    };
    expect(out.available).toBe(true);
    expect(out.one).toBe(false);
    expect(out.same).toBe(true);
    expect(out.draws).toBeGreaterThan(0);
    expect(out.movedBeforeAsked).toBe(true);
    expect(out.chunks).toEqual([0, 1, 2, 3]);
    expect(out.error.rangeError).toBe(true);
    expect(out.error.message).toMatch(/layer/);
    expect(out.error.stack).toBe(true);
  }, 120_000);

  it("--workers takes a positive integer: 0 is a usage error naming the option; compare, whose analyses run on one thread, does not take it", () => {
    const r = cli.run(["analyze", "--workers", "0", "--json"], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
    const c = cli.run(["compare", join(ROOT, "data", "surveys", "example-groups.csv"), "--workers", "2", "--json"], ROOT);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/--workers/);
  }, 60_000);
});
