import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { CASE_TITLE } from "../../src/app/report";
import { DOT } from "../../src/app/report";
import { DOT_COLOURS, FLAG_FILLS } from "../../src/app/contract";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { emptyPlan } from "../../src/workbook/port";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { load, partText, runCli, sampleFile, tempDir } from "../helpers/workbooks";

/** The titles of the 2018 case's tables, in order: each begins a printed page. */
const TABLES = [
  "Hovedindikatorer",
  "Opfølgning pr. ydelsesområde (1.000 kr.)",
  "Reservationspuljen (1.000 kr.)",
  "Bevillingstabel (kr.)",
  "Indstilling",
];

/** The sheet part of a sheet, found through workbook.xml and its relationships. */
async function sheetXml(path: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

/** Rows of column A holding a table title (bold) below the sheet's two title rows. */
function titleRows(ws: ExcelJS.Worksheet): [number, string][] {
  const out: [number, string][] = [];
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (r > 2 && typeof v === "string" && TABLES.includes(v)) out.push([r, v]);
  });
  return out;
}

/** Rows where a table continues on a new page: its title marked "(fortsat)". */
function continuations(ws: ExcelJS.Worksheet): [number, string][] {
  const out: [number, string][] = [];
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (typeof v === "string" && v.endsWith(" (fortsat)")) out.push([r, v]);
  });
  return out;
}

describe("R14.2 the Sag sheet: the case's tables, one printed page each", () => {
  let dir: string;
  let output: string;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    dir = tempDir();
    output = join(dir, "out.xlsx");
    expect((await runCli(await sampleFile(dir, true), output)).code).toBe(0);
    ws = (await load(output)).getWorksheet("Sag")!;
  });

  it("has a title, the year and units, and the five tables in order, each starting a page", async () => {
    expect(ws.getCell("A1").value).toBe(CASE_TITLE);
    expect(ws.getCell("A2").value).toBe(
      "Budgetopfølgning · Budgetår 2018 · beløb i 1.000 kr., bevillinger i kr. · beregnet 30/10 2018 kl. 14.02",
    );
    const titles = titleRows(ws);
    expect(titles.map(([, t]) => t)).toEqual(TABLES);
    // A manual page break above every table but the first, and above a table's continuation (a break's id
    // is the last row of the page before).
    const xml = await sheetXml(output, "Sag");
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1);
    expect(breaks).toEqual(
      [...titles.slice(1).map(([r]) => r), ...continuations(ws).map(([r]) => r)].sort((a, b) => a - b),
    );
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // The title once: row 1, repeated on every page as a print title; no page header.
    expect(ws.headerFooter.oddHeader ?? "").toBe("");
    expect(ws.headerFooter.oddFooter).toContain("Ark: &A");
    const workbook = (await partText(output, "xl/workbook.xml"))!;
    expect(workbook).toMatch(/name="_xlnm.Print_Titles"[^>]*>'Sag'!\$1:\$2</);
    expect(workbook).toMatch(/name="_xlnm.Print_Area"[^>]*>'Sag'!\$A\$1:\$J\$\d+</);
  });

  it("each page holds what fits A4 landscape at the scale that fits the width; a longer table continues under its title and headers", () => {
    // Excel's column width unit is about 7 px (1,85 mm); A4 landscape less 0,25" margins is 284 mm wide;
    // the height less 0,75" margins and the two repeated title rows (2 × 15 pt) is 172 mm − 10,6 mm.
    const widthMm =
      Array.from({ length: 10 }, (_, i) => ws.getColumn(i + 1).width ?? 9).reduce((s, w) => s + w, 0) * 1.85;
    const scale = Math.min(1, 284 / widthMm);
    const starts = [...titleRows(ws), ...continuations(ws)].map(([r]) => r).sort((a, b) => a - b);
    const last = ws.rowCount + 1;
    starts.forEach((top, i) => {
      const bottom = (starts[i + 1] ?? last) - 1;
      let points = 0;
      for (let r = top; r <= bottom; r++) points += ws.getRow(r).height ?? 15;
      expect([top, points * 0.3528 * scale <= 172 - 10.6]).toEqual([top, true]);
    });
    // The 2018 follow-up is longer than a page: its second page starts with its title and column headers.
    const [row, title] = continuations(ws)[0]!;
    expect(title).toBe("Opfølgning pr. ydelsesområde (1.000 kr.) (fortsat)");
    const header = titleRows(ws).find(([, t]) => title.startsWith(t))![0] + 1;
    expect(ws.getRow(row + 1).values).toEqual(ws.getRow(header).values);
  });

  it("every cell of more than 60 characters wraps, in a column or merged area wide enough for a line of words", () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const text = typeof cell.value === "string" ? cell.value : "";
        // ExcelJS shows a merged area's value in each of its cells: the first cell is the one written.
        if (text.length <= 60 || (cell.isMerged && cell.master !== cell)) return;
        expect([cell.address, cell.alignment?.wrapText]).toEqual([cell.address, true]);
        const merged = merges.find((m) => m.startsWith(`${cell.address}:`));
        // The widths are fitted to the page (printFit.ts): a sentence's column holds a line of several words.
        const width = merged ? 40 : (ws.getColumn(c).width ?? 9);
        expect([cell.address, r, width >= 28]).toEqual([cell.address, r, true]);
      }),
    );
    // The indicators' sentences span E:J; the indstilling's B:J.
    expect(merges).toEqual(
      expect.arrayContaining([expect.stringMatching(/^E\d+:J\d+$/), expect.stringMatching(/^B\d+:J\d+$/)]),
    );
  });

  it("the indicators: the chosen colour as its word on its fill, the rule's proposal only where it differs, no diagnostics", () => {
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string" && !rows.has(v)) rows.set(v, row);
    });
    const header = rows.get("Indikator")!;
    expect([3, 4, 5].map((c) => header.getCell(c).value)).toEqual([
      "Farve",
      "Forslag efter reglerne",
      "Bemærkning",
    ]);
    // Økonomi: the administration chose GUL where the rule proposes GRØN — both words, each on its fill.
    const economy = rows.get("Økonomi")!;
    expect([economy.getCell(3).value, economy.getCell(4).value]).toEqual(["GUL", "GRØN"]);
    expect((economy.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FLAG_FILLS.GUL);
    // Reservationspulje: chosen as proposed (RØD), so no second word; Antal ledige: the rules could not
    // assess it (no fuldtidspersoner), which the proposal column says with "–".
    const pool = rows.get("Reservationspulje")!;
    expect([pool.getCell(3).value, pool.getCell(4).value]).toEqual(["RØD", null]);
    const persons = rows.get("Antal ledige")!;
    expect([persons.getCell(3).value, persons.getCell(4).value]).toEqual(["GRØN", "–"]);
    let sag = "";
    ws.eachRow((row) => row.eachCell((c) => (sag += `${String(c.value)}\n`)));
    expect(sag).not.toMatch(/Intet forslag|Opfoelgning/);
  });

  it("the follow-up table shows a dot (●) per indicator in the flag's colour, – where not assessed", () => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Jobafklaringsforløb - ydelse") found = row;
    });
    const row = found!;
    // A:B label, C Vedtaget, D Korrigeret, E Forventet, F Mer-/mindreforbrug, G Økonomi, H Mængder, I Refusion.
    expect([3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual([100_663, 114_925, 117_394, -2_469]);
    expect(row.getCell(7).value).toBe(DOT);
    expect(row.getCell(7).font?.color?.argb).toBe(DOT_COLOURS.RØD);
    expect([row.getCell(8).value, row.getCell(9).value]).toEqual(["–", "–"]);
  });
});

