import ExcelJS from "exceljs";
import { join } from "path";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { emptyPlan } from "../../src/workbook/port";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { load, partText, runCli, sampleFile, tempDir } from "../helpers/workbooks";

/** The generated sheets as they should be seen and printed: header rows frozen and on every page. */
const LAYOUTS: [sheet: string, rows: number, title: string, titleInRow1: boolean][] = [
  ["Resultat", 2, "Reservationspuljen – resultat", true],
  ["Scenarier", 2, "Reservationspuljen – scenarier", true],
  // Row 1 holds the headers the sheet is recognised by: the title goes in the page header.
  ["Tillægsbevillinger", 1, "Reservationspuljen – tillægsbevillinger", false],
];

describe("the generated sheets read and print as written: frozen header rows, A4 landscape, one page wide", () => {
  it("the headless command's file (the patched package)", async () => {
    const dir = tempDir();
    const output = join(dir, "out.xlsx");
    expect((await runCli(await sampleFile(dir, true), output)).code).toBe(0);
    const wb = await load(output);
    for (const [sheet, rows, title, titleInRow1] of LAYOUTS) {
      const ws = wb.getWorksheet(sheet)!;
      expect([sheet, ws.views[0]]).toEqual([
        sheet,
        expect.objectContaining({ state: "frozen", ySplit: rows }),
      ]);
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      // The title once: row 1, a print title on every page, and no page header repeating it — or, where
      // row 1 holds headers, the page header.
      if (titleInRow1) {
        expect(ws.getCell("A1").value).toBe(title);
        expect(ws.headerFooter.oddHeader ?? "").toBe("");
      } else expect(ws.headerFooter.oddHeader).toBe(`&C&"Calibri,Bold"&11${title}`);
      expect(ws.headerFooter.oddFooter).toBe(
        '&L&"Calibri,Regular"&11&D&C&"Calibri,Regular"&11Ark: &A&R&"Calibri,Regular"&11Side &P af &N',
      );
    }
    // Print titles: a defined name per sheet, local to it.
    const workbook = (await partText(output, "xl/workbook.xml"))!;
    expect(workbook).toContain(`name="_xlnm.Print_Titles"`);
    expect(workbook).toMatch(/'Tillægsbevillinger'!\$1:\$1/);
    expect(workbook).toMatch(/'Resultat'!\$1:\$2/);
  });

  it("in Excel (the simulated one): freezeRows, and with ExcelApi 1.9 the page layout", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
    for (const [sheet, rows, title, titleInRow1] of LAYOUTS) {
      const model = fake.sheet(sheet);
      expect([sheet, model.frozenRows]).toEqual([sheet, rows]);
      expect(model.pageLayout).toMatchObject({
        orientation: "Landscape",
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: `$1:$${rows}`,
        centerHeader: titleInRow1 ? "" : `&B${title}`,
        centerFooter: "Ark: &A",
        rightFooter: "Side &P af &N",
      });
    }
    const older = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    const supports = (set: string, version: string) =>
      set === "ExcelApi" && Number(version.split(".")[1]) <= 8;
    expect((await runContract(new OfficeWorkbook(older.run, supports), new Diagnostics())).ok).toBe(true);
    expect(older.sheet("Resultat").frozenRows).toBe(2);
    expect(older.sheet("Resultat").pageLayout).toBeUndefined();
  });

  it("where ExcelJS writes the whole file (no package to patch), the same layout", async () => {
    const file = FileWorkbook.empty();
    const plan = emptyPlan();
    plan.sheets.push({ name: "Resultat", replace: false });
    plan.blocks.push({
      sheet: "Resultat",
      row: 1,
      col: 1,
      values: [["Reservationspuljen – resultat"], ["Enhed"]],
    });
    plan.layouts = [{ sheet: "Resultat", headerRows: 2 }];
    file.applyNow(plan);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await file.toBuffer()) as unknown as ArrayBuffer);
    const ws = reread.getWorksheet("Resultat")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:2" });
    expect(ws.headerFooter.oddFooter).toContain("Ark: &A");
  });
});

describe("column widths: the same columns in Excel as in the file", () => {
  it("Office.js gets points (format.columnWidth, office-js#187): the file's characters as Excel converts them", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
    const dir = tempDir();
    const output = join(dir, "out.xlsx");
    expect((await runCli(await sampleFile(dir, true), output)).code).toBe(0);
    const file = (await load(output)).getWorksheet("Resultat")!;
    for (const col of ["A", "B"]) {
      const characters = file.getColumn(col).width!;
      // 7 px a character + 5 px padding, ¾ pt a pixel: 44 characters are 234,75 pt, not 44 × 7 = 308.
      expect(fake.sheet("Resultat").columnWidths.get(`${col}1:${col}1048576`)).toBe(
        Math.trunc(characters * 7 + 5) * 0.75,
      );
    }
  });
});
