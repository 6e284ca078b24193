/**
 * Tests of data/models/contact-centre.json, the contact-centre extension of the CXM model
 * (docs/methods.md §1.1): it loads with the product's loader unchanged, keeps the ten CXM
 * components of data/models/cxm-10.json in their layers, argues and names in Persian every
 * item it adds, and runs through `template`, `layers` and `analyzeSurvey` on a seeded
 * SYNTHETIC panel (docs/methods.md §8.1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { analyzeSurvey, layerIndex, loadModel, simulatedSurvey, surveyToCsv } from "../src/index.js";
import { countAssignments } from "../src/permutation/countAssignments.js";
import { runCli } from "../src/cli/runCli.js";

const FILE = "data/models/contact-centre.json";
const raw = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, unknown>;
const base = JSON.parse(readFileSync("data/models/cxm-10.json", "utf8")) as {
  components: Array<Record<string, unknown> & { id: string }>;
  layers: Array<Record<string, unknown> & { id: string; components: string[] }>;
};
const CXM_IDS = base.components.map((c) => c.id);
/** Persian (Arabic-script) letters; a name_fa must hold some and may carry Latin acronyms such as (NPS). */
const PERSIAN = /[\u0600-\u06FF]/;
/** A reason shorter than this is a label, not an argument. */
const MIN_REASON = 60;

interface AddedItem {
  id: string;
  name: string;
  name_fa: string;
  placement: string;
  refines?: string;
  industryContext?: string;
}

function capture(): { io: { stdout(t: string): void; stderr(t: string): void; help(c: string): number }; out: string[]; err: string[] } {
  const out: string[] = [],
    err: string[] = [];
  return { io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), help: (c) => (out.push(`help ${c}`), 0) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "cxm-contact-centre-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("data/models/contact-centre.json loads with loadModel", () => {
  it("without an error or a warning, and keeps every field of the file as it is", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const emit = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const model = loadModel(FILE);
    expect(warn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
    warn.mockRestore();
    emit.mockRestore();
    expect(model).toEqual(raw);
  });

  it("has 11 components: the ten of cxm-10.json in their order, then HANDOFF", () => {
    const model = loadModel(FILE);
    expect(model.components.map((c) => c.id)).toEqual([...CXM_IDS, "HANDOFF"]);
    expect(model.layers?.map((l) => l.components.length)).toEqual([2, 3, 2, 4]);
    expect(layerIndex(model)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3]);
  });
});

describe("the ten CXM components are those of data/models/cxm-10.json", () => {
  const model = loadModel(FILE);

  it("same id, name, name_fa, layer, rank, code count and paper sub-components, component by component", () => {
    for (const c of base.components) {
      const mine = model.components.find((x) => x.id === c.id);
      for (const field of ["name", "name_fa", "layer", "rank", "codes", "subcomponents"]) expect(mine?.[field], `${c.id}.${field}`).toEqual(c[field]);
    }
  });

  it("same layers (id, name, name_fa, role), each CXM component in its layer, and HANDOFF the only addition (in L4)", () => {
    expect(model.layers).toHaveLength(base.layers.length);
    base.layers.forEach((l, i) => {
      const mine = model.layers?.[i];
      for (const field of ["id", "name", "name_fa", "role"]) expect(mine?.[field], `${l.id}.${field}`).toEqual(l[field]);
      expect(mine?.components.filter((id) => CXM_IDS.includes(id))).toEqual(l.components);
    });
    const extra = model.layers?.flatMap((l) => l.components.filter((id) => !CXM_IDS.includes(id)).map((id) => `${l.id}:${id}`));
    expect(extra).toEqual(["L4:HANDOFF"]);
  });
});

