import { existsSync, readFileSync } from "fs";
import { spawnSync } from "child_process";
import { join } from "path";
import { fitPrint, outputColumnLayout, PRINT, shownText } from "../../src/app/plan/printFit";
import { emptyPlan, WritePlan } from "../../src/workbook/port";
import {
  columnPoints,
  textPoints,
  widthForLongestWord,
  widthForText,
  wrappedLines,
} from "../../src/workbook/textWidth";

/** A plan laying out one sheet from rows of cells (one block per row, as the generated sheets write). */
function sheetPlan(rows: (string | number | null)[][], bold: number[] = []): WritePlan {
  const plan = emptyPlan();
  plan.sheets.push({ name: "S", replace: false });
  rows.forEach((values, i) => {
    if (values.length > 0)
      plan.blocks.push({
        sheet: "S",
        row: i + 1,
        col: 1,
        values: [values],
        ...(bold.includes(i + 1) ? { bold: true } : {}),
      });
  });
  plan.layouts = [{ sheet: "S", headerRows: 1 }];
  return plan;
}

const widths = (plan: WritePlan) => new Map(plan.columnWidths.map((w) => [w.col, w.width]));
const total = (plan: WritePlan) => [...widths(plan).values()].reduce((s, w) => s + columnPoints(w), 0);

describe("text measured as Calibri 11 prints (Carlito's metrics)", () => {
  it('matches LibreOffice\'s printed width: "Kalibrering" at 11 pt is 48,3 pt wide on paper', () => {
    expect(textPoints("Kalibrering")).toBeCloseTo(48.3, 0);
    expect(textPoints("Kalibrering", true)).toBeGreaterThan(textPoints("Kalibrering"));
    // Danish letters are measured, not guessed.
    expect(textPoints("æøå")).toBeLessThan(textPoints("WWW"));
  });

  it("wraps word by word as Excel does, and a column the width of a text holds it on one line", () => {
    const text = "Budgetgaranterede områder og øvrige overførsler";
    expect(wrappedLines(text, widthForText(text))).toBe(1);
    expect(wrappedLines(text, widthForLongestWord(text))).toBeGreaterThanOrEqual(3);
  });

  it("the committed widths are Carlito's (regenerated from the font where it is installed)", () => {
    const font = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
    expect(existsSync(font)).toBe(true);
    const file = join(__dirname, "../../src/workbook/calibriMetrics.ts");
    const before = readFileSync(file, "utf8");
    const run = spawnSync("npx", ["tsx", "scripts/fontMetrics.ts"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    spawnSync("npx", ["prettier", "--write", file]);
    expect(readFileSync(file, "utf8")).toBe(before);
  }, 60_000);
});

describe("every laid-out sheet fits the printed page (printFit)", () => {
  it("a column is as wide as its widest cell; figures as Danish Excel shows them", () => {
    const plan = sheetPlan([["Titel"], ["Område", "Beløb"], ["Kontanthjælp og uddannelseshjælp", 667234]]);
    fitPrint(plan);
    expect(widths(plan).get(1)).toBe(widthForText("Kontanthjælp og uddannelseshjælp"));
    expect(shownText(667234, "#,##0")).toBe("667.234");
    expect(shownText(0.0025, "0.00%")).toBe("0,25 %");
    expect(shownText(-1.5, "0.00")).toBe("-1,50");
  });

  it("a sheet wider than the floor wraps its texts, never below their longest word, and fits the budget", () => {
    const long = "Et meget langt område med mange ord i beskrivelsen af ydelsen";
    const rows: (string | number)[][] = [["Titel"], ["Område", "Beskrivelse", "A", "B", "C"]];
    for (let i = 0; i < 5; i++)
      rows.push([`${long} ${i}`, `${long} ${long}`, 1_000_000, 2_000_000, 3_000_000]);
    const plan = sheetPlan(rows, [2]);
    fitPrint(plan);
    expect(total(plan)).toBeLessThanOrEqual(PRINT.pageWidth / PRINT.floor / PRINT.slack + 1);
    expect(widths(plan).get(1)!).toBeGreaterThanOrEqual(widthForLongestWord(long));
    expect(widths(plan).get(1)!).toBeLessThan(widthForText(`${long} 0`));
    const dataRow = plan.blocks.find((b) => b.row === 3)!;
    expect(dataRow.wrap).toBe(true);
    expect(plan.rowHeights!.find((h) => h.row === 3)!.height).toBeGreaterThan(15);
  });

  it("a long note alone in its row is wrapped over the table's width (merged), not left to widen the page", () => {
    const note = "En lang forklaring ".repeat(20).trim();
    const plan = sheetPlan([["Titel"], [note], [], ["Område", "Beløb"], ["Kontanthjælp", 1]]);
    fitPrint(plan);
    const block = plan.blocks.find((b) => b.row === 2)!;
    expect(block.wrap).toBe(true);
    expect(block.span).toBeGreaterThanOrEqual(2);
    expect(widths(plan).get(1)).toBeLessThan(40);
    expect(plan.rowHeights!.find((h) => h.row === 2)!.height).toBeGreaterThanOrEqual(30);
  });

  it("a section that would start at the foot of a page and run on starts a new page", () => {
    const rows: (string | number | null)[][] = [["Titel"]];
    for (let i = 0; i < 25; i++) rows.push([`Række ${i}`, i]);
    rows.push([], ["Næste afsnit", "Beløb"]);
    for (let i = 0; i < 10; i++) rows.push([`Linje ${i}`, i]);
    const plan = sheetPlan(rows, [28]);
    fitPrint(plan);
    expect(plan.layouts![0]!.pageBreaks).toEqual([28]);
  });

  it("a Sag table longer than the page continues under its title (fortsat) and its headers", () => {
    const rows: (string | number | null)[][] = [
      ["Titel"],
      ["Undertitel"],
      [],
      ["Tabel"],
      ["Område", "Beløb"],
    ];
    for (let i = 0; i < 40; i++) rows.push([`Område ${i}`, i]);
    const plan = sheetPlan(rows, [4, 5]);
    plan.layouts = [
      {
        sheet: "S",
        headerRows: 2,
        tables: [{ first: 4, last: rows.length, repeat: 2 }],
        printArea: `A1:B${rows.length}`,
      },
    ];
    fitPrint(plan);
    const breaks = plan.layouts[0]!.pageBreaks!;
    expect(breaks.length).toBe(1);
    const at = breaks[0]!;
    const cell = (row: number) => plan.blocks.find((b) => b.row === row)!.values[0];
    expect(cell(at)).toEqual(["Tabel (fortsat)"]);
    expect(cell(at + 1)).toEqual(["Område", "Beløb"]);
    // Every data row is still written once, below the repeated headers, and the print area grew with them.
    expect(plan.blocks.filter((b) => String(b.values[0]![0]).startsWith("Område ")).length).toBe(40);
    expect(plan.layouts[0]!.printArea).toBe(`A1:B${rows.length + 2}`);
  });

  it("an output column beside the user's table: its widest figure, its header wrapped above", () => {
    const { width, lines } = outputColumnLayout("Kassefinansiering uden prognoser", ["36.093"]);
    expect(width).toBe(widthForLongestWord("Kassefinansiering uden prognoser", true));
    expect(lines).toBeGreaterThan(1);
  });
});
