/**
 * The analysis's worker threads (src/pipeline/threadTask.ts) exist only in compiled JavaScript: a worker cannot
 * load the .ts sources vitest runs, so under vitest every task runs in-process. This file compiles a private copy
 * of the package (cliHarness) and checks, there, that the gap-ratio baseline and the bootstrap really go to a
 * worker, that every number is the same with 1 and with 2 workers (classic, fuzzy, median aggregation), and that
 * a task's error comes back as its own class with its message.
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
    ["classic", ["--bootstrap", "300"]],
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

  it("the tasks go to a worker thread there, give what they give in-process, and a task's error keeps its class", () => {
    const out = runScript(`
import { threadId } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { startTask, threadsAvailable } from "./pipeline/threadTask.js";
import { packMatrices, runAnalysisTask } from "./pipeline/analysisTasks.js";
const matrices = [[[0, 3, 1], [2, 0, 4], [0, 1, 0]], [[0, 2, 2], [3, 0, 3], [1, 0, 0]], [[0, 4, 0], [1, 0, 4], [0, 2, 0]]];
const input = { matrices: packMatrices(matrices), B: 300, seed: 5 };
const pending = startTask("gapBaseline", input, 2);
const elsewhere = pending.result();
const here = runAnalysisTask("gapBaseline", input);
let error;
try { startTask("gapBaseline", { ...input, B: 0 }, 2).result(); } catch (e) { error = { rangeError: e instanceof RangeError, message: e.message }; }
console.log(JSON.stringify({ available: threadsAvailable(2), one: threadsAvailable(1), mainThread: threadId, same: JSON.stringify(elsewhere) === JSON.stringify(here), draws: elsewhere.draws, error }));
`) as { available: boolean; one: boolean; same: boolean; draws: number; error: { rangeError: boolean; message: string } };
    expect(out.available).toBe(true);
    expect(out.one).toBe(false);
    expect(out.same).toBe(true);
    expect(out.draws).toBeGreaterThan(0);
    expect(out.error).toEqual({ rangeError: true, message: "gapRatioBaseline: B must be a positive integer, got 0" });
  }, 120_000);

  it("--workers takes a positive integer: 0 is a usage error naming the option", () => {
    const r = cli.run(["analyze", "--workers", "0", "--json"], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  }, 60_000);
});
