import { DOMParser } from "@xmldom/xmldom";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { PackagePatcher } from "../../src/workbook/packagePatch";
import { emptyPlan } from "../../src/workbook/port";
import { conformanceProblems, readWithOpenpyxl } from "../helpers/conformance";
import { injectChartAndPivot, sheetPartPath } from "../helpers/injectParts";
import { tempDir } from "../helpers/workbooks";

/**
 * The package the tool writes, part by part: what Excel refuses though ExcelJS and LibreOffice open it.
 * Each test here fails if one of the writer's safeguards is taken out (docs/reliability.md, "Mutations").
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HOSTILE = "A & B <c> \"d\" 'e'";
const SPACED = "  indrykket tekst ";

async function samplePackage(): Promise<Buffer> {
  return Buffer.from(await buildSampleWorkbook({ asTables: true }).xlsx.writeBuffer());
}

/** A minimal valid package with one sheet, changed by `change` (part → text). */
async function tinyPackage(change: (parts: Map<string, string>) => void = () => {}): Promise<Buffer> {
  const parts = new Map<string, string>([
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
    ],
  ]);
  change(parts);
  const zip = new JSZip();
  for (const [path, text] of parts) zip.file(path, text);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("the package conformance check", () => {
  it("passes a minimal valid package and the eight workbooks saved by Excel", async () => {
    expect(await conformanceProblems(await tinyPackage())).toEqual([]);
    const dir = join(__dirname, "..", "fixtures", "excel-made");
    for (const file of readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)))
      expect([file, await conformanceProblems(readFileSync(join(dir, file)))]).toEqual([file, []]);
  });

  const sheet = "xl/worksheets/sheet1.xml";
  const cases: [string, (parts: Map<string, string>) => void, RegExp][] = [
    ["a part without a content type", (p) => p.set("xl/extra.bin", "x"), /no content type/],
    [
      "a relationship to a missing part",
      (p) =>
        p.set(
          "xl/_rels/workbook.xml.rels",
          p.get("xl/_rels/workbook.xml.rels")!.replace("sheet1.xml", "sheet9.xml"),
        ),
      /not there/,
    ],
    [
      "an unbound prefix",
      (p) => p.set(sheet, p.get(sheet)!.replace("<sheetData>", '<sheetData r:x="1">')),
      /prefix/,
    ],
    ["a bare ampersand", (p) => p.set(sheet, p.get(sheet)!.replace("<t>x</t>", "<t>A & B</t>")), /&/],
    ["a bare less-than", (p) => p.set(sheet, p.get(sheet)!.replace("<t>x</t>", "<t>A < B</t>")), /./],
    [
      "a forbidden character",
      (p) => p.set(sheet, p.get(sheet)!.replace("<t>x</t>", "<t>x\u0001</t>")),
      /U\+0001/,
    ],
    [
      "spaces without xml:space",
      (p) => p.set(sheet, p.get(sheet)!.replace("<t>x</t>", "<t> x</t>")),
      /xml:space/,
    ],
    [
      'errorStyle="error"',
      (p) =>
        p.set(
          sheet,
          p
            .get(sheet)!
            .replace(
              "</sheetData>",
              '</sheetData><dataValidations count="1"><dataValidation type="list" errorStyle="error" sqref="A2"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
            ),
        ),
      /errorStyle="error"/,
    ],
    [
      "a row 410 pt high",
      (p) => p.set(sheet, p.get(sheet)!.replace('<row r="1">', '<row r="1" ht="410" customHeight="1">')),
      /410 pt/,
    ],
    [
      "text of 32.768 characters",
      (p) => p.set(sheet, p.get(sheet)!.replace("<t>x</t>", `<t>${"x".repeat(32768)}</t>`)),
      /32\.767/,
    ],
    [
      "rows out of order",
      (p) => p.set(sheet, p.get(sheet)!.replace("</sheetData>", '<row r="1"/></sheetData>')),
      /out of order/,
    ],
    [
      "a sheet name Excel refuses",
      (p) => p.set("xl/workbook.xml", p.get("xl/workbook.xml")!.replace('name="Ark1"', 'name="Ark/1"')),
      /sheet name/,
    ],
  ];
  it.each(cases)("finds %s", async (_name, change, problem) => {
    const problems = await conformanceProblems(await tinyPackage(change));
    expect(problems.join("\n")).toMatch(problem);
  });

  it("finds a duplicate zip entry", async () => {
    const zip = await tinyPackage((p) => {
      p.set("xl/a.xml", "<a/>");
      p.set("xl/b.xml", "<b/>");
    });
    // The second entry renamed to the first's name in its local header and the directory.
    const twice = Buffer.from(zip.toString("latin1").split("xl/b.xml").join("xl/a.xml"), "latin1");
    expect((await conformanceProblems(zip)).join("\n")).not.toMatch(/twice/);
    expect((await conformanceProblems(twice)).join("\n")).toMatch(
      /xl\/a\.xml: the zip holds this entry twice/,
    );
  });
});

