// A survey read in chunks (streamSurveyFile, issue 9 item b) must give exactly what the whole-file read gives:
// the same survey object, or the same InputError (every problem, located, in the same order), whatever the chunk
// size: checked on seeded random surveys (both layouts, the forgiving quirks, random damage) and on every fixture.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRandom, defaultModel, InputError, type Model, type Survey } from "../src/index.js";
import { readSurveyFile } from "../src/io/readSurveyFile.js";
import { streamSurveyFile } from "../src/io/streamSurveyFile.js";
import { createCsvRowStream } from "../src/io/csvRowStream.js";
import { readCsvRows, type CsvRow } from "../src/io/csvRows.js";
import type { InputProblem } from "../src/errors.js";
import { readProgress } from "../src/cli/readProgress.js";
import { SURVEY_FIXTURES, TINY_MODEL } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "cxm-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = { survey: Survey } | { message: string; problems: readonly InputProblem[] } | { error: string };

async function outcome(read: () => Promise<Survey>): Promise<Outcome> {
  try {
    return { survey: await read() };
  } catch (e) {
    if (e instanceof InputError) return { message: e.message, problems: e.problems };
    if (e instanceof RangeError || e instanceof TypeError) return { error: `${e.name}: ${e.message}` };
    throw e;
  }
}

/** The whole-file read and the chunked reads at several chunk sizes agree on the file at `path`. */
async function expectSameReads(
  path: string,
  model: Model,
  options: Parameters<typeof readSurveyFile>[2] = {},
  chunks = [16, 61, 1000, 1 << 20],
): Promise<Outcome> {
  const whole = await outcome(() => readSurveyFile(path, model, options));
  for (const chunkBytes of chunks) {
    const streamed = await outcome(() => streamSurveyFile(path, model, options, { chunkBytes }));
    expect(streamed, `${path}, chunks of ${chunkBytes} bytes`).toEqual(whole);
  }
  return whole;
}

describe("createCsvRowStream: the rows and problems of readCsvRows, however the text is cut", () => {
  const alphabet = ["a", "b", "E1", "3", " ", ",", ";", "\t", '"', '"', "\n", "\n", "\r", "\r\n", "\uFEFF", "ب", "۳", "😀", "sep=;\n"];
  it("2,000 seeded random texts (quotes, CR, CRLF, BOMs, sep= lines, tabs) in random pieces", () => {
    const rng = createRandom(20261204);
    for (let t = 0; t < 2000; t++) {
      const parts: string[] = [];
      const length = rng.int(120);
      for (let k = 0; k < length; k++) parts.push(alphabet[rng.int(alphabet.length)]);
      const text = parts.join("");
      const rows: CsvRow[] = [];
      const problems: InputProblem[] = [];
      const stream = createCsvRowStream({ row: (r) => rows.push(r), problem: (p) => problems.push(p) }, "f.csv");
      for (let at = 0; at < text.length;) {
        const size = 1 + rng.int(rng.int(2) === 0 ? 4 : 40);
        stream.push(text.slice(at, at + size));
        at += size;
      }
      stream.end();
      const whole = readCsvRows(text, "f.csv");
      expect({ rows, problems }, JSON.stringify(text)).toEqual({ rows: whole.rows, problems: whole.problems });
    }
  });
});

