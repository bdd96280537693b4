import fsPromises from "fs/promises";
import fc from "fast-check";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { existsSync } from "fs";
import { join } from "path";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { ExcelRun, OfficeWorkbook, WriteFailedError } from "../../src/workbook/officeWorkbook";
import { insertTemplate } from "../../src/taskpane/template";
import { runContract } from "../../src/app/run";
import { FakeExcel } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { mainRun, sampleFile, tempDir } from "../helpers/workbooks";

/** What a user would call the workbook's content: every cell's value and formula, the sheets, the tables. */
function content(fake: FakeExcel) {
  return {
    sheets: fake.sheets.map((s) => s.name),
    tables: fake.tables.map((t) => `${t.name} ${t.sheet}!${t.ref}`),
    cells: fake.sheets.flatMap((s) =>
      [...s.cells]
        .filter(
          ([, c]) => c.formula !== undefined || (c.value !== null && c.value !== undefined && c.value !== ""),
        )
        .map(([address, c]) => `${s.name}!${address}=${c.formula ?? JSON.stringify(c.value)}`)
        .sort(),
    ),
    // Number formats of cells with content (a cleared cell's format is not what a user sees).
    formats: fake.sheets.flatMap((s) =>
      [...s.cells]
        .filter(([, c]) => c.value !== null && c.value !== undefined && c.value !== "")
        .map(([address, c]) => `${s.name}!${address}:${c.numberFormat ?? "General"}`)
        .sort(),
    ),
    // The conditional formats, the user's and the add-in's, as rules per range.
    rules: fake.sheets.flatMap((s) =>
      s.conditionalFormats
        .flatMap((f) => f.rules.map((r) => `${s.name}!${f.range} ${r.operator} ${r.formula1}`))
        .sort(),
    ),
  };
}

/** The sample after one earlier Beregn, so that a failing re-run also has generated sheets to put back. */
async function computedOnce(asTables: boolean): Promise<FakeExcel> {
  const fake = fakeExcelFrom(buildSampleWorkbook({ asTables }));
  expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
  return fake;
}

describe("Excel fails in the middle of writing (Office.js)", () => {
  it("whatever operation fails, what was written is put back and the message says so (fast-check)", async () => {
    const opsDone = (fake: FakeExcel) => (fake as unknown as { opsDone: number }).opsDone;
    // How many operations the data batch of a Beregn makes (Excel.run 2, after the snapshot; the charts
    // come after it in batches of their own): on a fresh sample, and again on its own result.
    const writes = async (again: boolean) => {
      const fake = again ? await computedOnce(true) : fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
      const start = opsDone(fake);
      let runs = 0;
      let dataOps = 0;
      const run: ExcelRun = async (batch) => {
        const result = await fake.run(batch);
        if (++runs === 2) dataOps = opsDone(fake) - start;
        return result;
      };
      await runContract(new OfficeWorkbook(run, () => true), new Diagnostics());
      return dataOps;
    };
    const totals = { fresh: await writes(false), again: await writes(true) };
    expect(totals.fresh).toBeGreaterThan(100);
    expect(totals.again).toBeGreaterThan(100);

    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        async (at, again) => {
          const fake = again
            ? await computedOnce(true)
            : fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
          const before = content(fake);
          fake.failAfterOps = opsDone(fake) + Math.floor(at * (again ? totals.again : totals.fresh));
          const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
          expect(outcome.ok).toBe(false);
          expect(
            outcome.summary.diagnostics.filter((d) => d.level !== "info").map((d) => [d.level, d.code]),
          ).toEqual([["error", "WRITE_FAILED"]]);
          expect(outcome.summary.diagnostics.filter((d) => d.level !== "info")[0]!.message).toContain(
            "er sat tilbage: værdier, formler, talformater, lyskrydsenes betingede formatering",
          );
          expect(content(fake)).toEqual(before);
        },
      ),
      { numRuns: 25, seed: 2026 },
    );
  }, 120_000);

  it("a failure while drawing the charts leaves the results written and says which chart is missing (fast-check)", async () => {
    const opsDone = (fake: FakeExcel) => (fake as unknown as { opsDone: number }).opsDone;
    const expected = await computedOnce(true);
    const written = content(expected);
    // The operations of the chart batches: everything after Excel.run 2 (snapshot, data).
    const chartOps = async () => {
      const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
      fake.newerChartTitles = true;
      let runs = 0;
      let afterData = 0;
      const run: ExcelRun = async (batch) => {
        const result = await fake.run(batch);
        if (++runs === 2) afterData = opsDone(fake);
        return result;
      };
      await runContract(new OfficeWorkbook(run, () => true), new Diagnostics());
      return { afterData, total: opsDone(fake) };
    };
    const ops = await chartOps();
    expect(ops.total - ops.afterData).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (at) => {
        const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
        fake.newerChartTitles = true; // so that the only chart failure is the one made here
        let runs = 0;
        const run: ExcelRun = (batch) => {
          if (++runs === 3) fake.failAfterOps = ops.afterData + Math.floor(at * (ops.total - ops.afterData));
          return fake.run(batch);
        };
        const outcome = await runContract(new OfficeWorkbook(run, () => true), new Diagnostics());
        expect(outcome.ok).toBe(true);
        expect(content(fake)).toEqual(written);
        const notes = outcome.summary.diagnostics.filter((d) => d.code.startsWith("CHART_"));
        expect(notes).toHaveLength(1);
        expect(notes[0]!.level).toBe("warning");
        expect(notes[0]!.message).toContain("Resultaterne er skrevet");
        // Never a chart twice, never one left half made without its name.
        for (const sheet of fake.sheets) {
          const names = sheet.charts.map((c) => c.name);
          expect(new Set(names).size).toBe(names.length);
          expect(names.every((n) => n.startsWith("Reservationspuljen – "))).toBe(true);
        }
      }),
      { numRuns: 25, seed: 2026 },
    );
  }, 120_000);

  it("says so plainly when putting back fails too", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    let runs = 0;
    // Excel.run calls: 1 snapshot, 2 write (fails), 3 restore (made to fail as well).
    const run: ExcelRun = (batch) => {
      runs++;
      if (runs === 2) fake.failAfterOps = 10;
      if (runs === 3) fake.failAfterOps = 0;
      return fake.run(batch);
    };
    const outcome = await runContract(new OfficeWorkbook(run, () => true), new Diagnostics());
    expect(outcome.ok).toBe(false);
    expect(outcome.summary.diagnostics.filter((d) => d.level !== "info")[0]).toMatchObject({
      level: "error",
      code: "WRITE_FAILED",
    });
    expect(outcome.summary.diagnostics.filter((d) => d.level !== "info")[0]!.message).toContain(
      "kunne ikke sættes helt tilbage",
    );
  });
});

