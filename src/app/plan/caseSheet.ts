import { a1, columnLetters } from "../../workbook/address";
import { BlockWrite } from "../../workbook/port";
import { CASE_SHEET, NUMBER_FORMATS } from "../contract";
import { cellValue } from "../locate";
import { CASE_TITLE, caseCellLook, CaseDocument, CaseTable, figureKey, formatAmount } from "../report";
import { PlanBuilder } from "./ownership";

/**
 * The Sag sheet's grid, shared by every table: A (a punkt's number, "Indstillingspunkt"), B wide (a
 * description), then amount columns as wide as their longest word. A row's label spans A:B; a long text
 * spans several grid columns (merged), so each table reads as its own.
 */
const GRID = { first: 19, label: 42, other: 15, max: 26, lastCol: 10 } as const;

/** Where each column of a table goes: its first grid column and how many it spans. */
export function casePlacement(table: CaseTable): { col: number; span: number }[] {
  // Numbered tables (bevillingstabel, indstilling) have their number in A; the others' label spans A:B.
  const numbered = table.key === "appropriationTable" || table.key === "indstilling";
  let col = 1;
  return table.columns.map((c, i) => {
    const last = i === table.columns.length - 1;
    const span =
      i === 0 && !numbered ? 2 : !c.long ? 1 : last ? Math.max(1, GRID.lastCol - col + 1) : col === 2 ? 1 : 2;
    const at = { col, span };
    col += span;
    return at;
  });
}

/**
 * The grid's widths: A and B fixed; every other column as wide as the longest word placed in it alone
 * (a pool's name in a header is never cut mid-word), at least 15 and at most 26.
 */
function gridWidths(doc: CaseDocument, right: number): number[] {
  const widths: number[] = Array.from({ length: right }, (_, i) =>
    i === 0 ? GRID.first : i === 1 ? GRID.label : GRID.other,
  );
  for (const table of doc.tables) {
    const place = casePlacement(table);
    table.columns.forEach((c, i) => {
      const at = place[i]!;
      if (at.span > 1 || at.col <= 2) return;
      const texts = [c.header, ...table.rows.map((r) => r.cells[i])].map((v) =>
        typeof v === "number" ? formatAmount(v) : String(v ?? ""),
      );
      const word = Math.max(...texts.flatMap((t) => t.split(/\s+/)).map((w) => w.length));
      widths[at.col - 1] = Math.min(GRID.max, Math.max(widths[at.col - 1]!, Math.ceil(word * 1.1) + 2));
    });
  }
  return widths;
}

/**
 * R14.2 The Sag sheet: the case's tables one under the other, each beginning a printed page (A4
 * landscape, one page wide, the sheet's title repeated on every page, title and date in the header and
 * footer). Dots (●) in the flag's colour where the minutes print them; flag words on their fill.
 */
export function caseSheet(
  b: PlanBuilder,
  doc: CaseDocument,
  /** The link of a traced figure (key "table:row:cell") to its row on the Spor sheet. */
  linkOf: (key: string) => string | undefined = () => undefined,
): PlacedFigures {
  const placed: PlacedFigures = new Map();
  if (doc.tables.length === 0) return placed;
  if (!b.generatedSheet(CASE_SHEET, (s) => cellValue(s, 1, 1) === CASE_TITLE)) return placed;
  const sheet = CASE_SHEET;
  const blocks: BlockWrite[] = b.plan.blocks;
  let row = 4;
  const right = Math.max(
    GRID.lastCol,
    ...doc.tables.flatMap((t) => casePlacement(t).map((p) => p.col + p.span - 1)),
  );
  blocks.push(
    { sheet, row: 1, col: 1, values: [[doc.title]], bold: true },
    // The kind of case, the year and the units: one line across the page.
    cell(sheet, 2, { col: 1, span: right }, doc.subtitle, { wrap: true }),
  );
  const widths = gridWidths(doc, right);
  const spanWidth = (at: { col: number; span: number }) =>
    widths.slice(at.col - 1, at.col - 1 + at.span).reduce((s, w) => s + w, 0);
  const breaks: number[] = [];
  const printed: { first: number; last: number; repeat: number }[] = [];
  doc.tables.forEach((table, tableIndex) => {
    if (row > 4) breaks.push(row);
    const first = row;
    const place = casePlacement(table);
    const title = table.unit ? `${table.title} (${table.unit})` : table.title;
    blocks.push({ sheet, row, col: 1, values: [[title]], bold: true });
    row++;
    if (table.intro) {
      // The indstilling's opening sentence, wrapped across the page.
      blocks.push(cell(sheet, row, { col: 1, span: right }, table.intro, { wrap: true }));
      row++;
    }
    if (table.columns.length === 0) {
      printed.push({ first, last: row - 1, repeat: row - first });
      row++;
      return;
    }
    // The header row: wrapped, so "Mer-/mindreforbrug" is never cut.
    blocks.push(
      ...rowBlocks(
        sheet,
        row,
        table.columns.map((c, i) => ({ at: place[i]!, value: c.header })),
        true,
        placed,
      ),
    );
    row++;
    const repeat = row - first;
    table.rows.forEach((r, rowIndex) => {
      const texts: [string, number][] = [];
      const cells: CellSpec[] = r.cells.map((value, i) => {
        const column = table.columns[i]!;
        const at = place[i]!;
        if (column.kind !== "dot" && typeof value === "string") texts.push([value, spanWidth(at)]);
        const key = figureKey(tableIndex, rowIndex, i);
        const link = typeof value === "number" && r.traces?.[i] ? linkOf(key) : undefined;
        return { at, ...caseCellLook(column, value, r.flags?.[i]), ...(link ? { link, key } : {}) };
      });
      blocks.push(...rowBlocks(sheet, row, cells, r.bold === true, placed));
      row++;
    });
    if (table.note) {
      // A note overflows into the empty cells to its right; wrapped over the table's width when long.
      const span = right;
      blocks.push({ ...cell(sheet, row, { col: 1, span }, table.note, { wrap: true }) });
      row++;
    }
    printed.push({ first, last: row - 1, repeat });
    row++;
  });
  widths.forEach((width, i) => b.plan.columnWidths.push({ sheet, col: i + 1, width }));
  (b.plan.layouts ??= []).push({
    sheet,
    headerRows: 2,
    pageBreaks: breaks,
    printArea: `A1:${columnLetters(right)}${row - 1}`,
    tables: printed,
  });
  return placed;
}

