#!/usr/bin/env node
// The README's picture of the browser app, docs/browser-app.png: the page built by scripts/build-web.mjs (into a
// temporary folder), opened from file:// as cxm-dematel.html#example in headless Chromium (driven by
// puppeteer-core), photographed once the SYNTHETIC example's report is shown. Regenerate after the page changes:
//   node scripts/browser-app-picture.mjs
/* global document, window */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cxm-app-picture-"));
const page = join(dir, "cxm-dematel.html");
const out = join(root, "docs", "browser-app.png");
try {
  const build = spawnSync(process.execPath, [join(root, "scripts", "build-web.mjs"), "--out", page], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build-web failed:\n${build.stdout}${build.stderr}`);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 2600 });
    await tab.goto(pathToFileURL(page).href + "#example");
    await tab.waitForFunction(() => document.body.dataset.shownMs !== undefined, { timeout: 60_000 });
    // The check, the options and the top of the report: from the "2. Check" heading, 1,400 px down.
    const frame = tab.frames().find((f) => f !== tab.mainFrame());
    await frame?.waitForFunction(() => document.querySelectorAll(".plot .main-svg").length > 0, { timeout: 60_000 });
    const top = await tab.$eval("#check", (e) => e.getBoundingClientRect().top + window.scrollY - 60);
    await tab.screenshot({ path: out, clip: { x: 0, y: top, width: 1280, height: 1500 } });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