describe("what the patcher writes", () => {
  it("escapes text, keeps its spaces, types the new sheet, escapes new table columns, asks for recalculation", async () => {
    const input = await samplePackage();
    const file = await FileWorkbook.fromBuffer(input);
    const table = (await file.snapshot({ names: [] })).tables.find((t) => t.sheet === "Opfølgning")!;
    const patcher = await PackagePatcher.open(input);
    const plan = emptyPlan();
    const column = `Kolonne ${HOSTILE}`;
    plan.sheets.push({ name: "Ny & <ark>", replace: false });
    plan.blocks.push(
      { sheet: "Ny & <ark>", row: 1, col: 1, values: [[HOSTILE], [SPACED]] },
      { sheet: "Opfølgning", row: table.top, col: table.right + 1, values: [[column]] },
      { sheet: "Opfølgning", row: table.top + 1, col: table.right + 1, values: [[SPACED]] },
    );
    plan.tableResizes.push({ table: table.name, sheet: "Opfølgning", addColumns: [column] });
    expect(await patcher.unpatchable(plan)).toBeUndefined();
    await patcher.apply(plan);
    const output = await patcher.toBuffer();
    expect(await conformanceProblems(output)).toEqual([]);

    const path = join(tempDir(), "out.xlsx");
    writeFileSync(path, output);
    const cells = readWithOpenpyxl(path);
    expect(cells["Ny & <ark>"]).toEqual({ A1: HOSTILE, A2: SPACED });
    const right = String.fromCharCode(64 + table.right + 1);
    expect(cells["Opfølgning"]![`${right}${table.top}`]).toBe(column);
    expect(cells["Opfølgning"]![`${right}${table.top + 1}`]).toBe(SPACED);

    const zip = await JSZip.loadAsync(output);
    const workbook = new DOMParser().parseFromString(
      await zip.file("xl/workbook.xml")!.async("string"),
      "application/xml",
    );
    expect(workbook.getElementsByTagNameNS(MAIN, "calcPr")[0]?.getAttribute("fullCalcOnLoad")).toBe("1");
    const reread = await FileWorkbook.fromBuffer(output);
    const names = await reread.names();
    expect(names.sheetNames).toContain("Ny & <ark>");
  });

  it("a cell written twice keeps the style of the first write as the base of the second", async () => {
    const patcher = await PackagePatcher.open(await samplePackage());
    const first = emptyPlan();
    first.blocks.push({ sheet: "Opfølgning", row: 40, col: 2, values: [[1]], bold: true, wrap: true });
    await patcher.apply(first);
    const second = emptyPlan();
    second.blocks.push({ sheet: "Opfølgning", row: 40, col: 2, values: [[2]], numberFormat: "#,##0" });
    await patcher.apply(second);
    const output = await patcher.toBuffer();
    expect(await conformanceProblems(output)).toEqual([]);
    const cell = (await FileWorkbook.fromBuffer(output)).workbook.getWorksheet("Opfølgning")!.getCell("B40");
    expect([cell.value, cell.numFmt, cell.font?.bold, cell.alignment?.wrapText]).toEqual([
      2,
      "#,##0",
      true,
      true,
    ]);
  });

  it("keeps the drawing (a chart the pane drew) of its own sheet when it replaces the sheet", async () => {
    const sample = buildSampleWorkbook({ asTables: true });
    sample.addWorksheet("Resultat").getCell("A1").value = "Resultat";
    const input = await injectChartAndPivot(Buffer.from(await sample.xlsx.writeBuffer()), "Resultat");
    const patcher = await PackagePatcher.open(input);
    const plan = emptyPlan();
    plan.sheets.push({ name: "Resultat", replace: true });
    plan.blocks.push({ sheet: "Resultat", row: 1, col: 1, values: [["Resultat"], [1]] });
    await patcher.apply(plan);
    const output = await patcher.toBuffer();
    expect(await conformanceProblems(output)).toEqual([]);
    const zip = await JSZip.loadAsync(output);
    const sheetPath = await sheetPartPath(zip, "Resultat");
    const xml = await zip.file(sheetPath)!.async("string");
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const drawing = doc.getElementsByTagNameNS(MAIN, "drawing")[0];
    expect(
      drawing?.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"),
    ).toBe("rId901");
    expect(doc.getElementsByTagNameNS(MAIN, "c")[1]?.textContent).toBe("1");
  });
});