/**
 * Where each linked figure was written: its block and its place in it. Read after the print fit, which
 * may move a table's rows down (a continued table), so the address is the final one.
 */
export type PlacedFigures = Map<string, { block: BlockWrite; offset: number }>;

export function placedAddress(at: { block: BlockWrite; offset: number }): string {
  return a1(at.block.row, at.block.col + at.offset);
}

function cell(
  sheet: string,
  row: number,
  at: { col: number; span: number },
  value: string | number | null,
  style: { bold?: boolean | undefined; wrap?: boolean; numberFormat?: string },
): BlockWrite {
  return {
    sheet,
    row,
    col: at.col,
    values: [[value]],
    ...(style.numberFormat ? { numberFormat: style.numberFormat } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.wrap ? { wrap: true } : {}),
    ...(at.span > 1 ? { span: at.span } : {}),
  };
}

/** One cell of a case row: where it goes, its value, its fill and font colour (flags and dots). */
interface CellSpec {
  at: { col: number; span: number };
  value: string | number | null;
  fill?: string;
  font?: string;
  /** A link to the figure's row on the Spor sheet, and the figure's key. */
  link?: string;
  key?: string;
}

/**
 * A case row as few blocks as its merges allow: each merged cell on its own, each run of adjacent
 * single cells as one block (amount format, per-cell fills and font colours). Every cell wraps, and so
 * is top-aligned, so a row's amounts stand beside its wrapped label.
 */
function rowBlocks(
  sheet: string,
  row: number,
  cells: readonly CellSpec[],
  bold: boolean,
  placed: PlacedFigures,
): BlockWrite[] {
  const blocks: BlockWrite[] = [];
  let run: CellSpec[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const fills = run.some((c) => c.fill) ? { fills: [run.map((c) => c.fill)] } : {};
    const fonts = run.some((c) => c.font) ? { fontColors: [run.map((c) => c.font)] } : {};
    const links = run.some((c) => c.link) ? { links: [run.map((c) => c.link)] } : {};
    const block: BlockWrite = {
      sheet,
      row,
      col: run[0]!.at.col,
      values: [run.map((c) => c.value)],
      numberFormat: NUMBER_FORMATS.amount,
      wrap: true,
      ...(bold ? { bold: true } : {}),
      ...fills,
      ...fonts,
      ...links,
    };
    run.forEach((c, offset) => {
      if (c.key && c.link) placed.set(c.key, { block, offset });
    });
    blocks.push(block);
    run = [];
  };
  for (const c of cells) {
    const adjacent = run.length > 0 && run.at(-1)!.at.col + 1 === c.at.col;
    if (c.at.span > 1 || !adjacent) flush();
    if (c.at.span > 1) {
      const block = cell(sheet, row, c.at, c.value, { bold, wrap: true });
      if (c.key && c.link) {
        block.links = [[c.link]];
        placed.set(c.key, { block, offset: 0 });
      }
      blocks.push(block);
    } else run.push(c);
  }
  flush();
  return blocks;
}
