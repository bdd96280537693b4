import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
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

  it("names what it cannot keep in a warning before writing, with the sheet", () => {
    expect(run.code).toBe(0);
    expect(
      run
        .summary!.diagnostics.filter((d) => d.level !== "info")
        .map((d) => [d.level, d.code, d.sheet, d.message]),
    ).toEqual([
      [
        "warning",
        "PART_LOST",
        "Investeringer",
        'Diagrammet på arket "Investeringer" kan ikke bevares i den skrevne fil.',
      ],
      [
        "warning",
        "PART_LOST",
        "Investeringer",
        'Pivottabellen på arket "Investeringer" kan ikke bevares i den skrevne fil.',
      ],
    ]);
    expect(run.out).toContain('Diagrammet på arket "Investeringer" kan ikke bevares');
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
    expect(tables.length).toBe(8);
    for (const path of tables) expect(await zip.file(path)!.async("string")).toMatch(/headerRowCount="1"/);
  });

  it("does not keep the chart and the pivot table (ExcelJS drops them; hence the warning)", async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(
      Object.keys(zip.files).filter((p) => p.startsWith("xl/charts/") || p.startsWith("xl/pivotTables/")),
    ).toEqual([]);
  });
});
