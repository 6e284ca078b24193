/**
 * The multi-worker path of powerCurve only exists in compiled JavaScript (a worker thread cannot load
 * the .ts source vitest runs; powerCurve finds powerWorker.js beside itself through import.meta.url),
 * so this test compiles src/ with the project's TypeScript into a private, git-ignored directory
 * (`.power-workers-test.tmp/`, never the shared dist/), then runs the compiled package in a plain Node
 * child process — imported, the way the CLI and bench run it, and require()d, the way the notebooks'
 * tslab kernel loads the built package — with 1 and with 2 workers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultModel, powerCurve, type PowerResult } from "../src/index.js";

const root = resolve(".");
const out = join(root, ".power-workers-test.tmp");

function runCompiled(options: object, load: "import" | "require" = "import"): PowerResult {
  const script = join(out, load === "import" ? "run-power.mjs" : "run-power.cjs");
  const call = `powerCurve(defaultModel(), ${JSON.stringify(options)}).then((r) => process.stdout.write(JSON.stringify(r)));\n`;
  writeFileSync(
    script,
    load === "import"
      ? `import { powerCurve, defaultModel } from "./index.js";\n${call}`
      : `const { powerCurve, defaultModel } = require("./index.js");\n${call}`,
  );
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: "utf8", timeout: 120_000 })) as PowerResult;
}

describe("powerCurve on worker threads (compiled package)", () => {
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    try {
      execFileSync(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", out, "--declaration", "false", "--sourceMap", "false"],
        { cwd: root, stdio: "pipe" },
      );
    } catch {
      // Type errors elsewhere in src/ still emit JavaScript; the check below decides.
    }
    if (!existsSync(join(out, "simulate", "powerWorker.js"))) throw new Error(`compiling src/ into ${out} produced no simulate/powerWorker.js`);
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("workers = 2 really uses two workers and gives exactly the counts of workers = 1 and of the in-process TypeScript run", async () => {
    const options = { panelSizes: [4, 9], delta: 0.05, sims: 120, seed: 2 };
    const two = runCompiled({ ...options, workers: 2 });
    const one = runCompiled({ ...options, workers: 1 });
    const source = await powerCurve(defaultModel(), { ...options, workers: 1 });
    expect(two.settings.workersUsed).toBe(2);
    expect(one.settings.workersUsed).toBe(1);
    expect(two.rejections).toEqual(one.rejections);
    expect(two.failed).toEqual(one.failed);
    expect(two.power).toEqual(one.power);
    expect(one.rejections).toEqual(source.rejections);
    expect(one.power).toEqual(source.power);
  }, 240_000);

  it("require() of the compiled ES module (as the notebooks' kernel loads the package) finds the worker too, with the same counts", async () => {
    const options = { panelSizes: [4, 9], delta: 0.05, sims: 120, seed: 2 };
    const required = runCompiled({ ...options, workers: 2 }, "require");
    const source = await powerCurve(defaultModel(), { ...options, workers: 2 });
    expect(required.settings.workersUsed).toBe(2);
    expect(source.settings.workersUsed).toBe(1); // from the .ts source there is no powerWorker.js beside it: in-process
    expect(required.rejections).toEqual(source.rejections);
    expect(required.power).toEqual(source.power);
  }, 240_000);
});