describe("the Sag sheet in Excel (simulated) and where ExcelJS writes the whole file", () => {
  it("Excel: merged sentences, page breaks above each table, the print area, coloured dots", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
    const sheet = fake.sheet("Sag");
    expect(sheet.cells.get("A1")?.value).toBe(CASE_TITLE);
    const titles = [...sheet.cells].filter(
      ([, c]) => typeof c.value === "string" && TABLES.includes(c.value),
    );
    expect(titles.map(([, c]) => c.value)).toEqual(TABLES);
    // Above every table but the first, and above a table's continuation ("(fortsat)").
    const row = (address: string) => Number(address.slice(1));
    const continued = [...sheet.cells]
      .filter(
        ([address, c]) =>
          address.startsWith("A") && typeof c.value === "string" && c.value.endsWith("(fortsat)"),
      )
      .map(([address]) => row(address));
    expect(continued.length).toBeGreaterThan(0);
    const breaks = [...titles.slice(1).map(([address]) => row(address)), ...continued].sort((a, b) => a - b);
    expect(sheet.pageBreaks).toEqual(breaks);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$2",
    });
    expect(sheet.pageLayout!.printArea).toMatch(/^A1:J\d+$/);
    expect(sheet.merges).toEqual(expect.arrayContaining([expect.stringMatching(/^E\d+:J\d+$/)]));
    const dots = [...sheet.cells.values()].filter((c) => c.value === DOT).map((c) => c.fontColor);
    expect(new Set(dots)).toEqual(new Set(["#00B050", "#FFC000", "#FF0000"]));

    // A second run rewrites the sheet: the merges and breaks are not doubled.
    const merges = sheet.merges.length;
    expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
    expect(fake.sheet("Sag").merges.length).toBe(merges);
    expect(fake.sheet("Sag").pageBreaks).toEqual(breaks);
  });

  it("ExcelJS (no package to patch): the merges, the page breaks and the print area", async () => {
    const file = FileWorkbook.empty();
    const plan = emptyPlan();
    plan.sheets.push({ name: "Sag", replace: false });
    plan.blocks.push(
      { sheet: "Sag", row: 1, col: 1, values: [[CASE_TITLE]] },
      { sheet: "Sag", row: 4, col: 2, values: [["En lang sætning"], ["En til"]], span: 9, wrap: true },
    );
    plan.layouts = [{ sheet: "Sag", headerRows: 2, pageBreaks: [5], printArea: "A1:J5" }];
    file.applyNow(plan);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await file.toBuffer()) as unknown as ArrayBuffer);
    const sag = reread.getWorksheet("Sag")!;
    expect((sag.model as unknown as { merges: string[] }).merges).toEqual(["B4:J4", "B5:J5"]);
    expect(sag.pageSetup.printArea).toBe("A1:J5");
    const zip = await JSZip.loadAsync(await file.toBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<brk id="4"[^>]*man="1"/);
  });
});

