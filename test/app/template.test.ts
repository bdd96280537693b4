import ExcelJS from "exceljs";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { READ_REQUEST } from "../../src/app/contract";
import { runContract } from "../../src/app/run";
import { insertTemplate, planTemplate } from "../../src/app/template";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

/** The tables of an ExcelJS workbook as "name sheet!ref" and their header rows. */
function fileTables(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as {
      table: { name: string; tableRef?: string; ref?: string };
    }[]) {
      const model = (t as unknown as { model: { name: string; tableRef: string } }).model;
      out.push(`${model.name} ${ws.name}!${model.tableRef}`);
    }
  });
  return out.sort();
}

describe("the template is one write plan, through either port", () => {
  it("headless: a workbook with a user's sheet gets the template beside it, and Beregn reads it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Opfølgning").getCell("A1").value = "Mine egne noter";
    const file = await FileWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
    const { sheets } = await insertTemplate(file, { formulas: false });
    expect(sheets).toContain("Opfølgning 2");
    expect(file.workbook.getWorksheet("Opfølgning")!.getCell("A1").value).toBe("Mine egne noter");
    const reread = await FileWorkbook.fromBuffer(await file.toBuffer());
    const outcome = await runContract(reread, new Diagnostics(), { write: false });
    expect(outcome.inputs.tables.size).toBe(10);
    expect(outcome.summary.diagnostics.filter((d) => d.level === "error")).toEqual([]);
  });

  it("the file and the Office.js adapters make the same tables at the same places from the same plan", async () => {
    const plan = planTemplate({ sheetNames: [], tableNames: [] }, { formulas: false }).plan;
    const file = FileWorkbook.empty();
    file.applyNow(plan);
    const fake = fakeExcelFrom(new ExcelJS.Workbook());
    await new OfficeWorkbook(fake.run, () => true).apply(plan);
    const reread = await FileWorkbook.fromBuffer(await file.toBuffer());
    expect(fileTables(reread.workbook)).toEqual(
      fake.tables.map((t) => `${t.name} ${t.sheet}!${t.ref}`).sort(),
    );
    const snapshot = await reread.snapshot(READ_REQUEST);
    for (const t of snapshot.tables) {
      const headers = snapshot.sheets
        .find((s) => s.name === t.sheet)!
        .values[t.top - 1]!.slice(t.left - 1, t.right);
      const sheet = fake.sheet(t.sheet);
      expect(headers).toEqual(
        headers.map((_, i) => sheet.cells.get(`${String.fromCharCode(64 + t.left + i)}${t.top}`)?.value),
      );
    }
  });

  it("the demo's sample is the template plus the 2018 rows: the same sheets and header rows", async () => {
    const template = FileWorkbook.empty();
    template.applyNow(planTemplate({ sheetNames: [], tableNames: [] }, { formulas: false }).plan);
    const sample = buildSampleWorkbook({ asTables: true });
    // Same tables on the same sheets; each sheet's first table at the same header row (stacked tables
    // further down move with the number of rows above them).
    const layout = (wb: ExcelJS.Workbook) => {
      const first = new Map<string, number>();
      for (const t of fileTablesOf(wb)) first.set(t.sheet, Math.min(first.get(t.sheet) ?? Infinity, t.top));
      return fileTablesOf(wb).map(({ name, sheet }) => `${name} ${sheet} ${first.get(sheet)}`);
    };
    expect(layout(sample)).toEqual(layout(template.workbook).filter((t) => !t.startsWith("Regnskab")));
  });

  it("every template sheet prints like the generated ones: A4 landscape under its title, header rows kept in view", () => {
    const { plan, sheets } = planTemplate({ sheetNames: [], tableNames: [] }, { formulas: false });
    expect(plan.layouts!.map((l) => l.sheet)).toEqual(sheets);
    // The title is row 1, a print title: no page header repeats it.
    expect(plan.layouts!.find((l) => l.sheet === "Opfølgning")).toEqual({
      sheet: "Opfølgning",
      headerRows: 4,
    });
    // The Reguleringer sheet stacks three tables: only its title row stays in view.
    expect(plan.layouts!.find((l) => l.sheet === "Reguleringer")?.headerRows).toBe(1);
  });
});

function fileTablesOf(wb: ExcelJS.Workbook): { name: string; sheet: string; top: number }[] {
  return fileTables(wb).map((t) => {
    const [name, where] = t.split(" ");
    const [sheet, ref] = where!.split("!");
    return { name: name!, sheet: sheet!, top: Number(/\d+/.exec(ref!)![0]) };
  });
}