describe("the headless command cannot write its output file", () => {
  it("exit 1, a Danish message, and no file (not even a half-written one)", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, false);
    const output = join(dir, "output.xlsx");
    // The disk fills up as the finished file is put in place.
    const rename = jest
      .spyOn(fsPromises, "rename")
      .mockRejectedValueOnce(new Error("ENOSPC: no space left on device"));
    let run: { code: number; err: string };
    try {
      run = await mainRun([input, "-o", output, "--json", `${output}.json`]);
    } finally {
      rename.mockRestore();
    }
    expect(run.code).toBe(1);
    expect(run.err).toContain("kunne ikke skrives");
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.${process.pid}.tmp`)).toBe(false);
    expect(existsSync(`${output}.json`)).toBe(false);
  });
});

describe("the headless command cannot change the package", () => {
  it("exit 1, a message that does not blame Excel, and no file", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, false);
    const output = join(dir, "output.xlsx");
    const apply = jest
      .spyOn(FileWorkbook.prototype, "apply")
      .mockRejectedValueOnce(new Error("an unexpected part"));
    let run: { code: number; err: string };
    try {
      run = await mainRun([input, "-o", output]);
    } finally {
      apply.mockRestore();
    }
    expect(run.code).toBe(1);
    expect(run.err).toContain("Projektmappen kunne ikke skrives");
    expect(run.err).not.toContain("Excel stoppede");
    expect(existsSync(output)).toBe(false);
  });
});

describe("Indsæt skabelon: Excel fails in the middle of adding the template", () => {
  it("whatever operation fails, the added sheets and tables are gone and the workbook is as before (fast-check)", async () => {
    const opsDone = (fake: FakeExcel) => (fake as unknown as { opsDone: number }).opsDone;
    // The sample as plain blocks: the template adds its tables beside them, on sheets "Regler 2" ….
    const existing = () => fakeExcelFrom(buildSampleWorkbook({ asTables: false }));
    // The operations of the template's write batch (Excel.run 2; run 1 reads the names).
    const counting = existing();
    const start = opsDone(counting);
    let runs = 0;
    let writeOps = 0;
    await insertTemplate(
      async (batch) => {
        const before = opsDone(counting);
        const result = await counting.run(batch);
        if (++runs === 2) writeOps = opsDone(counting) - before;
        return result;
      },
      { formulas: true },
      () => true,
    );
    expect(opsDone(counting)).toBeGreaterThan(start);
    expect(writeOps).toBeGreaterThan(50);

    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (at) => {
        const fake = existing();
        const before = content(fake);
        let read = false;
        const run: ExcelRun = async (batch) => {
          // Fail somewhere in the write, after the names were read.
          if (read) fake.failAfterOps = opsDone(fake) + Math.floor(at * writeOps);
          read = true;
          return fake.run(batch);
        };
        let failure: unknown;
        await insertTemplate(run, { formulas: true }, () => true).catch(
          (error: unknown) => (failure = error),
        );
        expect(failure).toBeInstanceOf(WriteFailedError);
        expect((failure as WriteFailedError).restored).toBe(true);
        expect(content(fake)).toEqual(before);
      }),
      { numRuns: 25, seed: 2026 },
    );
  }, 120_000);
});
