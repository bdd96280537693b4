import ExcelJS from "exceljs";
import fc from "fast-check";
import { join } from "path";
import { Diagnostics } from "../../src/domain";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runContract } from "../../src/app/run";
import { Summary } from "../../src/app/summary";
import { fakeCells } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { cellMap, changedCells, load, runCli, tempDir } from "../helpers/workbooks";

/** A cell of a generated table: mostly numbers, sometimes text, errors, blanks or formulas. */
const amount = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom("ca. 5", "1.234", "12,5 %", "") },
  { weight: 1, arbitrary: fc.constant({ error: "#N/A" }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 1000 }).map((v) => ({ formula: `${v}*2`, result: v * 2 })),
  },
);

const followUpRow = fc.tuple(
  fc.constantFrom("Budgetgaranti", "Beskæftigelsestilskud", "Uden for puljen"),
  amount,
  amount,
);
const ledgerRow = fc.tuple(
  fc.constantFrom("Vurdering", "DUT", "Midtvejsregulering", "Efterregulering", "Saldo"),
  fc.constantFrom("Endelig", "Prognose"),
  amount,
  amount,
);

type Generated = {
  followUp: [string, unknown, unknown][];
  ledger: [string, string, unknown, unknown][];
  vaern: number;
  /** A Regnskab table feeding a ledger line (Kilde Regnskab): its steering area as the minutes may write it. */
  yearEnd: { area: string; korrigeret: number; regnskab: number } | null;
};

const generated = fc.record({
  followUp: fc.array(followUpRow, { minLength: 1, maxLength: 12 }),
  ledger: fc.array(ledgerRow, { minLength: 1, maxLength: 8 }),
  vaern: fc.integer({ min: 0, max: 100_000 }),
  yearEnd: fc.option(
    fc.record({
      area: fc.constantFrom(
        "Særlige driftsområder",
        "Særlig drift",
        "Særlige driftsområder uden overførsel",
        "Service",
        "Særlige drifts-områder",
      ),
      korrigeret: fc.integer({ min: 0, max: 200_000 }),
      regnskab: fc.integer({ min: 0, max: 200_000 }),
    }),
  ),
});

function build(g: Generated): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Regler").addRows([
    ["Parameter", "Værdi"],
    ["Budgetår", 2025],
    ["Budgetværn", g.vaern],
  ]);
  const opf = wb.addWorksheet("Opfølgning");
  opf.addRow(["Område", "Pulje", "Korrigeret budget", "Forventet regnskab"]);
  g.followUp.forEach(([pulje, k, f], i) =>
    opf.addRow([`Område ${i + 1}`, pulje, k, f] as ExcelJS.CellValue[]),
  );
  const ledger = wb.addWorksheet("Reservationspulje");
  ledger.addRow(["Post", "Type", "Status", "Kilde", "Budgetgaranti", "Beskæftigelsestilskud"]);
  // A Saldo line's pool cells are the tool's output (WORKBOOK.md), so the generator leaves them blank.
  g.ledger.forEach(([type, status, a, b], i) =>
    ledger.addRow(type === "Saldo" ? [`Linje ${i + 1}`, type] : [`Linje ${i + 1}`, type, status, null, a, b]),
  );
  if (g.yearEnd) {
    ledger.addRow(["Regnskab", "Regnskab", "Endelig", "Regnskab"]);
    wb.addWorksheet("Regnskab").addRows([
      ["Område", "Styringsområde", "Overførselsadgang", "Korrigeret budget", "Regnskab", "Pulje"],
      ["Kontanthjælp", g.yearEnd.area, "Nej", g.yearEnd.korrigeret, g.yearEnd.regnskab, "Budgetgaranti"],
    ]);
  }
  ledger.addRow(["Resultat", "Resultat"]);
  return wb;
}

/** The summary agrees with what was written: each row's deviation and flag, and the pool's result. */
function agree(summary: Summary, cell: (sheet: string, address: string) => unknown): void {
  summary.followUp?.rows.forEach((r, i) => {
    expect(cell("Opfølgning", `E${i + 2}`)).toBe(r.afvigelse);
    expect(cell("Opfølgning", `F${i + 2}`)).toBe(r.økonomi);
  });
  if (summary.pool) {
    const resultRow = summary.pool.lines.length + 1;
    expect(cell("Reservationspulje", `G${resultRow}`)).toBe(summary.pool.result["I alt"]);
    // Nothing enters the pool that is not shown: the result is the sum of the movements the user sees
    // in the written ledger (I alt of every line but Saldo and Resultat)…
    let shown = 0;
    for (let row = 2; row < resultRow; row++) {
      const type = cell("Reservationspulje", `B${row}`);
      if (type === "Saldo" || type === "Resultat") continue;
      shown += Number(cell("Reservationspulje", `G${row}`) ?? 0);
    }
    expect(Math.abs(shown - summary.pool.result["I alt"]!)).toBeLessThan(1e-6);
    // …and every line fed by its Kilde says where its amount came from.
    for (const line of summary.pool.lines)
      if (line.kilde === "Regnskab") expect(line.fedFrom).toContain("regnskabet (arket Regnskab)");
  }
}

describe("invariants on generated workbooks (fast-check)", () => {
  it("Office.js: inputs unchanged, all or nothing, twice = once, summary = workbook", async () => {
    const outcomes = { ok: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const fake = fakeExcelFrom(build(g));
        const before = fakeCells(fake);
        const port = new OfficeWorkbook(fake.run, () => true);
        const first = await runContract(port, new Diagnostics());
        const once = fakeCells(fake);
        outcomes[first.ok ? "ok" : "error"]++;
        if (!first.ok) {
          expect(once).toEqual(before); // nothing written at all
          expect(first.summary.diagnostics.some((d) => d.level === "error")).toBe(true);
          return;
        }
        expect(changedCells(before, once)).toEqual([]); // no input cell changed
        agree(first.summary, (sheet, address) => fake.cell(sheet, address)?.value);
        const second = await runContract(port, new Diagnostics());
        expect(second.ok).toBe(true);
        expect(fakeCells(fake)).toEqual(once);
      }),
      { numRuns: 60, seed: 2026 }, // a fixed seed: the same cases on every machine
    );
    // Both branches were exercised (the generator makes bad cells rare, not absent).
    expect(outcomes.ok).toBeGreaterThan(5);
    expect(outcomes.error).toBeGreaterThan(5);
  }, 120_000);

  it("the .xlsx file through the headless command: the same four invariants", async () => {
    const dir = tempDir();
    let n = 0;
    const outcomes = { ok: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        n++;
        const input = join(dir, `in-${n}.xlsx`);
        await build(g).xlsx.writeFile(input);
        const output = join(dir, `out-${n}.xlsx`);
        const run = await runCli(input, output);
        const before = cellMap(await load(input));
        outcomes[run.code === 0 ? "ok" : "error"]++;
        if (run.code !== 0) {
          expect(run.code).toBe(1);
          expect(run.summary!.diagnostics.some((d) => d.level === "error")).toBe(true);
          await expect(load(output)).rejects.toThrow(); // no output file
          return;
        }
        const written = await load(output);
        expect(changedCells(before, cellMap(written))).toEqual([]);
        agree(run.summary!, (sheet, address) => {
          const value = written.getWorksheet(sheet)!.getCell(address).value;
          return value === null ? undefined : value;
        });
        const again = join(dir, `again-${n}.xlsx`);
        expect((await runCli(output, again)).code).toBe(0);
        expect(cellMap(await load(again))).toEqual(cellMap(written));
      }),
      { numRuns: 20, seed: 2026 },
    );
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  }, 180_000);
});
