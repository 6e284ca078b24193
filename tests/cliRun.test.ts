import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, type Command } from "../src/cli/runCli.js";
import { UsageError } from "../src/cli/usageError.js";
import { choiceOption, numberOption, parseCommandLine, rangeOption } from "../src/cli/parseCommandLine.js";
import { progressLine } from "../src/cli/progressLine.js";
import { METHOD_OPTIONS, cliAnalyzeOptions } from "../src/cli/cliInputs.js";
import { packageRoot } from "../src/cli/packageRoot.js";
import { InfeasibleError, InputError } from "../src/index.js";
import { capture } from "./inProcessCli.js";

const STACK = /\n\s+at /;

describe("runCli(argv, io, commands): exit codes", () => {
  const commands: Record<string, Command> = {
    ok: (_a, io) => (io.stdout("done\n"), 0),
    bad: () => {
      throw new InputError([
        { file: "s.csv", row: 3, column: "GOV", expected: "a number from 0 to 4", found: '"9"', message: "rating outside the scale" },
        { file: "s.csv", row: 4, message: "duplicate rating" },
      ]);
    },
    infeasible: () => {
      throw new InfeasibleError("ρ(N) = 1: no total-relation matrix. Remedies: …");
    },
    usage: () => {
      throw new UsageError("unknown option --ot (did you mean --out?)", "analyze");
    },
    boom: () => {
      throw new TypeError("cannot read properties of undefined");
    },
    io: () => {
      throw Object.assign(new Error("EACCES: permission denied, open 'out/x'"), { code: "EACCES", syscall: "open", path: "out/x" });
    },
  };

  it("0 on success, output on stdout", async () => {
    const c = capture();
    expect(await runCli(["ok"], c.io, commands)).toBe(0);
    expect(c.out).toEqual(["done\n"]);
  });

  it("1 on an InputError: every problem on its own line (file:row, column, expected, found), no stack trace", async () => {
    const c = capture();
    expect(await runCli(["bad"], c.io, commands)).toBe(1);
    const text = c.err.join("");
    expect(text).toBe(
      'cxm-dematel: 2 problems in the input:\n  s.csv:3, column "GOV": rating outside the scale (expected a number from 0 to 4, found "9")\n  s.csv:4: duplicate rating\n',
    );
  });

  it("1 on an InfeasibleError and on a file-system error, with a plain message", async () => {
    const c = capture();
    expect(await runCli(["infeasible"], c.io, commands)).toBe(1);
    expect(await runCli(["io"], c.io, commands)).toBe(1);
    expect(c.err.join("")).toContain("cannot open out/x: EACCES (permission denied)");
    expect(c.err.join("")).not.toMatch(STACK);
  });

  it("2 on wrong usage, with the command's usage; 2 with no command; an unknown command suggests the closest", async () => {
    const c = capture();
    expect(await runCli(["usage"], c.io, commands)).toBe(2);
    expect(c.err.join("")).toContain("Usage: cxm-dematel analyze");
    expect(await runCli([], c.io, commands)).toBe(2);
    const d = capture();
    expect(await runCli(["bomb"], d.io, commands)).toBe(2);
    expect(d.err.join("")).toContain('unknown command "bomb" (did you mean boom?)');
  });

  it("3 on an unexpected error: a short message and 'please report', the stack only with --debug", async () => {
    const c = capture();
    expect(await runCli(["boom"], c.io, commands)).toBe(3);
    expect(c.err.join("")).toMatch(/internal error: cannot read properties of undefined\nThis is a bug .* please report it/);
    expect(c.err.join("")).not.toMatch(STACK);
    const d = capture();
    expect(await runCli(["boom", "--debug"], d.io, commands)).toBe(3);
    expect(d.err.join("")).toMatch(STACK);
  });

  it("--help prints the main usage; --version prints a version", async () => {
    const c = capture();
    expect(await runCli(["--help"], c.io, commands)).toBe(0);
    expect(c.out).toEqual(["help main"]);
    expect(await runCli(["--version"], c.io, commands)).toBe(0);
    expect(c.out[1]).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("parseCommandLine(args, options, maxPositionals, command)", () => {
  const spec = {
    out: { type: "string" as const, short: "o" },
    json: { type: "boolean" as const },
    scale: { type: "string" as const },
    aggregation: { type: "string" as const },
    bootstrap: { type: "string" as const },
  };
  it("parses options and positionals", () => {
    const cl = parseCommandLine(["s.csv", "--out", "res", "--json", "--scale=1:7"], spec, 1, "analyze");
    expect(cl.positionals).toEqual(["s.csv"]);
    expect(cl.values).toMatchObject({ out: "res", json: true, scale: "1:7" });
    expect(rangeOption(cl, "scale", 2, "analyze")).toEqual([1, 7]);
  });
  it("an unknown option suggests the closest known one", () => {
    expect(() => parseCommandLine(["--jsn"], spec, 1, "analyze")).toThrow("unknown option --jsn (did you mean --json?)");
    expect(() => parseCommandLine(["--zzzzzz"], spec, 1, "analyze")).toThrow(/^unknown option --zzzzzz$/);
  });
  it("a missing value, a negative value without =, and too many arguments are usage errors", () => {
    expect(() => parseCommandLine(["--out"], spec, 1, "analyze")).toThrow(UsageError);
    expect(() => parseCommandLine(["--out", "--json"], spec, 1, "analyze")).toThrow(/needs a value/);
    expect(() => parseCommandLine(["a.csv", "b.csv"], spec, 1, "analyze")).toThrow(/too many arguments/);
  });
  it("number, choice and range options are checked", () => {
    const cl = parseCommandLine(["--bootstrap", "2.5", "--aggregation", "medain", "--scale", "0-4"], spec, 0, "analyze");
    expect(() => numberOption(cl, "bootstrap", "analyze", { integer: true, min: 0 })).toThrow('--bootstrap must be an integer ≥ 0, got "2.5"');
    expect(() => choiceOption(cl, "aggregation", ["mean", "median"], "analyze")).toThrow("did you mean median?");
    expect(() => rangeOption(cl, "scale", 2, "analyze")).toThrow(/0:4/);
    const good = parseCommandLine(["--bootstrap", "100", "--aggregation", "MEDIAN"], spec, 0, "analyze");
    expect(numberOption(good, "bootstrap", "analyze", { integer: true, min: 0 })).toBe(100);
    expect(choiceOption(good, "aggregation", ["mean", "median"], "analyze")).toBe("median");
  });
  it("numbers are read as survey cells are: Persian and Arabic-Indic digits and ٫ count; the option at fault is named", () => {
    const cl = parseCommandLine(["--bootstrap", "۴۰۰", "--scale", "١:٧", "--aggregation", "mode"], spec, 0, "analyze");
    expect(numberOption(cl, "bootstrap", "analyze", { integer: true, min: 0 })).toBe(400);
    expect(rangeOption(cl, "scale", 2, "analyze")).toEqual([1, 7]);
    expect(numberOption(parseCommandLine(["--bootstrap", "۰٫۵"], spec, 0, "analyze"), "bootstrap", "analyze")).toBe(0.5);
    for (const bad of ["0x10", "Infinity", "1 000", ""]) {
      const wrong = parseCommandLine([`--bootstrap=${bad}`], spec, 0, "analyze");
      expect(() => numberOption(wrong, "bootstrap", "analyze"), bad).toThrow(/--bootstrap must be a number/);
    }
    try {
      choiceOption(cl, "aggregation", ["mean", "median"], "analyze");
      expect.fail("no error");
    } catch (e) {
      expect((e as UsageError).option).toBe("aggregation");
    }
  });
  it("cliAnalyzeOptions passes on only what was given, so analyzeSurvey's defaults (B = 5000, seed 1) are the only ones", () => {
    const none = cliAnalyzeOptions(parseCommandLine([], METHOD_OPTIONS, 1, "analyze"), "analyze");
    expect(none).toEqual({ settings: { threshold: { method: "mean" } } });
    const given = cliAnalyzeOptions(parseCommandLine(["--bootstrap", "0", "--seed", "7", "--aggregation", "median"], METHOD_OPTIONS, 1, "analyze"), "analyze");
    expect(given).toEqual({ settings: { aggregation: "median", threshold: { method: "mean" } }, bootstrap: 0, seed: 7 });
  });
});

describe("progressLine(label, quiet, stream)", () => {
  const stream = (tty: boolean): { s: NodeJS.WriteStream; text: () => string } => {
    const chunks: string[] = [];
    return { s: { isTTY: tty, write: (t: string) => (chunks.push(t), true) } as unknown as NodeJS.WriteStream, text: () => chunks.join("") };
  };
  it("off a terminal prints only the final line", () => {
    const { s, text } = stream(false);
    const p = progressLine("bootstrap", false, s);
    p.update(50, 100);
    p.finish("bootstrap: done");
    expect(text()).toBe("bootstrap: done\n");
  });
  it("on a terminal redraws one percent line, once per percent, then the final line", () => {
    const { s, text } = stream(true);
    const p = progressLine("bootstrap", false, s);
    p.update(1, 200);
    p.update(2, 200);
    p.update(3, 200);
    p.finish("done");
    expect(text()).toBe("\rbootstrap: 0%\rbootstrap: 1%\r\x1b[Kdone\n");
  });
  it("quiet prints nothing", () => {
    const { s, text } = stream(true);
    const p = progressLine("x", true, s);
    p.update(1, 2);
    p.finish("done");
    expect(text()).toBe("");
  });
});

describe("packageRoot(start)", () => {
  it("walks up from a file inside the package to the folder whose package.json is named cxm-dematel", () => {
    expect(packageRoot(join(process.cwd(), "src", "cli", "main.ts"))).toBe(process.cwd());
  });
});