describe("every item the file adds is named in Persian and argued", () => {
  const model = loadModel(FILE);
  const subs = model.components.flatMap((c) => ((c.contactCentreSubcomponents ?? []) as AddedItem[]).map((s) => ({ owner: c, s })));

  it("each component carries contact-centre sub-components: 22 in all, ids unique and prefixed by their component", () => {
    for (const c of model.components) expect((c.contactCentreSubcomponents as AddedItem[] | undefined)?.length ?? 0, c.id).toBeGreaterThan(0);
    expect(subs).toHaveLength(22);
    expect(new Set(subs.map(({ s }) => s.id)).size).toBe(22);
    for (const { owner, s } of subs) expect(s.id.startsWith(`${owner.id}.`), s.id).toBe(true);
  });

  it("each sub-component has an English name, a Persian name and a placement reason", () => {
    for (const { s } of subs) {
      expect(s.name.trim(), s.id).not.toBe("");
      expect(s.name_fa, s.id).toMatch(PERSIAN);
      expect(s.placement.length, s.id).toBeGreaterThanOrEqual(MIN_REASON);
    }
  });

  it("a sub-component of a CXM component refines one of that component's paper sub-components, by its exact name", () => {
    for (const { owner, s } of subs.filter(({ owner }) => CXM_IDS.includes(owner.id))) {
      const paperNames = (owner.subcomponents as Array<{ name: string }>).map((p) => p.name);
      expect(paperNames, s.id).toContain(s.refines);
    }
  });

  it("the added component HANDOFF is marked, named in Persian, placed with a reason and with a fallback if it is removed", () => {
    const h = model.components.find((c) => c.id === "HANDOFF");
    expect(h?.added).toBe(true);
    expect(h?.name_fa).toMatch(PERSIAN);
    expect((h?.placement as string).length).toBeGreaterThanOrEqual(MIN_REASON);
    expect(h?.ifRemoved as string).toContain("INT");
    expect(h?.layer).toBe("L4");
  });

  it("cites industry facts only as shared/industry/contact-centre.md allows ('as quoted in press coverage')", () => {
    const contexts = [
      ...subs.map(({ s }) => s.industryContext).filter((t): t is string => t !== undefined),
      model.components.find((c) => c.id === "HANDOFF")?.industryContext as string,
    ];
    expect(contexts.length).toBeGreaterThanOrEqual(20);
    for (const t of contexts) expect(t, t).toMatch(/quoted in press coverage/);
  });

  it("outcome measures (NPS, CSAT, FCR, ...) are argued, named in Persian, linked to existing sub-components, and not components", () => {
    const outcome = model.outcomeMeasures as { placement: string; measures: Array<{ id: string; name_fa: string; measuredIn: string[] }> };
    expect(outcome.placement.length).toBeGreaterThanOrEqual(MIN_REASON);
    expect(outcome.measures.map((m) => m.id)).toEqual(expect.arrayContaining(["NPS", "CSAT", "FCR"]));
    const subIds = new Set(subs.map(({ s }) => s.id));
    for (const m of outcome.measures) {
      expect(m.name_fa, m.id).toMatch(PERSIAN);
      for (const where of m.measuredIn) expect(subIds.has(where), `${m.id} → ${where}`).toBe(true);
      expect(model.components.some((c) => c.id === m.id)).toBe(false);
    }
  });

  it("states the survey cost n(n − 1) of each design choice, the chosen one being this file's n", () => {
    const cost = model.surveyCost as { options: Array<{ n: number; ratingsPerExpert: number; chosen?: boolean }> };
    for (const o of cost.options) expect(o.ratingsPerExpert).toBe(o.n * (o.n - 1));
    expect(cost.options.filter((o) => o.chosen)).toEqual([{ choice: expect.any(String), n: 11, ratingsPerExpert: 110, chosen: true }]);
    expect(cost.options.find((o) => o.n === 16)?.ratingsPerExpert).toBe(240); // the brief's 16-component example
  });

  it("the design's claim that the layer test stays exact holds: 69,300 assignments for sizes 2, 3, 2, 4 (docs/methods.md §5.4)", () => {
    expect(countAssignments([2, 3, 2, 4])).toBe(69_300);
    expect((model.design as { reasons: string[] }).reasons.join(" ")).toContain("69,300");
  });
});

