/**
 * Shared harness for tests that run the command line as a user does: the CLI
 * is compiled once per test file into a private folder (not dist/, which
 * other work may be rebuilding) and run as `node <folder>/cli/main.js`, exactly
 * as the package's bin runs dist/cli/main.js. The folder sits inside
 * node_modules/.cache so the CLI finds the package root (package.json named
 * cxm-dematel) by walking up, as an installed package does.
 *
 * Usage: `const cli = cliHarness("adversarial"); beforeAll(cli.build, 120_000); afterAll(cli.cleanup);`
 * then `cli.run(["check", "s.csv"], cwd)`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** What one CLI run returned. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A compiled private copy of the CLI. */
export interface CliHarness {
  /** Absolute path of the compiled cli/main.js. */
  main: string;
  /** Compile the CLI (call in beforeAll; throws with the compiler output on failure). */
  build(): void;
  /** Run `node main.js ...args` in `cwd`, with NO_COLOR set; never throws. */
  run(args: readonly string[], cwd: string): CliRun;
  /** Remove the compiled copy (call in afterAll). */
  cleanup(): void;
}

/** The repository root (vitest runs there). */
export const ROOT = resolve(".");

/** A line of a Node stack trace ("    at f (file.js:1:2)"): must never reach a user. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

/** SHA-256 of a file's bytes, to prove an input was not modified. */
export const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A harness whose build folder is named after `name` and the process id, so parallel test files never share one. */
export function cliHarness(name: string): CliHarness {
  const folder = join(ROOT, "node_modules", ".cache", `cxm-cli-${name}-${process.pid}`);
  const main = join(folder, "cli", "main.js");
  return {
    main,
    build(): void {
      const tsc = spawnSync(
        process.execPath,
        [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", folder, "--declaration", "false", "--sourceMap", "false"],
        { cwd: ROOT, encoding: "utf8" },
      );
      if (!existsSync(main)) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}`);
      writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
    },
    run(args: readonly string[], cwd: string): CliRun {
      const r = spawnSync(process.execPath, [main, ...args], { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    cleanup(): void {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
