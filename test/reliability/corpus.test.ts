import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostic, Diagnostics } from "../../src/domain";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runContract } from "../../src/app/run";
import { fakeCells } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { injectChartAndPivot } from "../helpers/injectParts";
import { cellMap, changedCells, load, runCli, tempDir } from "../helpers/workbooks";
import { CORPUS, CorpusCase, Expected, SummaryLike } from "./corpus";

const key = (d: Expected | Diagnostic): string =>
  Array.isArray(d)
    ? JSON.stringify(d.filter((x) => x !== undefined))
    : JSON.stringify([d.level, d.code, d.sheet, d.cell].filter((x) => x !== undefined));
// Infos (what the tool did not do, e.g. a flag without its columns) have their own cases; compared here: errors and warnings.
const sorted = (list: (Expected | Diagnostic)[]) =>
  list
    .filter((d) => (Array.isArray(d) ? d[0] : d.level) !== "info")
    .map(key)
    .sort();

function workbook(c: CorpusCase) {
  const wb = buildSampleWorkbook({ asTables: c.asTables ?? false });
  c.change(wb);
  return wb;
}

describe("the reliability corpus", () => {
  it("has at least 30 cases with distinct names", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    it("the .xlsx file through the headless command: exactly these diagnostics, no input cell changed", async () => {
      const dir = tempDir();
      const input = join(dir, "input.xlsx");
      await workbook(c).xlsx.writeFile(input);
      if (c.inject) writeFileSync(input, await injectChartAndPivot(readFileSync(input), "Investeringer"));
      const output = join(dir, "output.xlsx");
      const run = await runCli(input, output);
      expect(sorted(run.summary!.diagnostics)).toEqual(sorted([...c.expected, ...(c.fileOnly ?? [])]));
      expect(run.code).toBe(c.ok ? 0 : 1);
      for (const pattern of c.messages ?? [])
        expect(run.summary!.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(pattern));
      if (!c.ok) {
        expect(existsSync(output)).toBe(false); // all or nothing: no output file at all
        expect(run.err).toContain("Ingen outputfil er skrevet");
        const [, , sheet, cell] = c.expected.find((e) => e[0] === "error")!;
        expect(run.err).toContain(cell ? `${sheet}!${cell}` : String(sheet));
        return;
      }
      expect(changedCells(cellMap(await load(input)), cellMap(await load(output)))).toEqual([]);
      c.summary?.(run.summary as SummaryLike);
    }, 60_000);

    it("the Office.js workbook (simulated Excel): the same diagnostics, nothing written on error", async () => {
      const fake = fakeExcelFrom(workbook(c));
      // The corpus is about inputs; how Excel's charts fail has its own tests (port.suite, writeFailure).
      fake.newerChartTitles = true;
      const before = fakeCells(fake);
      const sheetsBefore = fake.sheets.map((s) => s.name);
      const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
      expect(sorted(outcome.summary.diagnostics)).toEqual(sorted(c.expected));
      expect(outcome.ok).toBe(c.ok);
      const after = fakeCells(fake);
      if (!c.ok) {
        expect(after).toEqual(before);
        expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
        return;
      }
      expect(changedCells(before, after)).toEqual([]);
      c.summary?.(outcome.summary);
    }, 60_000);
  });
});
