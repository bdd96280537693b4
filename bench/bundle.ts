import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { buildSampleWorkbook } from "../src/cli/sampleWorkbook";
import { CHROMIUM, launchChromium, simulatedOfficeJs } from "../test/helpers/browser";
import { fakeExcelFrom } from "../test/helpers/fakeExcelFrom";
import { Row, summarize } from "./stats";

const ROOT = resolve(__dirname, "..");
const WEBPACK = join(ROOT, "node_modules/webpack/bin/webpack.js");
const ORIGIN = "https://pane.bench";

/** Raw and gzipped bytes of the scripts a page loads from its own host. */
function pageScripts(dir: string, page: string): { raw: number; gz: number } {
  const html = readFileSync(join(dir, page), "utf8");
  let raw = 0;
  let gz = 0;
  for (const [, src] of html.matchAll(/<script[^>]*src="?([^" >]+)/g)) {
    if (src!.includes("//")) continue; // Office.js from Microsoft's CDN
    const bytes = readFileSync(join(dir, src!));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

function file(dir: string, name: string): { raw: number; gz: number } {
  const bytes = readFileSync(join(dir, name));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

/** Median time from navigation start to the first rendered button, in headless Chromium. */
async function firstRender(dir: string, page: string, officeJs: string | undefined, runs: number) {
  const browser = await launchChromium();
  const values: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector("button")) {
            (window as unknown as { __firstRender: number }).__firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      if (officeJs)
        await tab.route("https://appsforoffice.microsoft.com/**", (r) =>
          r.fulfill({ contentType: "application/javascript", body: officeJs }),
        );
      await tab.route(`${ORIGIN}/**`, (r) => {
        const path = join(dir, new URL(r.request().url()).pathname);
        if (!existsSync(path)) return r.fulfill({ status: 404, body: "" });
        const type = path.endsWith(".js") ? "application/javascript" : "text/html";
        return r.fulfill({ contentType: type, body: readFileSync(path) });
      });
      await tab.goto(`${ORIGIN}/${page}`);
      const t = await tab.waitForFunction(
        () => (window as unknown as { __firstRender?: number }).__firstRender,
      );
      if (i > 0) values.push((await t.jsonValue()) as number); // the first load warms the browser up
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return summarize(values);
}

export async function bundleBench(dir: string, runs: number): Promise<Row[]> {
  const dist = join(dir, "dist");
  const baseline = join(dir, "baseline");
  execFileSync(process.execPath, [WEBPACK, "--mode", "production", "--output-path", dist], {
    cwd: ROOT,
    stdio: "pipe",
  });
  execFileSync(
    process.execPath,
    [WEBPACK, "--config", join(ROOT, "bench/baseline/webpack.config.js"), "--output-path", baseline],
    { cwd: ROOT, stdio: "pipe" },
  );
  const pane = pageScripts(dist, "taskpane.html");
  const minimal = pageScripts(baseline, "minimal.html");
  const functions = file(dist, "functions.js");
  const rows: Row[] = [
    { group: "bundle", measure: "task pane initial JS (raw)", value: pane.raw / 1024, unit: "KB" },
    {
      group: "bundle",
      measure: "task pane initial JS (gzip)",
      value: pane.gz / 1024,
      unit: "KB",
      baseline: {
        name: "minimal React + Fluent v9 page",
        value: minimal.gz / 1024,
        ratio: pane.gz / minimal.gz,
      },
      budget: { limit: 300, ok: pane.gz / 1024 < 300 },
    },
    {
      group: "bundle",
      measure: "custom functions functions.js (raw)",
      value: functions.raw / 1024,
      unit: "KB",
    },
    {
      group: "bundle",
      measure: "custom functions functions.js (gzip)",
      value: functions.gz / 1024,
      unit: "KB",
      budget: { limit: 50, ok: functions.gz / 1024 < 50 },
    },
  ];
  if (!existsSync(CHROMIUM)) {
    rows.push({
      group: "bundle",
      measure: "pane load → first render",
      value: NaN,
      unit: "ms",
      note: "chromium mangler",
    });
    return rows;
  }
  const workbook = JSON.stringify(fakeExcelFrom(buildSampleWorkbook({ asTables: true })).toModel());
  // The simulated host reads the workbook from window.__WORKBOOK__ (model maps serialised as arrays).
  const officeJs = `window.__WORKBOOK__ = ${workbook};\n${await simulatedOfficeJs()}`;
  const ours = await firstRender(dist, "taskpane.html", officeJs, runs);
  const base = await firstRender(baseline, "minimal.html", undefined, runs);
  const baseWithOffice = await firstRender(baseline, "minimal-office.html", officeJs, runs);
  rows.push({
    group: "bundle",
    measure: "pane load → first render (Chromium)",
    value: ours.median,
    min: ours.min,
    max: ours.max,
    unit: "ms",
    baseline: {
      name: "minimal React + Fluent v9 page",
      value: base.median,
      ratio: ours.median / base.median,
    },
  });
  rows.push({
    group: "bundle",
    measure: "minimal page with the same office.js → first render",
    value: baseWithOffice.median,
    min: baseWithOffice.min,
    max: baseWithOffice.max,
    unit: "ms",
    note: `the pane: ×${(ours.median / baseWithOffice.median).toFixed(2).replace(".", ",")} (the simulated office.js carries the fake Excel and the workbook: ${Math.round(officeJs.length / 1024)} KB)`,
  });
  return rows;
}
