/// <reference lib="dom" />
/**
 * The zero-install browser app (issue 11), in a real headless Chromium driven by puppeteer-core:
 * the page is built (scripts/build-web.mjs --out, into a temporary folder), opened from file://, and used as a
 * person uses it — choose a survey, check, analyse, read the report. Its results must equal
 * `cxm-dematel analyze --json` (run in-process through the CLI's own analyzeCommand) to 1e-12, meta
 * aside; a malformed survey must show located problems and analyse nothing; hostile labels must be
 * shown as text with no script run; and the page must make no request that is not file:, data: or
 * blob: (the Content-Security-Policy forbids it; request interception proves it).
 * Needs Chromium (/usr/bin/chromium or $CHROMIUM); skipped without it unless CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from "puppeteer-core";
import { analyzeCommand } from "../src/cli/analyzeCommand.js";
import { layersCommand } from "../src/cli/layersCommand.js";
import { compareCommand } from "../src/cli/compareCommand.js";
import { powerCommand } from "../src/cli/powerCommand.js";
import ExcelJS from "exceljs";
import { defaultModel } from "../src/model/model.js";
import { readSurvey } from "../src/io/readSurvey.js";

const ROOT = resolve(".");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? "");
const haveChromium = existsSync(CHROMIUM);

/** `cxm-dematel analyze <args> --json` (or `layers`), through the CLI's own command, as parsed JSON. */
async function cliJson(
  args: readonly string[],
  command: (args: readonly string[], io: { stdout(s: string): void; stderr(s: string): void; help(c: string): number }) => Promise<number> = analyzeCommand,
): Promise<Record<string, unknown>> {
  let out = "";
  const io = { stdout: (s: string) => void (out += s), stderr: () => undefined, help: () => 0 };
  expect(await command([...args, "--json"], io)).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

/** Every number equal within `tol`, everything else equal; the path of the first difference in the message. */
function expectSameJson(actual: unknown, expected: unknown, tol: number, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (!(Math.abs(actual - expected) <= tol || actual === expected)) expect.fail(`${path}: ${actual} vs ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(typeof actual, path).toBe("object");
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectSameJson(a[key], e[key], tol, `${path}.${key}`);
}

function withoutMeta(json: Record<string, unknown>): Record<string, unknown> {
  const { meta: _meta, ...rest } = json;
  return rest;
}

/** The report's frame (the sandboxed srcdoc iframe). */
function reportFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("no report frame");
  return frame;
}

describe.skipIf(!haveChromium && !ci)("browser app (dist/web/cxm-dematel.html in headless Chromium)", () => {
  let browser: Browser;
  let work: string;
  /** The page under test, built into this run's own temporary folder (dist/ is left alone). */
  let PAGE: string;
  /** Requests to anything but file:, data: and blob:, over all pages of the run. */
  const remote: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "cxm-browser-"));
    PAGE = join(work, "cxm-dematel.html");
    const build = spawnSync(process.execPath, ["scripts/build-web.mjs", "--out", PAGE], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stdout}${build.stderr}`);
    process.stdout.write(build.stdout);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    expect(remote, "requests that left the machine").toEqual([]);
  });

  /** A fresh page of the app, with every request checked and script errors collected. */
  async function openApp(hash = ""): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (/^(file|data|blob):/.test(request.url())) void request.continue();
      else {
        remote.push(request.url());
        void request.abort();
      }
    });
    await page.goto(pathToFileURL(PAGE).href + hash);
    return { page, errors };
  }

  /** Choose a survey (and a model), wait for the check's verdict. */
  async function choose(page: Page, survey: string, model?: string): Promise<string> {
    const input = async (selector: string): Promise<ElementHandle<HTMLInputElement>> => (await page.$(selector)) as ElementHandle<HTMLInputElement>;
    if (model) await (await input("#model-file")).uploadFile(model);
    await (await input("#survey-file")).uploadFile(survey);
    await page.waitForFunction(() => document.querySelector("#check .ok, #check .problems") !== null, { timeout: 30_000 });
    return page.$eval("#check", (e) => (e as HTMLElement).innerText);
  }

  /**
   * Click Analyse; wait until the report is shown (its frame loaded: text and the first chart) and then
   * until every chart is drawn; the results, both times from the click, and the number of charts.
   */
  async function analyse(page: Page): Promise<{ json: Record<string, unknown>; shownMs: number; drawnMs: number; charts: number }> {
    await page.waitForSelector("#run:not([disabled])");
    await page.evaluate(() => delete document.body.dataset.shownMs);
    const clicked = Date.now();
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.shownMs !== undefined, { timeout: 60_000 });
    const frame = reportFrame(page);
    await frame.waitForFunction(() => Array.from(document.querySelectorAll(".plot")).every((p) => p.querySelector(".main-svg") !== null), {
      timeout: 60_000,
      polling: 50,
    });
    const drawnMs = Date.now() - clicked;
    const charts = await frame.evaluate(() => document.querySelectorAll(".plot").length);
    const text = await page.$eval("#cxm-results", (e) => e.textContent ?? "");
    expect(text).not.toContain("<");
    return {
      json: JSON.parse(text) as Record<string, unknown>,
      shownMs: Number(await page.evaluate(() => document.body.dataset.shownMs)),
      drawnMs,
      charts,
    };
  }

  it("the example panel: the page's results equal `analyze --json` to 1e-12 (meta aside), every chart drawn", async () => {
    const { page, errors } = await openApp();
    const summary = await choose(page, join(ROOT, "data", "surveys", "example-panel.csv"));
    expect(summary).toContain("14 (E01");
    const { json, shownMs, drawnMs, charts } = await analyse(page);
    expect(charts).toBeGreaterThan(5);
    const cli = await cliJson(["data/surveys/example-panel.csv"]);
    expectSameJson(withoutMeta(json), withoutMeta(cli), 1e-12);
    expect((json.meta as { source: string }).source).toBe("example-panel.csv");
    const timing = await page.$eval("#timing", (e) => e.textContent);
    process.stdout.write(
      `browser app, example panel (5,000 bootstrap replicates): report shown ${shownMs} ms after the click (${timing}); all ${charts} charts drawn after ${drawnMs} ms\n`,
    );
    await page.waitForFunction(() => (document.getElementById("cxm-workbook")?.textContent ?? "") !== "", { timeout: 30_000 });
    const links = await page.$$eval("#downloads a", (as) => as.map((a) => [a.getAttribute("download"), a.getAttribute("href")?.slice(0, 5)]));
    expect(links.map((l) => l[0]).sort()).toEqual([
      "components.csv",
      "edges.csv",
      "layers.json",
      "report.html",
      "results.json",
      "results.xlsx",
      "total-relation.csv",
    ]);
    const layers = JSON.parse(await page.$eval("#cxm-layers", (e) => e.textContent ?? "")) as Record<string, unknown>;
    expectSameJson(withoutMeta(layers), withoutMeta(await cliJson(["data/surveys/example-panel.csv"], layersCommand)), 1e-12);
    expect(links.every((l) => l[1] === "blob:")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a seeded survey with options set in the form equals `analyze --json` with the same options, Persian digits read by both", async () => {
    const { page } = await openApp();
    await choose(page, join(ROOT, "data", "surveys", "strong-panel.csv"));
    await page.select("#opt-threshold", "mean+sd");
    await page.select("#opt-aggregation", "median");
    await page.type("#opt-k", "۰٫۵");
    await page.type("#opt-bootstrap", "۴۰۰");
    await page.type("#opt-seed", "7");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("change")));
    await page.waitForFunction(() => document.querySelector("#check .ok") !== null && !(document.getElementById("run") as HTMLButtonElement).disabled);
    expect(await page.$eval("#command", (e) => e.textContent)).toBe(
      "cxm-dematel analyze strong-panel.csv --aggregation median --threshold mean+sd --k ۰٫۵ --bootstrap ۴۰۰ --seed 7",
    );
    const { json } = await analyse(page);
    const cli = await cliJson([
      "data/surveys/strong-panel.csv",
      "--aggregation",
      "median",
      "--threshold",
      "mean+sd",
      "--k",
      "۰٫۵",
      "--bootstrap",
      "۴۰۰",
      "--seed",
      "7",
    ]);
    expectSameJson(withoutMeta(json), withoutMeta(cli), 1e-12);
    expect((json.meta as { options: unknown }).options).toEqual((cli.meta as { options: unknown }).options);
    await page.close();
  }, 120_000);

  it("the embedded example loads and runs from #example, with the SYNTHETIC banner in the page and the report", async () => {
    const { page } = await openApp("#example");
    await page.waitForFunction(() => document.body.dataset.shownMs !== undefined, { timeout: 60_000 });
    expect(await page.$eval("#synthetic", (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(await reportFrame(page).evaluate(() => document.querySelector(".banner")?.textContent)).toContain("SYNTHETIC EXAMPLE DATA");
    const json = JSON.parse(await page.$eval("#cxm-results", (e) => e.textContent ?? "")) as Record<string, unknown>;
    expectSameJson(withoutMeta(json), withoutMeta(await cliJson([])), 1e-12);
    expect((json.meta as { source: string; synthetic: boolean }).synthetic).toBe(true);
    await page.close();
  }, 120_000);

  it("an .xlsx workbook survey: the page reads it as `analyze` does, and its results.xlsx equals `analyze --xlsx`'s sheet for sheet", async () => {
    const model = defaultModel();
    const survey = readSurvey("data/surveys/example-panel.csv", model);
    const grid = new ExcelJS.Workbook();
    grid.addWorksheet("Instructions").getCell("A1").value = "Rate how strongly the row component influences the column component (0–4).";
    for (const e of survey.experts) {
      const ws = grid.addWorksheet(e.expert);
      ws.addRow(["", ...model.components.map((c, k) => (k % 2 ? c.name_fa : c.id))]);
      e.matrix.forEach((row, i) => ws.addRow([model.components[i].name, ...row.map((x, j) => (i === j ? null : (i + j) % 3 ? x : String(x)))]));
    }
    const path = join(work, "panel.xlsx");
    writeFileSync(path, new Uint8Array(await grid.xlsx.writeBuffer()));
    const { page, errors } = await openApp();
    expect(await choose(page, path)).toContain("14 (E01");
    await page.type("#opt-bootstrap", "300");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("change")));
    await page.waitForFunction(() => !(document.getElementById("run") as HTMLButtonElement).disabled);
    const { json } = await analyse(page);
    expectSameJson(withoutMeta(json), withoutMeta(await cliJson([path, "--bootstrap", "300"])), 1e-12);
    await page.waitForFunction(() => (document.getElementById("cxm-workbook")?.textContent ?? "") !== "", { timeout: 30_000 });
    const pageBook = new ExcelJS.Workbook();
    await pageBook.xlsx.load(Buffer.from(await page.$eval("#cxm-workbook", (e) => e.textContent ?? ""), "base64") as unknown as ArrayBuffer);
    const out = join(work, "xlsx-out");
    expect(
      await analyzeCommand([path, "--bootstrap", "300", "--xlsx", "--out", out, "--quiet"], {
        stdout: () => undefined,
        stderr: () => undefined,
        help: () => 0,
      }),
    ).toBe(0);
    const cliBook = new ExcelJS.Workbook();
    await cliBook.xlsx.readFile(join(out, "results.xlsx"));
    const values = (wb: ExcelJS.Workbook, name: string): unknown[] => wb.getWorksheet(name)!.getSheetValues();
    expect(pageBook.worksheets.map((w) => w.name)).toEqual(cliBook.worksheets.map((w) => w.name));
    for (const ws of cliBook.worksheets.filter((w) => w.name !== "About")) expectSameJson(values(pageBook, ws.name), values(cliBook, ws.name), 1e-12);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("compare: the two-group example's comparison equals `compare --json` (every statistic, p and per-group relation)", async () => {
    const { page, errors } = await openApp();
    await page.select("#task", "compare");
    expect(await page.$eval("#run", (b) => b.textContent)).toBe("Compare");
    expect(await choose(page, join(ROOT, "data", "surveys", "example-groups.csv"))).toContain("M01 (managers)");
    await page.type("#opt-bootstrap", "200");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("change")));
    await page.waitForFunction(() => !(document.getElementById("run") as HTMLButtonElement).disabled);
    expect(await page.$eval("#command", (e) => e.textContent)).toBe("cxm-dematel compare example-groups.csv --bootstrap 200");
    const { json, charts } = await analyse(page);
    expect(charts).toBe(3);
    const cli = await cliJson(["data/surveys/example-groups.csv", "--bootstrap", "200"], compareCommand);
    for (const key of ["groups", "overall", "components", "layerTests"]) expectSameJson(json[key], cli[key], 1e-12, key);
    const relation = (r: Record<string, unknown>): unknown =>
      Object.values(r.perGroup as Record<string, { relation: number[]; layers: { bootstrap: { relation: unknown } } }>).map((g) => [
        g.relation,
        g.layers.bootstrap.relation,
      ]);
    expectSameJson(relation(json), relation(cli), 1e-12);
    const links = await page.$$eval("#downloads a", (as) => as.map((a) => a.getAttribute("download")).sort());
    expect(links).toEqual(["compare-components.csv", "compare-overall.csv", "compare.html", "compare.json"]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a survey without a group column cannot be compared: the check says so and Compare stays disabled", async () => {
    const { page } = await openApp();
    await page.select("#task", "compare");
    const text = await choose(page, join(ROOT, "data", "surveys", "example-panel.csv"));
    expect(text).toMatch(/no group column/);
    expect(await page.$eval("#run", (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await page.close();
  }, 60_000);

  it("power needs no survey: its curves equal `power --json` with the same options (the page simulates in one worker)", async () => {
    const { page, errors } = await openApp();
    await page.select("#task", "power");
    await page.waitForFunction(() => !(document.getElementById("run") as HTMLButtonElement).disabled);
    await page.type("#opt-experts", "5:15:5");
    await page.type("#opt-sims", "۲۰۰");
    await page.type("#opt-delta", "0.05,0.1");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("input")));
    expect(await page.$eval("#command", (e) => e.textContent)).toBe("cxm-dematel power --experts 5:15:5 --delta 0.05,0.1 --sims ۲۰۰");
    const { json } = await analyse(page);
    const cli = await cliJson(["--experts", "5:15:5", "--sims", "۲۰۰", "--delta", "0.05,0.1", "--quiet"], powerCommand);
    const curves = (r: Record<string, unknown>): unknown =>
      (r.curves as Array<{ panelSizes: number[]; power: number[]; mcse: number[]; rejections: number[]; failed: number[]; settings: { delta: number } }>).map(
        (c) => [c.settings.delta, c.panelSizes, c.power, c.mcse, c.rejections, c.failed],
      );
    expectSameJson(curves(json), curves(cli), 1e-12);
    const { workers: _w, workersUsed: _u, ...settings } = json.settings as Record<string, unknown>;
    const { workers: _cw, workersUsed: _cu, ...cliSettings } = cli.settings as Record<string, unknown>;
    expect(settings).toEqual(cliSettings);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a malformed survey shows every problem located (file:row, column) and analyses nothing", async () => {
    const bad = join(work, "bad.csv");
    writeFileSync(bad, "expert,from,to,value\nE1,LEAD,CUL,9\nE1,CUL,LEAD,abc\nE1,XYZ,LEAD,2\n");
    const { page } = await openApp();
    const text = await choose(page, bad);
    expect(text).toMatch(/Problems to fix/);
    expect(text).toMatch(/bad\.csv:2, column "value"/);
    expect(text).toMatch(/bad\.csv:3, column "value"/);
    expect(text).toMatch(/bad\.csv:4/);
    expect(await page.$eval("#run", (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$eval("#cxm-results", (e) => e.textContent)).toBe("");
    await page.close();
  }, 60_000);

  it("labels holding <img onerror>, <script> and =HYPERLINK are shown as text, and no script runs", async () => {
    const model = join(work, "hostile-model.json");
    const survey = join(work, "hostile.csv");
    const img = "<img src=x onerror=window.__cxmXss=1>";
    writeFileSync(
      model,
      JSON.stringify({
        components: [
          { id: "A", name: img },
          { id: "B", name: '=HYPERLINK("http://evil.example","click")' },
          { id: "C", name: "<script>window.__cxmXss=2</script>" },
          { id: "D", name: "plain" },
        ],
        layers: [
          { id: "L1", name: "<img src=x onerror=window.__cxmXss=3>", components: ["A", "B"] },
          { id: "L2", name: "=1+1", components: ["C", "D"] },
        ],
      }),
    );
    const experts = ["<img src=x onerror=window.__cxmXss=4>", '"=HYPERLINK(""http://evil.example"",""x"")"', "E3"];
    const ids = ["A", "B", "C", "D"];
    const rows = experts.flatMap((e, k) => ids.flatMap((f, i) => ids.filter((to) => to !== f).map((to, j) => `${e},${f},${to},${(i + j + k) % 5}`)));
    writeFileSync(survey, ["expert,from,to,value", ...rows].join("\n") + "\n");
    const { page, errors } = await openApp();
    const summary = await choose(page, survey, model);
    expect(summary).toContain("<img src=x onerror=window.__cxmXss=4>");
    await page.type("#opt-bootstrap", "200");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("change")));
    await page.waitForFunction(() => !(document.getElementById("run") as HTMLButtonElement).disabled);
    await analyse(page);
    const frame = reportFrame(page);
    for (const f of [page.mainFrame(), frame]) {
      expect(await f.evaluate(() => (window as { __cxmXss?: unknown }).__cxmXss)).toBeUndefined();
      expect(await f.evaluate(() => document.querySelectorAll("img, [onerror]").length)).toBe(0);
    }
    const reportText = await frame.evaluate(() => document.body.innerText);
    expect(reportText).toContain(img);
    expect(reportText).toContain("<script>window.__cxmXss=2</script>");
    expect(reportText).toContain('=HYPERLINK("http://evil.example","click")');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("switches to Persian, right to left; the report then names components and layers in Persian, with the same numbers", async () => {
    const { page, errors } = await openApp();
    await page.click("#language");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fa", "rtl"]);
    expect(await page.$eval("#load-example", (e) => e.textContent)).toBe("بارگذاری نمونه");
    await page.click("#load-example");
    await page.waitForFunction(() => document.querySelector("#check .ok") !== null);
    await page.type("#opt-bootstrap", "۲۰۰");
    await page.evaluate(() => document.getElementById("options")!.dispatchEvent(new Event("change")));
    const { json } = await analyse(page);
    const report = await reportFrame(page).evaluate(() => document.body.innerText);
    expect(report).toContain("رهبری متمرکز بر مشتری"); // LEAD's name_fa in data/models/cxm-10.json
    expect(report).toContain("رهبری و فرهنگ"); // layer L1's name_fa
    expectSameJson(withoutMeta(json), withoutMeta(await cliJson(["--bootstrap", "200"])), 1e-12);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

/**
 * Wait until `condition` holds in the page or frame, asking every 100 ms with `evaluate`. Puppeteer's waitForFunction
 * builds its poller with Function() inside the page, which the app's Content-Security-Policy refuses under WebDriver
 * BiDi in Firefox ESR 140 ("call to Function() blocked by CSP"); `evaluate` runs the function from outside, so the
 * page's policy stays as users get it.
 */
async function pollUntil(target: Page | Frame, condition: () => boolean, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await target.evaluate(condition))) {
    if (Date.now() > until) throw new Error(`browser app: the page did not reach ${condition.toString()} within ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
const haveFirefox = existsSync(FIREFOX);

describe.skipIf(!haveFirefox && !ci)("browser app in headless Firefox (WebDriver BiDi)", () => {
  let browser: Browser;
  let work: string;
  let PAGE: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "cxm-firefox-"));
    PAGE = join(work, "cxm-dematel.html");
    const build = spawnSync(process.execPath, ["scripts/build-web.mjs", "--out", PAGE], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stdout}${build.stderr}`);
    browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("opens from file://, runs #example in its worker, equals `analyze --json` to 1e-12 and draws the report's charts", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const clicked = Date.now();
    await page.goto(pathToFileURL(PAGE).href + "#example");
    await pollUntil(page, () => document.body.dataset.shownMs !== undefined, 90_000);
    const json = JSON.parse(await page.$eval("#cxm-results", (e) => e.textContent ?? "")) as Record<string, unknown>;
    expectSameJson(withoutMeta(json), withoutMeta(await cliJson([])), 1e-12);
    const frame = reportFrame(page);
    await pollUntil(frame, () => Array.from(document.querySelectorAll(".plot")).every((p) => p.querySelector(".main-svg") !== null), 60_000);
    expect(await frame.evaluate(() => document.querySelector(".banner")?.textContent)).toContain("SYNTHETIC EXAMPLE DATA");
    process.stdout.write(
      `browser app in Firefox, #example: report shown ${await page.evaluate(() => document.body.dataset.shownMs)} ms after the run started (${await page.evaluate(() => document.getElementById("timing")?.textContent ?? "")}); all charts drawn ${Date.now() - clicked} ms after opening the page\n`,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
