import JSZip from "jszip";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { insertTemplate } from "../../src/taskpane/template";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { runCli, sampleFile, tempDir } from "../helpers/workbooks";

/**
 * A workbook whose structure is protected (Gennemse → Beskyt projektmappe; WorkbookProtection, ExcelApi
 * 1.7) takes no new sheet. Beregn adds five: it used to fail halfway in Excel ("Excel stoppede
 * skrivningen …") and to add them anyway to the file. Now it is refused up front, in Danish, by both doors.
 */
describe("a workbook with a protected structure", () => {
  it("in Excel: refused before anything is written, with the way out", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    fake.structureProtected = true;
    const before = fake.sheets.map((s) => s.name);
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
    expect(outcome.ok).toBe(false);
    const errors = outcome.summary.diagnostics.filter((d) => d.level === "error");
    expect(errors.map((d) => d.code)).toEqual(["STRUCTURE_PROTECTED"]);
    expect(errors[0]!.message).toMatch(/struktur er beskyttet.*Gennemse → Beskyt projektmappe/);
    expect(fake.sheets.map((s) => s.name)).toEqual(before);
  });

  it("Indsæt skabelon in Excel: refused up front, nothing added", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    for (const sheet of fake.sheets) sheet.name = `${sheet.name} (min)`;
    fake.structureProtected = true;
    await expect(insertTemplate(fake.run, { formulas: false }, () => true)).rejects.toMatchObject({
      code: "STRUCTURE_PROTECTED",
    });
    expect(fake.sheets.every((s) => s.name.endsWith(" (min)"))).toBe(true);
  });

  it("through the headless command: exit 1, the error in Danish, no output file", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, true);
    const zip = await JSZip.loadAsync(readFileSync(input));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace(/(<sheets>)/, '<workbookProtection lockStructure="1"/>$1'));
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const output = join(dir, "out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(1);
    expect(run.summary!.diagnostics.filter((d) => d.level === "error").map((d) => d.code)).toEqual([
      "STRUCTURE_PROTECTED",
    ]);
    expect(existsSync(output)).toBe(false);
  });
});
