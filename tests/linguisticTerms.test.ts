/**
 * Reading survey cells as terms of a linguistic scale, and the scale's rules (docs/methods.md §2.11),
 * on hand-written cases: the built-in five-term fuzzy scale (Li 1999; Lin & Wu 2008) and small scales.
 */
import { describe, expect, it } from "vitest";
import { FUZZY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { termReader } from "../src/io/linguisticTerms.js";
import { scaleProblems, termKey, termValues } from "../src/io/linguisticScaleRules.js";
import { parseSurvey } from "../src/io/parseSurvey.js";
import { InputError } from "../src/errors.js";

describe("termReader", () => {
  const r = termReader(FUZZY_FIVE_TERM_SCALE);
  it("reads codes, English and Persian labels in any case, with Persian digits, Arabic letters and half-spaces", () => {
    expect(r.read("3")).toBe(3);
    expect(r.read("۳")).toBe(3);
    expect(r.read(" 3.0 ")).toBe(3);
    expect(r.read("VERY high   influence")).toBe(4);
    expect(r.read("تأثیر زیاد")).toBe(3);
    expect(r.read("تاثیر زیاد")).toBe(3); // without the hamza
    expect(r.read("تأثير خيلي كم")).toBe(1); // Arabic yeh and kaf
    expect(r.read("تأثیر خیلی\u200Cکم")).toBe(1); // half-space
    expect(r.read("maybe")).toBeUndefined();
    expect(r.read("5")).toBeUndefined();
    expect(r.range).toEqual({ min: 0, max: 4 });
    expect(r.list).toMatch(/^0 "No influence" "بدون تأثیر", 1 /);
  });
  it("non-numeric codes take the term's position", () => {
    const s = {
      name: "s",
      terms: [
        { term: "N", tfn: [0, 0, 0.5] as const },
        { term: "H", label: "High", tfn: [0.5, 1, 1] as const },
      ],
    };
    expect(termValues(s)).toEqual([0, 1]);
    expect(termReader(s).read("high")).toBe(1);
    expect(termReader(s).read("1")).toBeUndefined();
    expect(termKey("۱۲")).toBe("12");
  });
});

describe("scaleProblems", () => {
  it("locates unordered limits, lo > hi, names shared by two terms, and a missing number", () => {
    const fuzzy = scaleProblems(
      { name: "f", terms: [{ term: "0", label: "No", tfn: [0, 0, 0.25] }, { term: "1", label: "no", tfn: [0.5, 0.25, 1] }, { term: "2" }] },
      "fuzzy",
    );
    expect(fuzzy.map((p) => p.at)).toEqual(["terms[1].label", "terms[1].tfn", "terms[2].tfn"]);
    const grey = scaleProblems(
      {
        name: "g",
        terms: [
          { term: "0", grey: [0, 0] },
          { term: "1", grey: [0.5, 0.25] },
        ],
      },
      "grey",
    );
    expect(grey).toHaveLength(1);
    expect(grey[0]).toMatchObject({ at: "terms[1].grey", found: "[0.5,0.25]" });
    expect(scaleProblems(FUZZY_FIVE_TERM_SCALE, "fuzzy")).toEqual([]);
  });
});

describe("parseSurvey with terms", () => {
  const model = {
    components: [
      { id: "A", name: "a" },
      { id: "B", name: "b" },
    ],
  };
  it("reads a long survey in terms into the term values", () => {
    const s = parseSurvey("expert,from,to,value\nE1,A,B,تأثیر زیاد\nE1,B,A,very low influence\n", model, { terms: FUZZY_FIVE_TERM_SCALE });
    expect(s.experts[0].matrix).toEqual([
      [0, 3],
      [1, 0],
    ]);
    expect(s.scale).toEqual({ min: 0, max: 4 });
  });
  it("an unknown term is located at its row and column and lists the terms", () => {
    let err: unknown;
    try {
      parseSurvey("expert,from,to,value\nE1,A,B,شاید\nE1,B,A,1\n", model, { source: "s.csv", terms: FUZZY_FIVE_TERM_SCALE });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems[0];
    expect(p).toMatchObject({ file: "s.csv", row: 2, column: "value", found: '"شاید"' });
    expect(p.expected).toMatch(/4 "Very high influence" "تأثیر خیلی زیاد"/);
  });
});