describe("the study runs on the contact-centre model (SYNTHETIC panel, docs/methods.md §8.1)", () => {
  const model = loadModel(FILE);
  /** Strongly layered synthetic panel: 14 experts, δ = 0.5, seed 2031. */
  const survey = simulatedSurvey(model, { expertCount: 14, delta: 0.5, seed: 2031 });

  it("cxm-dematel template --model data/models/contact-centre.json writes a survey with the 11 component columns", async () => {
    const out = join(dir, "survey.csv");
    const { io, out: stdout, err } = capture();
    expect(await runCli(["template", "--model", FILE, "--out", out, "--experts", "2"], io)).toBe(0);
    expect(err.join("")).toBe("");
    expect(stdout.join("")).toContain("2 experts × 11 components");
    const lines = readFileSync(out, "utf8").trimEnd().split(/\r?\n/);
    expect(lines[0].split(",").slice(0, 13)).toEqual(["expert", "from", ...CXM_IDS, "HANDOFF"]);
    expect(lines).toHaveLength(1 + 2 * 11);
  });

  it("template --format forms writes the bilingual questionnaire with every component's Persian name", async () => {
    const out = join(dir, "questionnaire.md");
    const { io } = capture();
    expect(await runCli(["template", "--model", FILE, "--format", "forms", "--out", out], io)).toBe(0);
    const text = readFileSync(out, "utf8");
    for (const c of model.components) expect(text, c.id).toContain(c.name_fa as string);
  });

  it("analyzeSurvey runs the full analysis with n = 11 and an exact layer test over 69,300 assignments that finds the planted layering", () => {
    const result = analyzeSurvey(survey, model, { bootstrap: 200, seed: 7 });
    expect(result.relation).toHaveLength(11);
    expect(result.total).toHaveLength(11);
    expect(result.layers?.layers).toEqual(["L1", "L2", "L3", "L4"]);
    expect(result.layers?.trend.method).toBe("exact");
    expect(result.layers?.trend.assignments).toBe(69_300);
    expect(result.layers?.trend.p).toBeLessThan(0.05);
    expect(result.danp?.weights).toHaveLength(11);
  });

  it("cxm-dematel analyze panel.csv --model data/models/contact-centre.json writes results for 11 components", async () => {
    const csv = join(dir, "panel-analyze.csv");
    writeFileSync(csv, surveyToCsv(survey));
    const outDir = join(dir, "analysis");
    const { io, err } = capture();
    expect(await runCli(["analyze", csv, "--model", FILE, "--out", outDir, "--bootstrap", "100", "--quiet"], io)).toBe(0);
    expect(err.join("")).toBe("");
    const results = JSON.parse(readFileSync(join(outDir, "results.json"), "utf8")) as {
      relation: number[];
      meta: { model: { components: Array<{ id: string }> } };
    };
    expect(results.relation).toHaveLength(11);
    expect(results.meta.model.components.map((c) => c.id)).toEqual([...CXM_IDS, "HANDOFF"]);
  });

  it("the same panel written as CSV is read back by `layers --model … --json` with no warning", async () => {
    const csv = join(dir, "panel.csv");
    writeFileSync(csv, surveyToCsv(survey));
    const { io, out, err } = capture();
    expect(await runCli(["layers", csv, "--model", FILE, "--json", "--bootstrap", "100", "--quiet"], io)).toBe(0);
    expect(err.join("")).toBe("");
    const json = JSON.parse(out.join("")) as { meta: { warnings: unknown[] }; components: string[]; trend: { method: string; assignments: number } };
    expect(json.components).toEqual([...CXM_IDS, "HANDOFF"]);
    expect(json.trend.method).toBe("exact");
    expect(json.trend.assignments).toBe(69_300);
    expect(json.meta.warnings).toEqual([]);
  });
});