/** A seeded random survey text over `model` (long or blocks), with the quirks the reader forgives and, if `damage`, some it does not. */
function randomSurvey(seed: number, model: Model, damage: boolean): string {
  const rng = createRandom(seed);
  const ids = model.components.map((c) => c.id);
  const n = ids.length;
  const sep = [",", ";", "\t"][rng.int(3)];
  const long = rng.int(2) === 0;
  const weights = rng.int(3) === 0;
  const experts = 1 + rng.int(6);
  const named = (c: number): string => {
    const name = model.components[c].name ?? ids[c];
    return name.includes(sep) ? `"${name}"` : name;
  };
  const label = (c: number): string => [ids[c], ids[c].toLowerCase(), named(c)][rng.int(3)];
  const rating = (): string => {
    const x = rng.int(5);
    const r = rng.int(10);
    return r === 0 ? "۳" : r === 1 ? ` ${x} ` : r === 2 && sep === ";" ? `${x},5`.replace(/^4,5$/, "4") : r === 3 ? `"${x}"` : String(x);
  };
  const lines: string[] = [];
  lines.push((long ? ["expert", "from", "to", "value"] : ["expert", "from", ...ids]).concat(weights ? ["weight"] : []).join(sep));
  for (let e = 0; e < experts; e++) {
    const w = weights ? [String(1 + rng.int(3))] : [];
    for (let i = 0; i < n; i++) {
      if (long) {
        for (let j = 0; j < n; j++) if (i !== j || rng.int(4) === 0) lines.push([`E${e + 1}`, label(i), label(j), i === j ? "0" : rating(), ...w].join(sep));
      } else lines.push([`E${e + 1}`, label(i), ...ids.map((_, j) => (i === j ? ["", "0", "-"][rng.int(3)] : rating())), ...w].join(sep));
      if (rng.int(8) === 0) lines.push("");
    }
  }
  if (damage) {
    const hurts = 1 + rng.int(4);
    for (let h = 0; h < hurts; h++) {
      const at = 1 + rng.int(lines.length - 1);
      const kind = rng.int(9);
      if (kind === 0) lines[at] = lines[at].replace(/\d(?!.*\d)/, "x");
      else if (kind === 1) lines[at] = lines[at] + sep + "9";
      else if (kind === 2) lines.splice(at, 1);
      else if (kind === 3) lines.push(lines[at]);
      else if (kind === 4) lines[at] = lines[at].replace(sep, `${sep}"`);
      else if (kind === 5) lines[at] = `"E${at}"x${sep}` + lines[at];
      else if (kind === 6) lines[at] = lines[at].replace(/^[^,;\t]*/, "");
      else if (kind === 7) lines[at] = lines[at].replace(/\d(?!.*\d)/, "7");
      else lines[at] = lines[at].replace(ids[0], "ZZZ");
    }
  }
  const eol = ["\n", "\r\n", "\r"][rng.int(3)];
  return (rng.int(3) === 0 ? "\uFEFF" : "") + lines.join(eol) + (rng.int(2) === 0 ? eol : "");
}

