import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { join } from "path";
import { load, mainRun, runCli, sampleFile, tempDir } from "../helpers/workbooks";

const opf = (wb: ExcelJS.Workbook) => wb.getWorksheet("Opfølgning")!;

describe("bad input through the headless command", () => {
  const dir = tempDir();

  // One-cell problems (text, errors, headers, ownership, protection …): test/reliability/corpus.ts.

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
    // R13: with a pool, the headline indicators are proposed too.
    expect(Object.keys(run.summary!).sort()).toEqual([
      "diagnostics",
      "grundlag",
      "indicators",
      "indstilling",
      "pool",
      "puljenavne",
      "sagstype",
      "unit",
    ]);
    // R15.1: neither a follow-up nor an accounts table: an orientation, which proposes nothing.
    expect(run.summary!.sagstype).toEqual({ type: "Orientering", valgtAf: "tabellerne" });
    expect(run.summary!.indstilling!.punkter).toEqual([]);
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
    expect(
      run
        .summary!.diagnostics.filter((d) => d.level !== "info")
        .map((d) => [d.level, d.code, d.sheet, d.cell]),
    ).toEqual([
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
    expect(run.err).toContain("hverken en opfølgning");
  });
});

describe("usage errors (exit 2) and unreadable files (exit 1)", () => {
  const dir = tempDir();
  const call = mainRun;

  it.each([
    [[], "Angiv inputfilen"],
    [["a.xlsx"], "Angiv outputfilen"],
    [["a.xlsx", "-o", "a.xlsx"], "må ikke være inputfilen"],
    [["a.xlsx", "-o", "b.xlsx", "--bogus"], "Ukendt tilvalg"],
    [["findes-ikke.xlsx", "-o", "b.xlsx"], "findes ikke"],
  ])("%j", async (args, message) => {
    const { code, err } = await call(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("Brug: npm run workbook");
  });

  it("a file that is not a workbook", async () => {
    const input = join(dir, "not.xlsx");
    writeFileSync(input, "dette er ikke en projektmappe");
    const { code, err } = await call([input, "-o", join(dir, "x.xlsx")]);
    expect(code).toBe(1);
    expect(err).toContain("er ikke en .xlsx-projektmappe");
    expect(err).toContain("Ingen outputfil er skrevet");
  });

  it("a .csv file: a Danish message that says how to save it as .xlsx, the technical text on its own line", async () => {
    const input = join(dir, "opfoelgning.csv");
    writeFileSync(input, "Område;Pulje\nKontanthjælp;Budgetgaranti\n");
    const { code, err } = await call([input, "-o", join(dir, "x.xlsx")]);
    expect(code).toBe(1);
    expect(err).toContain("er ikke en .xlsx-projektmappe; det er en tekstfil (CSV)");
    expect(err).toContain("gem den som Excel-projektmappe (.xlsx)");
    expect(err).toMatch(/\nTeknisk fejl: /);
    expect(err).toContain("Ingen outputfil er skrevet");
  });

  it("a workbook with none of the tables points to Indsæt skabelon and the docs", async () => {
    const input = join(dir, "tom.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "noget andet";
    await wb.xlsx.writeFile(input);
    const { code, err } = await call([input, "-o", join(dir, "x.xlsx")]);
    expect(code).toBe(1);
    expect(err).toContain("Indsæt skabelon");
    expect(err).toContain("hjælpesiden");
  });
});