describe("--docx: the committee case as a Word document", () => {
  it("writes the same tables, each from a new page, landscape A4, dots in colour; says where", async () => {
    const dir = tempDir();
    const docx = join(dir, "sag.docx");
    const run = await runCli(await sampleFile(dir, true), join(dir, "out.xlsx"), ["--docx", docx]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Sagen som Word-dokument: ${docx}`);
    expect(run.out).toContain(
      "Sagen til udvalget: arket Sag (Hovedindikatorer, Opfølgning pr. ydelsesområde, Reservationspuljen, Bevillingstabel, Indstilling; én side pr. tabel)",
    );
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(5);
    // Four tables after the first, and the appendix "Grundlag for tallene".
    expect(xml.match(/<w:pageBreakBefore\/>|<w:pageBreakBefore w:val="true"\/>/g)).toHaveLength(5);
    // The appendix: one line per figure, with its computation and its cells.
    expect(xml).toContain("Grundlag for tallene");
    expect(xml).toMatch(
      /Reservationspuljen · Forventet resultat 2018 · I alt: -86\.093 — Puljeregnskab: Resultat: sum af bevægelserne over linjen i alle puljer[^<]*Kilder: Reservationspulje!E5:E7 × 1/,
    );
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // Header rows repeat on a new page; rows never split.
    expect(xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>/g)).toHaveLength(5);
    // Jobafklaringsforløb - ydelse: −2.469, Økonomi a red dot.
    const row = /<w:tr>(?:(?!<\/w:tr>).)*Jobafklaringsforløb - ydelse(?:(?!<\/w:tr>).)*<\/w:tr>/s.exec(
      xml,
    )![0];
    expect(row).toContain("-2.469");
    expect(row).toMatch(/<w:color w:val="FF0000"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>●<\/w:t>/s);
    // The indicators' chosen colours and the bevillingstabel's amounts in whole kr.
    expect(xml).toContain("-8.132.000");
    expect(xml).not.toContain("8.131.000");
    // The indstilling as the minutes write it: the opening sentence, point 1, the bevillinger from 2.
    expect(xml).toContain(
      "Beskæftigelses- og Socialforvaltningen indstiller til Beskæftigelses- og Socialudvalget, at byrådet godkender:",
    );
    expect(xml).toContain("Den samlede økonomiopfølgning for området for forsørgelses- og sikringsydelse.");
    expect(xml).toContain("Der forventes et merforbrug på 6,9 mio. kr.");
    const header = Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f))!;
    expect(await zip.file(header)!.async("string")).toContain(CASE_TITLE);
  });

  it("asks for a file after --docx, and never writes over the input", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, true);
    const missing = await runCli(input, join(dir, "out.xlsx"), ["--docx"]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("Angiv en fil efter --docx.")]);
    const same = await runCli(input, join(dir, "out.xlsx"), ["--docx", input]);
    expect([same.code, same.err]).toEqual([
      2,
      expect.stringContaining("Word-filen må ikke være inputfilen: inputfilen ændres aldrig."),
    ]);
  });
});