describe("streamSurveyFile: the survey and the errors of readSurveyFile", () => {
  const model: Model = defaultModel();
  it("seeded random surveys, well formed and damaged, long and blocks, at chunk sizes 16 B to 1 MiB", async () => {
    let surveys = 0;
    let errors = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const m = seed % 2 === 0 ? model : TINY_MODEL;
      const path = join(dir, `random-${seed}.csv`);
      writeFileSync(path, randomSurvey(seed, m, seed % 3 !== 0));
      const out = await expectSameReads(path, m, seed % 5 === 0 ? { impute: "mean", maxProblems: 3 } : {});
      if ("survey" in out) surveys++;
      else errors++;
    }
    // Both kinds of outcome were compared, many times each.
    expect(surveys).toBeGreaterThan(20);
    expect(errors).toBeGreaterThan(20);
  });

  it("every survey fixture, read with the tiny, the CXM and the adversarial models", async () => {
    const adversarial = JSON.parse((await import("node:fs")).readFileSync("tests/fixtures/adversarial/model.json", "utf8")) as Model;
    for (const folder of [SURVEY_FIXTURES, "tests/fixtures/adversarial"])
      for (const name of readdirSync(folder).filter((f) => !f.endsWith(".json")))
        for (const m of [TINY_MODEL, model, adversarial]) await expectSameReads(join(folder, name), m, {}, [16, 333]);
  });

  it("bytes that are not UTF-8 text, anywhere in the file: the whole-file read's error (located)", async () => {
    const text = randomSurvey(7, model, false);
    const bytes = Buffer.from(text, "utf8");
    for (const [what, at, byte] of [
      ["Latin-1 é", Math.floor(bytes.length * 0.8), 0xe9],
      ["NUL", Math.floor(bytes.length * 0.6), 0x00],
      ["cut multibyte", bytes.length, 0xd8],
    ] as const) {
      const path = join(dir, `bad-${what}.csv`);
      writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]));
      const out = await expectSameReads(path, model);
      expect("problems" in out, what).toBe(true);
    }
    const utf16 = join(dir, "utf16.csv");
    writeFileSync(utf16, Buffer.from("\uFEFF" + text, "utf16le"));
    const u = await expectSameReads(utf16, model);
    expect("survey" in u, JSON.stringify(u).slice(0, 600)).toBe(true);
  });

  it("a missing file, a folder, an empty file, only blank lines, a survey-tool export, an invalid option", async () => {
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "blank.csv"), "\uFEFF\r\n \n,,\n");
    writeFileSync(join(dir, "export.csv"), "Timestamp,LEAD → CUL,LEAD → GOV\n2024-01-01,3,2\n");
    for (const name of ["missing.csv", ".", "empty.csv", "blank.csv", "export.csv"]) await expectSameReads(join(dir, name), model);
    await expectSameReads(join(dir, "blank.csv"), model, { scale: { min: 3, max: 1 } });
  });

  it("a header quote never closed: the whole-file read's errors, whether the head is held (split again each time it doubles) or read whole past maxHeadChars", async () => {
    const rows = ['"expert,from,to,value'];
    for (let k = 0; k < 20000; k++) rows.push(`E${k % 7},LEAD,CUL,${k % 5}`);
    const path = join(dir, "open-quote.csv");
    writeFileSync(path, rows.join("\n"));
    const whole = await outcome(() => readSurveyFile(path, model));
    expect("problems" in whole && whole.problems[0].message).toMatch(/never closed/);
    for (const read of [{ chunkBytes: 1000 }, { chunkBytes: 1000, maxHeadChars: 50_000 }]) {
      expect(await outcome(() => streamSurveyFile(path, model, {}, read))).toEqual(whole);
    }
  });

  it("thousands of problems: the first 50 listed and the rest counted, as the whole-file read does", async () => {
    const rows = ["expert,from,to,value"];
    for (let k = 0; k < 3000; k++) rows.push(`E${k % 7},LEAD,CUL,${k % 3 === 0 ? "high" : 9}`);
    const path = join(dir, "many-problems.csv");
    writeFileSync(path, rows.join("\n"));
    const out = await expectSameReads(path, model);
    expect("problems" in out && out.problems.length).toBe(50);
    expect("message" in out && out.message).toMatch(/more/);
  });

  it("reports its progress after each chunk, ending at the file's size", async () => {
    const path = join(dir, "progress.csv");
    writeFileSync(path, randomSurvey(2, model, false));
    const seen: Array<[number, number]> = [];
    await streamSurveyFile(path, model, {}, { chunkBytes: 4096, onProgress: (done, total) => seen.push([done, total]) });
    const size = (await import("node:fs")).statSync(path).size;
    expect(seen.length).toBe(Math.ceil(size / 4096));
    expect(seen.at(-1)).toEqual([size, size]);
  });
});

describe("readProgress: a line on a terminal after a second, nothing otherwise", () => {
  const fakeStream = (tty: boolean): { stream: NodeJS.WriteStream; written: string[] } => {
    const written: string[] = [];
    return { stream: { isTTY: tty, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
  };
  it("draws percentages after one second on a terminal, then a final line", () => {
    let clock = 0;
    const { stream, written } = fakeStream(true);
    const p = readProgress("big.csv", stream, () => clock);
    p.onProgress(10, 100); // before a second: silent
    clock = 1500;
    p.onProgress(50, 100);
    clock = 2500;
    p.onProgress(100, 100);
    p.finish();
    expect(written).toEqual(["\rreading big.csv: 50%", "\rreading big.csv: 100%", "\r\x1b[Kread big.csv: 0.0 MB in 2.5 s\n"]);
  });
  it("writes nothing when stderr is not a terminal, or when the read took less than a second", () => {
    let clock = 0;
    const piped = fakeStream(false);
    const p = readProgress("big.csv", piped.stream, () => clock);
    clock = 5000;
    p.onProgress(50, 100);
    p.finish();
    const quick = fakeStream(true);
    const q = readProgress("small.csv", quick.stream, () => 0);
    q.onProgress(100, 100);
    q.finish();
    expect([piped.written, quick.written]).toEqual([[], []]);
  });
});
