import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModel, InputError, layerIndex, loadModel, parseModel, componentIds } from "../src/index.js";
import { cxmModel } from "../src/model/cxm10.js";
import { modelInLanguage } from "../src/model/modelInLanguage.js";
import { requireTwoComponents } from "../src/model/requireTwoComponents.js";

const facts = JSON.parse(readFileSync("tests/fixtures/paper/model-facts.json", "utf8"));

describe("the embedded CXM model", () => {
  it("is identical to data/models/cxm-10.json (run scripts/embed-model.mjs after editing the JSON)", () => {
    expect(cxmModel).toEqual(JSON.parse(readFileSync("data/models/cxm-10.json", "utf8")));
  });

  it("has the paper's 10 components in 4 layers of sizes 2, 3, 2, 3, outer to inner", () => {
    const m = defaultModel();
    expect(m.components).toHaveLength(10);
    expect(m.layers?.map((l) => l.components.length)).toEqual([2, 3, 2, 3]);
    expect(m.layers?.map((l) => l.name)).toEqual([
      "Leadership and Culture",
      "Organizing and Governance",
      "Customer Experience Process and Infrastructure",
      "Data and Touchpoints",
    ]);
    expect(componentIds(m)).toEqual(["LEAD", "CUL", "GOV", "STR", "BPM", "PRC", "INF", "INT", "EMP", "INS"]);
    expect(layerIndex(m)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 3]);
  });

  it("matches shared/paper/model-facts.json component by component (names, Persian names, code counts)", () => {
    const m = defaultModel();
    for (const c of facts.components_in_paper_order) {
      const mine = m.components.find((x) => x.id === c.id);
      expect(mine?.name).toBe(c.name);
      expect(mine?.name_fa).toBe(c.name_fa);
      expect(mine?.codes).toBe(c.codes);
      expect(mine?.layer).toBe(c.layer);
    }
    const codes = m.components.reduce((s, c) => s + (c.codes as number), 0);
    expect(codes).toBe(1156); // Table 5 sums, as model-facts notes
    expect(m.citation).toContain("Mardazad Navi");
  });

  it("defaultModel() returns a copy", () => {
    const a = defaultModel();
    a.components[0].id = "X";
    expect(defaultModel().components[0].id).toBe("LEAD");
  });
});

describe("parseModel", () => {
  const ok = {
    components: [
      { id: "A", name: "Alpha" },
      { id: "b", name: "Beta" },
    ],
    layers: [
      { id: "L1", name: "Outer", components: ["a"] },
      { id: "L2", name: "Inner", components: ["B"] },
    ],
  };

  it("accepts a valid model and canonicalises layer ids to the components' spelling", () => {
    const m = parseModel(ok);
    expect(m.layers?.map((l) => l.components)).toEqual([["A"], ["b"]]);
  });

  it("does not mutate its input", () => {
    const frozen = JSON.parse(JSON.stringify(ok));
    Object.freeze(frozen);
    expect(() => parseModel(frozen)).not.toThrow();
  });

  it("accepts a model without layers", () => {
    expect(parseModel({ components: [{ id: "A", name: "a" }] }).layers).toBeUndefined();
  });

  it("reports every problem at once: duplicate id, unknown id in a layer, component in two layers, missing name", () => {
    const bad = {
      components: [{ id: "A", name: "Alpha" }, { id: "a", name: "Again" }, { id: "C" }],
      layers: [
        { id: "L1", name: "One", components: ["A", "Z"] },
        { id: "L2", name: "Two", components: ["A"] },
      ],
    };
    try {
      parseModel(bad, "my-model.json");
      expect.fail("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const p = (e as InputError).problems;
      expect(p.map((x) => x.column)).toEqual(["components[1].id", "components[2].name", "layers[0].components[1]", "layers[1].components[0]"]);
      expect(p[0].message).toMatch(/duplicate/);
      expect(p[2].message).toMatch(/unknown component/);
      expect(p[3].message).toMatch(/already in layer L1/);
      expect(p.every((x) => x.file === "my-model.json")).toBe(true);
    }
  });

  it("rejects a non-object and an empty component list", () => {
    expect(() => parseModel([], "m.json")).toThrow(/JSON object/);
    expect(() => parseModel({ components: [] }, "m.json")).toThrow(/non-empty list of components/);
  });

  it("rejects ids that would break CSV files", () => {
    expect(() => parseModel({ components: [{ id: "A,B", name: "x" }] })).toThrow(/commas/);
  });
});

describe("loadModel", () => {
  it("reads the shipped model file", () => {
    expect(loadModel("data/models/cxm-10.json").components).toHaveLength(10);
  });
  it("names a missing file", () => {
    expect(() => loadModel("no/such/model.json")).toThrow(/no\/such\/model\.json.*no such file/);
  });
  it("reads a model saved with a byte-order mark, as UTF-8 (Notepad) or UTF-16LE, like the shipped file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cxm-model-bom-"));
    const text = readFileSync("data/models/cxm-10.json", "utf8");
    writeFileSync(join(dir, "utf8.json"), "\ufeff" + text, "utf8");
    writeFileSync(join(dir, "utf16.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(loadModel(join(dir, "utf8.json"))).toEqual(loadModel("data/models/cxm-10.json"));
    expect(loadModel(join(dir, "utf16.json"))).toEqual(loadModel("data/models/cxm-10.json"));
  });
  it("names a file that is not JSON", () => {
    expect(() => loadModel("LICENSE")).toThrow(InputError);
    expect(() => loadModel("LICENSE")).toThrow(/not valid JSON/);
  });
});

describe("modelInLanguage and requireTwoComponents", () => {
  it("Persian names where the model has them (data/models/cxm-10.json), English where it does not; ids and layers unchanged", () => {
    const m = defaultModel();
    const fa = modelInLanguage(m, "fa");
    expect(fa.components[0]).toMatchObject({ id: "LEAD", name: "رهبری متمرکز بر مشتری" });
    expect(fa.layers?.[0]).toMatchObject({ id: "L1", name: "رهبری و فرهنگ", components: ["LEAD", "CUL"] });
    expect(fa.components.map((c) => c.id)).toEqual(m.components.map((c) => c.id));
    expect(modelInLanguage(m, "en")).toBe(m);
    const partial = parseModel(
      {
        components: [
          { id: "A", name: "Alpha", name_fa: "آلفا" },
          { id: "B", name: "Beta" },
        ],
      },
      "m.json",
    );
    expect(modelInLanguage(partial, "fa").components.map((c) => c.name)).toEqual(["آلفا", "Beta"]);
    expect(partial.components[0].name).toBe("Alpha");
  });
  it("a one-component model is refused at its file", () => {
    const one = parseModel({ components: [{ id: "A", name: "Alpha" }] }, "one.json");
    expect(() => requireTwoComponents(one, "one.json")).toThrow(InputError);
    try {
      requireTwoComponents(one, "one.json");
    } catch (e) {
      expect((e as InputError).problems[0]).toMatchObject({ file: "one.json", column: "components", found: "1 component" });
    }
    expect(requireTwoComponents(defaultModel(), "x")).toBeTruthy();
  });
});
