import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { planTemplate } from "../../src/app/template";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { dropDefaultHeaderRowCount, injectChartAndPivot } from "../helpers/injectParts";
import {
  cellMap,
  changedCells,
  conditionalFormats,
  load,
  runCli,
  sampleFile,
  tempDir,
} from "../helpers/workbooks";

// A 1x1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("what a round trip through the file workbook keeps", () => {
  const dir = tempDir();
  let input: string;
  let output: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const plain = await sampleFile(dir, true, (wb) => {
      const ws = wb.getWorksheet("Opfølgning")!;
      const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, "K2:L4");
      ws.getCell("A5").note = "Tallene er fra BSU 30/10 2018";
      ws.getCell("A31").value = { text: "Referatet", hyperlink: "https://www.odense.dk/" };
      wb.definedNames.add("'Opfølgning'!$D$5:$D$29", "KorrigeretBudget");
      ws.getCell("B5").dataValidation = {
        type: "list",
        allowBlank: false,
        formulae: ['"Budgetgaranti,Beskæftigelsestilskud,Uden for puljen"'],
      };
      ws.addConditionalFormatting({
        ref: "D5:D29",
        rules: [
          {
            type: "cellIs",
            operator: "lessThan",
            formulae: ["0"],
            priority: 1,
            style: { font: { color: { argb: "FFFF0000" } } },
          },
        ],
      });
      ws.mergeCells("A31:B31");
    });
    input = join(dir, "rich.xlsx");
    writeFileSync(
      input,
      await dropDefaultHeaderRowCount(await injectChartAndPivot(readFileSync(plain), "Investeringer")),
    );
    output = join(dir, "rich-out.xlsx");
    run = await runCli(input, output);
  }, 30_000);

  it("keeps everything it does not write: nothing is lost, so nothing is warned of", () => {
    expect(run.code).toBe(0);
    expect(run.summary!.diagnostics.filter((d) => d.code === "PART_LOST")).toEqual([]);
    expect(run.out).not.toContain("kan ikke bevares");
  });

  it("keeps images, comments, hyperlinks, defined names, data validation, merges and the user's conditional formats", async () => {
    const wb = await load(output);
    const ws = wb.getWorksheet("Opfølgning")!;
    expect(ws.getImages()).toHaveLength(1);
    expect(ws.getCell("A5").note).toBe("Tallene er fra BSU 30/10 2018");
    expect(ws.getCell("A31").value).toEqual({ text: "Referatet", hyperlink: "https://www.odense.dk/" });
    expect(wb.definedNames.getRanges("KorrigeretBudget").ranges).toEqual(["'Opfølgning'!$D$5:$D$29"]);
    expect(ws.getCell("B5").dataValidation).toMatchObject({ type: "list" });
    expect(conditionalFormats(ws).find((c) => c.ref === "D5:D29")?.rules[0]).toMatchObject({
      operator: "lessThan",
    });
    expect((ws.model as unknown as { merges: string[] }).merges).toContain("A31:B31");
    expect(changedCells(cellMap(await load(input)), cellMap(wb))).toEqual([]);
  });

  it("keeps the header row of Excel tables that leave headerRowCount at its default", async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    const tables = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables.length).toBe(9); // the sample's nine tables, Indikatorer included
    // The table parts are the file's own (widened where columns were added): never "no header row".
    for (const path of tables)
      expect(await zip.file(path)!.async("string")).not.toMatch(/headerRowCount="0"/);
    const reread = await load(output);
    expect(reread.getWorksheet("Opfølgning")!.getTable("Opfoelgning")).toBeDefined();
  });

  it("keeps the chart and the pivot table byte for byte", async () => {
    const before = await JSZip.loadAsync(readFileSync(input));
    const after = await JSZip.loadAsync(readFileSync(output));
    const parts = Object.keys(before.files).filter(
      (p) =>
        !before.files[p]!.dir &&
        (p.startsWith("xl/charts/") ||
          p.startsWith("xl/pivotTables/") ||
          p.startsWith("xl/pivotCache/") ||
          p.startsWith("xl/drawings/")),
    );
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts)
      expect([part, await after.file(part)?.async("nodebuffer")]).toEqual([
        part,
        await before.file(part)!.async("nodebuffer"),
      ]);
  });
});

describe("where the package cannot be patched, ExcelJS writes it and says what it drops", () => {
  it("Indsæt skabelon headless (a plan that creates tables) on a workbook with a chart: PART_LOST notes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Investeringer").getCell("A1").value = "Egne noter";
    const zip = await JSZip.loadAsync(
      await injectChartAndPivot(Buffer.from(await wb.xlsx.writeBuffer()), "Investeringer"),
    );
    // A part no lost-part kind knows: the workbook's custom properties.
    zip.file(
      "docProps/custom.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>`,
    );
    const input = await zip.generateAsync({ type: "nodebuffer" });
    const file = await FileWorkbook.fromBuffer(input);
    const { plan } = planTemplate(await file.names(), { formulas: false });
    const report = await file.apply(plan);
    expect(file.writer).toEqual({ patch: false, reason: "the plan creates Excel tables" });
    expect(report.notes.map((n) => [n.code, n.sheet, n.message])).toEqual([
      [
        "PART_LOST",
        "Investeringer",
        'Diagrammet på arket "Investeringer" kan ikke bevares i den skrevne fil.',
      ],
      [
        "PART_LOST",
        "Investeringer",
        'Pivottabellen på arket "Investeringer" kan ikke bevares i den skrevne fil.',
      ],
      ["PART_LOST", "", "Filens del docProps/custom.xml kan ikke bevares i den skrevne fil."],
    ]);
  });
});
