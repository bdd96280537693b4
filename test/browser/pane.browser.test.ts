import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import type { Page } from "playwright-core";
import { buildSampleWorkbook, buildYearsSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { CHROMIUM, launchChromium, simulatedOfficeJs } from "../helpers/browser";
import { FakeExcel } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { tempDir } from "../helpers/workbooks";

const ROOT = resolve(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const ORIGIN = "https://pane.test";

/** axe-core, served from the pane's own origin (the pane's Content-Security-Policy allows only 'self'). */
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

/** Serves the built pane's files on ORIGIN (and axe-core, for the accessibility test). */
async function serve(page: Page, dist: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = path === "/axe.min.js" ? AXE : join(dist, path);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
    const type = file.endsWith(".js")
      ? "application/javascript"
      : file.endsWith(".html")
        ? "text/html"
        : "application/octet-stream";
    return route.fulfill({ contentType: type, body: readFileSync(file) });
  });
}

/** Routes the simulated office.js (holding the workbook) and the built pane's files onto a page. */
async function withWorkbook(page: Page, workbook: unknown, dist: string): Promise<void> {
  const officeJs = await simulatedOfficeJs();
  await page.addInitScript(
    (model) => ((window as unknown as { __WORKBOOK__: unknown }).__WORKBOOK__ = model),
    workbook,
  );
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "application/javascript", body: officeJs }),
  );
  await serve(page, dist);
}

