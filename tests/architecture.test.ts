/**
 * The architecture of src/ (.dependency-cruiser.cjs): folders are the pipeline's stages,
 * imports run only from later stages to earlier ones, and no files import each other.
 * The second test proves the rules can fail: a tree with an upward import and a cycle is refused.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./cliHarness.js";

const depcruise = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const config = join(ROOT, ".dependency-cruiser.cjs");
const cruise = (cwd: string) => spawnSync(process.execPath, [depcruise, "src", "--config", config, "--output-type", "err"], { cwd, encoding: "utf8" });

describe("architecture (dependency-cruiser)", () => {
  it("src/ has no upward import between stages and no import cycle", () => {
    const r = cruise(ROOT);
    expect(r.stdout + r.stderr).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  }, 60_000);

  it("refuses an import from an earlier stage to a later one, a foundation file importing a stage, and a cycle", () => {
    const dir = mkdtempSync(join(tmpdir(), "cxm-arch-"));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      put("tsconfig.json", JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }));
      put("src/core/early.ts", 'import { late } from "../report/late.js";\nexport const early = late + 1;\n');
      put("src/report/late.ts", "export const late = 1;\n");
      put("src/types.ts", 'import { early } from "./core/early.js";\nexport const t = early;\n');
      put("src/stats/a.ts", 'import { b } from "./b.js";\nexport const a = () => b();\n');
      put("src/stats/b.ts", 'import { a } from "./a.js";\nexport const b = (): number => a();\n');
      const r = cruise(dir);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/core-imports-later-stage/);
      expect(r.stdout).toMatch(/foundation-imports-stage/);
      expect(r.stdout).toMatch(/no-circular/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
