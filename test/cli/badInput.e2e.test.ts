import ExcelJS from "exceljs";
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../../src/cli/workbook";
import { cellMap, changedCells, load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

type Change = (wb: ExcelJS.Workbook) => void;
const opf = (wb: ExcelJS.Workbook) => wb.getWorksheet("Opfølgning")!;

interface Case {
  name: string;
  change: Change;
  asTables?: boolean;
  code: number;
  expected: { level: string; code: string; sheet?: string; cell?: string; message?: RegExp }[];
}

const cases: Case[] = [
  {
    name: "a text in a numeric column",
    change: (wb) => (opf(wb).getCell("D7").value = "ca. 500"),
    code: 1,
    expected: [
      {
        level: "error",
        code: "NOT_A_NUMBER",
        sheet: "Opfølgning",
        cell: "D7",
        message: /Korrigeret budget.*"ca\. 500"/,
      },
    ],
  },
  {
    name: "a Danish-formatted number string (accepted with a warning)",
    change: (wb) => (opf(wb).getCell("D5").value = "659.160"),
    code: 0,
    expected: [
      {
        level: "warning",
        code: "TEXT_NUMBER",
        sheet: "Opfølgning",
        cell: "D5",
        message: /læst som 659\.160/,
      },
    ],
  },
  {
    name: "an Excel error value (#N/A)",
    change: (wb) => (opf(wb).getCell("E6").value = { error: "#N/A" }),
    code: 1,
    expected: [{ level: "error", code: "EXCEL_ERROR", sheet: "Opfølgning", cell: "E6", message: /#N\/A/ }],
  },
  {
    name: "a missing (misspelled) required column, with the nearest header suggested",
    change: (wb) => (opf(wb).getCell("E4").value = "Forventet regnskb"),
    code: 1,
    expected: [
      {
        level: "error",
        code: "MISSING_COLUMN",
        sheet: "Opfølgning",
        cell: "E4",
        message: /mangler kolonnen "Forventet regnskab"\. Mente du "Forventet regnskb"\?/,
      },
    ],
  },
  {
    name: "an unknown Type in the ledger",
    change: (wb) => (wb.getWorksheet("Reservationspulje")!.getCell("B6").value = "Tilskud"),
    code: 1,
    expected: [
      {
        level: "error",
        code: "UNKNOWN_TYPE",
        sheet: "Reservationspulje",
        cell: "B6",
        message: /Ukendt type "Tilskud"/,
      },
    ],
  },
  {
    name: "a duplicate header",
    change: (wb) => {
      opf(wb).getCell("F4").value = "Korrigeret budget";
    },
    code: 1,
    expected: [
      {
        level: "error",
        code: "DUPLICATE_HEADER",
        sheet: "Opfølgning",
        cell: "F4",
        message: /to gange \(også i D4\)/,
      },
    ],
  },
  {
    name: "a header in another unit than Enhed",
    change: (wb) => (opf(wb).getCell("D4").value = "Korrigeret budget (kr.)"),
    code: 1,
    expected: [{ level: "error", code: "UNIT_MISMATCH", sheet: "Opfølgning", cell: "D4" }],
  },
  {
    name: "user text in an output column (refused, nothing overwritten)",
    change: (wb) => {
      opf(wb).getCell("F4").value = "Økonomi";
      opf(wb).getCell("F7").value = "se note";
    },
    code: 1,
    expected: [
      { level: "error", code: "NOT_OWNED", sheet: "Opfølgning", cell: "F7", message: /teksten "se note"/ },
    ],
  },
  {
    name: "a user's cell where a table must grow (refused)",
    asTables: true,
    change: (wb) => (opf(wb).getCell("G10").value = "min note"),
    code: 1,
    expected: [
      {
        level: "error",
        code: "NOT_OWNED",
        sheet: "Opfølgning",
        cell: "G10",
        message: /Kolonnen "Økonomi" kan ikke tilføjes/,
      },
    ],
  },
  {
    name: "a protected sheet (nothing half-written)",
    change: (wb) => {
      void opf(wb).protect("hemmelig", {});
    },
    code: 1,
    expected: [{ level: "error", code: "PROTECTED_SHEET", sheet: "Opfølgning", message: /beskyttet/ }],
  },
  {
    name: "a sheet called Resultat that is the user's",
    change: (wb) => (wb.addWorksheet("Resultat").getCell("A1").value = "Mine egne tal"),
    code: 1,
    expected: [{ level: "error", code: "SHEET_NOT_OWNED", sheet: "Resultat", cell: "A1" }],
  },
];

describe("bad input through the headless command", () => {
  const dir = tempDir();

  it.each(cases)("$name", async ({ name, change, asTables, code, expected }) => {
    const input = await sampleFile(dir, asTables ?? false, change, `${name.replace(/\W+/g, "-")}.xlsx`);
    const output = join(dir, `${name.replace(/\W+/g, "-")}-out.xlsx`);
    const run = await runCli(input, output);
    expect(run.code).toBe(code);
    const diagnostics = run.summary!.diagnostics;
    expect(diagnostics.map((d) => ({ level: d.level, code: d.code, sheet: d.sheet, cell: d.cell }))).toEqual(
      expected.map((e) => ({ level: e.level, code: e.code, sheet: e.sheet, cell: e.cell })),
    );
    expected.forEach((e, i) => e.message && expect(diagnostics[i]!.message).toMatch(e.message));
    if (code === 1) {
      expect(existsSync(output)).toBe(false);
      const first = expected[0]!;
      expect(run.err).toContain(first.cell ? `${first.sheet}!${first.cell}` : String(first.sheet));
      expect(run.err).toContain("Ingen outputfil er skrevet");
    } else {
      expect(changedCells(cellMap(await load(input)), cellMap(await load(output)))).toEqual([]);
    }
  });

  it("uses a formula's value as input and keeps the formula", async () => {
    const input = await sampleFile(
      dir,
      true,
      (wb) => (opf(wb).getCell("D5").value = { formula: "659000+160", result: 659160 }),
      "formula.xlsx",
    );
    const output = join(dir, "formula-out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    expect(run.summary!.followUp!.rows[0]!.afvigelse).toBe(10950);
    expect((await load(output)).getWorksheet("Opfølgning")!.getCell("D5").value).toEqual({
      formula: "659000+160",
      result: 659160,
    });
  });

  it("works on a workbook holding only the ledger, and the summary omits the rest", async () => {
    const input = await sampleFile(
      dir,
      true,
      (wb) =>
        ["Opfølgning", "Budgetmodel", "Investeringer", "Reguleringer"].forEach((name) =>
          wb.removeWorksheet(wb.getWorksheet(name)!.id),
        ),
      "ledger-only.xlsx",
    );
    const run = await runCli(input, join(dir, "ledger-only-out.xlsx"));
    expect(run.code).toBe(0);
    expect(Object.keys(run.summary!).sort()).toEqual(["diagnostics", "pool", "unit"]);
    expect(run.summary!.pool!.kassefinansiering).toBe(36093);
    expect(
      (await load(join(dir, "ledger-only-out.xlsx"))).getWorksheet("Tillægsbevillinger"),
    ).toBeUndefined();
  });

  it("an empty table: a diagnostic at its header and exit 1, since nothing can be computed", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Opfølgning").addRow(["Område", "Pulje", "Korrigeret budget", "Forventet regnskab"]);
    const input = join(dir, "empty.xlsx");
    await wb.xlsx.writeFile(input);
    const run = await runCli(input, join(dir, "empty-out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.summary!.diagnostics.map((d) => [d.level, d.code, d.sheet, d.cell])).toEqual([
      ["warning", "EMPTY_TABLE", "Opfølgning", "A1"],
      ["error", "NOTHING_FOUND", undefined, undefined],
    ]);
  });

  it("a workbook without any of the tables is an input error", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "Hej";
    const input = join(dir, "none.xlsx");
    await wb.xlsx.writeFile(input);
    const run = await runCli(input, join(dir, "none-out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.err).toContain("ingen af tabellerne");
  });
});

describe("usage errors (exit 2) and unreadable files (exit 1)", () => {
  const dir = tempDir();
  const call = async (args: string[]) => {
    let err = "";
    const code = await main(args, { out: () => undefined, err: (t) => (err += t), color: false });
    return { code, err };
  };

  it.each([
    [[], "Angiv inputfilen"],
    [["a.xlsx"], "Angiv outputfilen"],
    [["a.xlsx", "-o", "a.xlsx"], "må ikke være inputfilen"],
    [["a.xlsx", "-o", "b.xlsx", "--bogus"], "Ukendt tilvalg"],
    [["findes-ikke.xlsx", "-o", "b.xlsx"], "findes ikke"],
  ])("%j", async (args, message) => {
    const { code, err } = await call(args as string[]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("Brug: npm run workbook");
  });

  it("a file that is not a workbook", async () => {
    const input = join(dir, "not.xlsx");
    writeFileSync(input, "dette er ikke en projektmappe");
    const { code, err } = await call([input, "-o", join(dir, "x.xlsx")]);
    expect(code).toBe(1);
    expect(err).toContain("kan ikke læses som en Excel-projektmappe");
  });
});