/** WCAG 2.1 A and AA and best practice: axe's violations on the page, as "rule: n nodes (first)". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: `${ORIGIN}/axe.min.js` });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(" ")})`);
  });
}

/**
 * What a magnifier user at 320 px would meet: cells of a table row that overlap, and text cut at an
 * element's edge (hidden overflow or an ellipsis); a box that scrolls (overflow auto) is not cutting.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const row of Array.from(document.querySelectorAll("tr"))) {
      const cells = Array.from(row.children).map((c) => c.getBoundingClientRect());
      cells.forEach((cell, i) => {
        const next = cells[i + 1];
        if (next && cell.right > next.left + 0.5)
          problems.push(`overlap: ${(row as HTMLElement).innerText.replace(/\s+/g, " ").slice(0, 60)}`);
      });
    }
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("main *"))) {
      // The live region is hidden on purpose (1 px): it is heard, not seen.
      if (element.getBoundingClientRect().width <= 1) continue;
      const style = getComputedStyle(element);
      const clips =
        style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
      if (clips && element.scrollWidth > element.clientWidth + 1 && element.innerText.trim() !== "")
        problems.push(`cut: ${element.innerText.replace(/\s+/g, " ").slice(0, 60)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
    return problems;
  });
}

describe("the built task pane in headless Chromium with a simulated Excel host (not real Excel)", () => {
  let dist: string;
  beforeAll(() => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `The task pane's browser test needs Debian's Chromium at ${CHROMIUM}: run ` +
          "`apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation` " +
          "(.ci/run does this). Never a downloaded browser (npx playwright install cannot reach its host).",
      );
    dist = tempDir();
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist],
      { cwd: ROOT, stdio: "pipe" },
    );
  }, 180_000);

  it("opened in a browser outside Excel (real office.js, no host): says how to open it from Excel", async () => {
    const officeDist = join(ROOT, "node_modules/@microsoft/office-js/dist");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 700 } });
      await page.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", (route) => {
        const file = join(officeDist, new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
        if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
        return route.fulfill({ contentType: "application/javascript", body: readFileSync(file) });
      });
      await serve(page, dist);
      await page.goto(`${ORIGIN}/taskpane.html`);
      await page.getByText("Åbn tilføjelsesprogrammet fra Excel").waitFor({ timeout: 30_000 });
      expect(await page.getByRole("button", { name: "Beregn" }).isDisabled()).toBe(true);
      expect(await page.getByText(/is not defined/).count()).toBe(0);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "taskpane-outside-excel.png") });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it.each([420, 320])(
    "is accessible at %i px: axe (WCAG 2.1 A/AA, best practice) fresh, after Beregn on 2018 and 2024, outside Excel; keyboard, focus, live region, no overlap, nothing cut",
    async (width) => {
      const browser = await launchChromium();
      try {
        mkdirSync(ARTIFACTS, { recursive: true });
        const found: Record<string, unknown> = {};
        for (const [name, build] of [
          ["2018", buildSampleWorkbook],
          ["2024", buildYearsSampleWorkbook],
        ] as const) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          await withWorkbook(page, fakeExcelFrom(build({ asTables: true })).toModel(), dist);
          await page.goto(`${ORIGIN}/taskpane.html`);
          const beregn = page.getByRole("button", { name: "Beregn" });
          await beregn.waitFor();
          if (name === "2018") {
            found["fresh"] = await axeViolations(page);
            // Tab order: the two actions, then the formula switch.
            await page.keyboard.press("Tab");
            expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Beregn");
            await page.keyboard.press("Tab");
            expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Indsæt skabelon");
            await page.keyboard.press("Shift+Tab");
          } else await beregn.focus();
          // Beregn from the keyboard: focus stays on the button; the live region says how it ended.
          await page.keyboard.press("Enter");
          await page.getByRole("region", { name: "Reservationspulje" }).waitFor({ timeout: 20_000 });
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Beregn");
          expect(await page.locator("p[role=status]").innerText()).toMatch(
            /^Beregnet\. Resultaterne er skrevet/,
          );
          found[name] = await axeViolations(page);
          found[`${name} layout`] = await layoutProblems(page);
          await page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}-${width}px.png`), fullPage: true });
          await page.close();
        }
        // Outside Excel (the real office.js, no host): the message and the disabled actions.
        const page = await browser.newPage({ viewport: { width, height: 700 } });
        const officeDist = join(ROOT, "node_modules/@microsoft/office-js/dist");
        await page.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", (route) => {
          const file = join(
            officeDist,
            new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""),
          );
          if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
          return route.fulfill({ contentType: "application/javascript", body: readFileSync(file) });
        });
        await serve(page, dist);
        await page.goto(`${ORIGIN}/taskpane.html`);
        await page.getByText("Åbn tilføjelsesprogrammet fra Excel").waitFor({ timeout: 30_000 });
        found["outside Excel"] = await axeViolations(page);
        expect(found).toEqual({
          fresh: [],
          "2018": [],
          "2018 layout": [],
          "2024": [],
          "2024 layout": [],
          "outside Excel": [],
        });
      } finally {
        await browser.close();
      }
    },
    240_000,
  );

  it("clicks Beregn on the 2018 sample and shows the pool, budgetværn, kassefinansiering and flag", async () => {
    const workbook = fakeExcelFrom(buildSampleWorkbook({ asTables: true })).toModel();

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({
        viewport: { width: 420, height: 1100 },
        permissions: ["clipboard-read", "clipboard-write"],
      });
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      // The built page carries its Content-Security-Policy; nothing the pane does may violate it.
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await withWorkbook(page, workbook, dist);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.goto(`${ORIGIN}/taskpane.html`);
      await page.getByRole("button", { name: "Beregn" }).click();
      // The simulated Excel refuses a Waterfall's title as Excel does (office-js#2041); the add-in asks
      // for none, so the results are written with no warning banner and no English in the pane.
      await page.getByText("Resultaterne er skrevet i projektmappen.").first().waitFor({ timeout: 20_000 });
      expect(await page.getByText("det er lavet som søjlediagram").count()).toBe(0);
      expect(await page.getByText(/advarsel/).count()).toBe(0);
      expect(await page.getByText(/UnsupportedOperation|Teknisk fejl/).count()).toBe(0);
      const pool = await page.getByRole("region", { name: "Reservationspulje" }).innerText();
      expect(pool).toMatch(/I alt\s+-86\.093\s+-56\.592/);
      expect(pool).toMatch(/Budgetværn\s+50\.000/);
      expect(pool).toMatch(/Kassefinansiering\s+36\.093\s+6\.592/);
      const poolRegion = page.getByRole("region", { name: "Reservationspulje" });
      expect(await poolRegion.getByLabel("Lyskryds: RØD").count()).toBe(1);
      // The waterfall: the prognosis is drawn apart, and "uden prognoser" ends at −56.592.
      const waterfall = page.getByRole("region", { name: "Vandfald" });
      expect(await waterfall.locator('[data-kind="prognosis"]').count()).toBe(1);
      expect(await waterfall.innerText()).toMatch(/Forventet resultat 2018\s+-86\.093/);
      await page.screenshot({ path: join(ARTIFACTS, "taskpane-2018-top.png") }).catch(() => undefined);
      await waterfall.getByRole("switch").click();
      expect(await waterfall.locator('[data-kind="prognosis"]').count()).toBe(0);
      expect(await waterfall.innerText()).toMatch(/Forventet resultat 2018\s+-56\.592/);
      await waterfall.getByRole("switch").click();
      expect(await page.getByRole("region", { name: "Følsomhed" }).innerText()).toContain(
        "Budgetværnet er netop opbrugt ved en efterregulering på 6.592.",
      );
      expect(await page.getByRole("region", { name: "Lyskryds" }).innerText()).toMatch(
        /Økonomi\s+18\s+1\s+6\s+0/,
      );
      // R13: proposal GRØN, the administration's GUL counts; the area's own result under the pool.
      expect(await page.getByRole("region", { name: "Hovedindikatorer" }).innerText()).toMatch(
        /Økonomi forslag\s*GRØN\s*· farve\s*GUL\s*\(valgt\)/,
      );
      expect(await poolRegion.innerText()).toContain("Områdets eget resultat (uden reguleringer): 13.825");
      // R14.2 "Kopiér til sagen": the case's tables as HTML on the real clipboard, dots in their colours.
      const caseRegion = page.getByRole("region", { name: "Sagen" });
      await caseRegion.getByRole("button", { name: "Kopiér til sagen" }).click();
      await caseRegion.getByText("Kopieret: 5 tabeller").waitFor({ timeout: 10_000 });
      const clipboard = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return {
          types: item ? [...item.types] : [],
          html: item ? await (await item.getType("text/html")).text() : "",
        };
      });
      expect(clipboard.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
      expect(clipboard.html.match(/<table/g)).toHaveLength(5);
      expect(clipboard.html).toContain("color:#FF0000");
      // The simulated workbook got the results.
      const written = await page.evaluate(() => {
        const fake = (window as unknown as { __FAKE_EXCEL__: FakeExcel }).__FAKE_EXCEL__;
        return fake.sheets.find((s) => s.name === "Resultat") !== undefined;
      });
      expect(written).toBe(true);
      expect(violations).toEqual([]);
      // No request leaves the page except Office.js (answered here by the simulated host).
      expect(
        requests.filter(
          (u) => !u.startsWith(ORIGIN) && !u.startsWith("https://appsforoffice.microsoft.com/"),
        ),
      ).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, "taskpane-2018.png"), fullPage: true });
      // R15: the indstilling with its kind; choosing Orientering writes Sagstype and computes again.
      const indstilling = page.getByRole("region", { name: "Indstilling" });
      expect(await indstilling.innerText()).toMatch(
        /\n2\. Budgetneutral tillægsbevilling[^\n]*8\.132\.000 kr\./,
      );
      await indstilling.getByLabel("Sagstype").selectOption("Orientering");
      await page
        .getByRole("region", { name: "Indstilling" })
        .getByText("til orientering. Der indstilles ingen bevillinger.")
        .waitFor({ timeout: 15_000 });
      const sagstype = await page.evaluate(() => {
        const fake = (window as unknown as { __FAKE_EXCEL__: FakeExcel }).__FAKE_EXCEL__;
        const rules = fake.sheets.find((s) => s.name === "Regler")!;
        const row = [...rules.cells].find(([, c]) => c.value === "Sagstype")![0].replace(/^A/, "");
        return rules.cells.get(`B${row}`)?.value;
      });
      expect(sagstype).toBe("Orientering");
    } finally {
      await browser.close();
    }
  }, 180_000);

  it("the August 2024 sample: years side by side and the ledger of a chosen year, in a real browser", async () => {
    const workbook = fakeExcelFrom(buildYearsSampleWorkbook({ asTables: true })).toModel();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 1100 } });
      await page.addInitScript(() => {
        Object.defineProperty(navigator.clipboard, "write", {
          value: () => Promise.reject(new DOMException("refused", "NotAllowedError")),
        });
        document.addEventListener("copy", () => {
          (window as unknown as { __COPIED__?: string }).__COPIED__ =
            document.getSelection()?.toString() ?? "";
        });
      });
      await withWorkbook(page, workbook, dist);
      await page.goto(`${ORIGIN}/taskpane.html`);
      await page.getByRole("button", { name: "Beregn" }).click();
      const years = page.getByRole("region", { name: "Årene side om side" });
      await years.waitFor({ timeout: 20_000 });
      expect(await years.innerText()).toMatch(/Budget 2025\s+4\.365\.796\s+118\.190/);
      const ledger = page.getByRole("region", { name: "Puljeregnskab pr. år" });
      await ledger.getByLabel("År").selectOption("2023");
      expect(await ledger.innerText()).toMatch(/Resultat 2023\s+131\.936/);
      // "Kopiér til sagen" where the host refuses the asynchronous clipboard (this page has no clipboard
      // permission, and write is made to refuse): the hidden copy and the copy command carry the tables.
      const caseRegion = page.getByRole("region", { name: "Sagen" });
      await caseRegion.getByRole("button", { name: "Kopiér til sagen" }).click();
      // An orientation: no bevillingstabel, the indstilling says so (R15.2).
      await caseRegion.getByText("Kopieret: 5 tabeller").waitFor({ timeout: 10_000 });
      const copied = await page.evaluate(
        () => (window as unknown as { __COPIED__?: string }).__COPIED__ ?? "",
      );
      expect(copied).toContain("Udvikling i udgifter og reservationspulje");
      expect(copied).toContain("131.936");
      expect(copied).toContain("til orientering. Der indstilles ingen bevillinger.");
      expect(copied).not.toContain("tillægsbevilling");
      await years.scrollIntoViewIfNeeded();
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "taskpane-2024.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 180_000);
});
