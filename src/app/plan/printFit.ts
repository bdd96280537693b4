import { BlockWrite, SheetLayout, TableCreate, WritePlan, WriteValue } from "../../workbook/port";
import {
  columnPoints,
  LINE_HEIGHT,
  rowHeightFor,
  widthForLongestWord,
  widthForText,
  wrappedLines,
} from "../../workbook/textWidth";
import { PAGE_MARGINS } from "../../workbook/pageText";

/**
 * How the sheets the tool lays out print (A4 landscape, one page wide): text at 8 pt or more on paper.
 * The cells are Calibri 11, so the page may be scaled down to about 85 % (9,4 pt), never further: a sheet
 * wider than that wraps its long texts; a long note is wrapped over the table's width.
 */
export const PRINT = {
  /** A4 landscape less the left and right margins, in points. */
  pageWidth: 841.89 - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72,
  /** A4 landscape less the top and bottom margins (0,75") and the header and footer, in points. */
  pageHeight: 595.28 - 2 * 0.75 * 72 - 2 * 18,
  /** The part of a page's height filled before a table continues on the next (rows vary by renderer). */
  pageFill: 0.95,
  /** The smallest scale a sheet is printed at when its texts can wrap to fit (fit to the page's width). */
  floor: 0.85,
  /**
   * Where even the narrowest columns (a number's width, a text's longest word) pass the floor, the
   * columns share the width down to this scale: Calibri 11 at 8,2 pt on paper.
   */
  hardFloor: 8.2 / 11,
  /**
   * LibreOffice measures a column by Carlito's digit (7,43 pixels) where Excel rounds to 7: the same
   * sheet prints 6 % wider there. Fitted for the wider of the two.
   */
  slack: 1.062,
  /** The widest a column of wrapped sentences is made before it wraps (Excel's unit). */
  sentenceWidth: 48,
  /** The narrowest a bold heading over figures is wrapped to (Excel's unit). */
  headingWidth: 14,
  /** The narrowest a note is wrapped over (Excel's unit): a note beside a narrow table spans empty columns. */
  noteWidth: 100,
  /** Excel's default column width, for the empty columns a note spans. */
  defaultWidth: 8.43,
} as const;

/** A cell the plan writes on a laid-out sheet, with what decides its width. */
interface PlannedCell {
  row: number;
  col: number;
  text: string;
  number: boolean;
  bold: boolean;
  span: number;
  wrap: boolean;
  /** A text alone at the right of its row (a title, a note): it may run on over empty cells. */
  lone: boolean;
  /** The block it was written by (undefined in a table); `single` when the block is this one cell. */
  block?: BlockWrite;
  single: boolean;
  table?: { spec: TableCreate; col: number };
}

/**
 * Fits every sheet the plan lays out to the printed page: column widths measured from the texts in
 * Calibri's metrics, long texts wrapped where the page would otherwise shrink below the floor, long
 * notes wrapped over the table's width, row heights for the wrapped lines, and a page break before a
 * section that would otherwise start at the foot of a page and run on without its header.
 */
export function fitPrint(plan: WritePlan, reserved: ReadonlyMap<string, number> = new Map()): void {
  for (const layout of plan.layouts ?? []) fitSheet(plan, layout, reserved.get(layout.sheet) ?? 0);
}

/**
 * The points a template table's output columns will take when Beregn adds them beside it (figures of
 * up to eight digits), so that the input columns leave them room on the printed page.
 */
export function outputsPoints(headers: readonly string[]): number {
  return headers.reduce(
    (sum, header) => sum + columnPoints(outputColumnLayout(header, ["-99.999.999"]).width),
    0,
  );
}

function fitSheet(plan: WritePlan, layout: SheetLayout, reserved: number): void {
  const sheet = layout.sheet;
  const cells = plannedCells(plan, sheet);
  const right = Math.max(1, ...cells.filter((c) => !c.lone).map((c) => c.col + c.span - 1));
  const planned = new Map(plan.columnWidths.filter((w) => w.sheet === sheet).map((w) => [w.col, w.width]));
  const widths = columnWidths(cells, right, planned, reserved);
  // Lone texts wider than the columns to their right wrap over them (merged), at least a note's width.
  for (const cell of cells.filter((c) => c.lone && c.single)) {
    const room = sum(widths, cell.col, right);
    if (widthForText(cell.text, cell.bold) <= Math.max(room, 0)) continue;
    let span = right - cell.col + 1;
    while (sum(widths, cell.col, cell.col + span - 1) < PRINT.noteWidth && cell.col + span - 1 < 26) {
      if (!widths.has(cell.col + span)) widths.set(cell.col + span, PRINT.defaultWidth);
      span++;
    }
    cell.block!.span = span;
    cell.block!.wrap = true;
    cell.span = span;
    cell.wrap = true;
  }
  // Wrap the texts wider than their column.
  for (const cell of cells) {
    if (cell.number || cell.span > 1 || cell.wrap) continue;
    if (widthForText(cell.text, cell.bold) <= (widths.get(cell.col) ?? PRINT.defaultWidth)) continue;
    if (cell.lone) continue;
    cell.wrap = true;
    if (cell.block) cell.block.wrap = true;
    if (cell.table) {
      const wrap = (cell.table.spec.wrapColumns ??= []);
      if (!wrap.includes(cell.table.col)) wrap.push(cell.table.col);
    }
  }
  // A table's wrapped column wraps its header too.
  for (const cell of cells)
    if (cell.table && cell.table.spec.wrapColumns?.includes(cell.table.col)) cell.wrap = true;
  plan.columnWidths = [
    ...plan.columnWidths.filter((w) => w.sheet !== sheet),
    ...[...widths].sort(([a], [b]) => a - b).map(([col, width]) => ({ sheet, col, width })),
  ];
  const heights = rowHeights(cells, widths);
  if (layout.tables) continueTables(plan, layout, heights, totalPoints(widths));
  else {
    const breaks = sectionBreaks(cells, heights, layout.headerRows, totalPoints(widths));
    if (breaks.length > 0) layout.pageBreaks = breaks;
  }
  // Written once, after a continued table may have moved rows down.
  plan.rowHeights = [
    ...(plan.rowHeights ?? []).filter((h) => h.sheet !== sheet),
    ...[...heights].map(([row, height]) => ({ sheet, row, height })),
  ];
}

/** The scale a sheet of this width prints at, one page wide. */
const scaleFor = (widthPoints: number) => Math.min(1, PRINT.pageWidth / widthPoints);

/**
 * A table longer than the page continues on the next one under its title ("(fortsat)") and column
 * headers, written again there: no printed page of rows without their headers.
 */
function continueTables(
  plan: WritePlan,
  layout: SheetLayout,
  heights: Map<number, number>,
  widthPoints: number,
): void {
  const scale = scaleFor(widthPoints);
  const height = (row: number) => (heights.get(row) ?? LINE_HEIGHT) * scale;
  let titles = 0;
  for (let row = 1; row <= layout.headerRows; row++) titles += height(row);
  const room = PRINT.pageHeight * PRINT.pageFill - titles;
  const tables = layout.tables!;
  for (const table of tables) {
    let used = 0;
    // A page holds at least one row below the headers, however tall: no endless run of breaks.
    let fresh = true;
    for (let row = table.first; row <= table.last; row++) {
      if (used + height(row) <= room || row < table.first + table.repeat || fresh) {
        used += height(row);
        fresh = row < table.first + table.repeat;
        continue;
      }
      // The rows from here move down; the title and headers are written again above them.
      insertRows(plan, layout, heights, row, table.repeat);
      for (const later of tables.filter((t) => t.first >= row)) {
        later.first += table.repeat;
        later.last += table.repeat;
      }
      table.last += table.repeat;
      repeatRows(plan, layout.sheet, heights, table.first, table.repeat, row);
      (layout.pageBreaks ??= []).push(row);
      layout.pageBreaks.sort((a, b) => a - b);
      used = 0;
      for (let r = row; r < row + table.repeat; r++) used += height(r);
      row += table.repeat - 1;
      fresh = true;
    }
  }
}

/** Moves every row from `at` down by `count`: blocks, heights, page breaks and the print area. */
function insertRows(
  plan: WritePlan,
  layout: SheetLayout,
  heights: Map<number, number>,
  at: number,
  count: number,
): void {
  for (const block of plan.blocks) if (block.sheet === layout.sheet && block.row >= at) block.row += count;
  const moved = [...heights].map(([row, h]): [number, number] => [row >= at ? row + count : row, h]);
  heights.clear();
  for (const [row, h] of moved) heights.set(row, h);
  if (layout.pageBreaks) layout.pageBreaks = layout.pageBreaks.map((row) => (row >= at ? row + count : row));
  if (layout.printArea)
    layout.printArea = layout.printArea.replace(/(\d+)$/, (bottom) =>
      String(Number(bottom) >= at ? Number(bottom) + count : bottom),
    );
}

/** Writes rows `from`… again at `to`, the first (the table's title) marked "(fortsat)". */
function repeatRows(
  plan: WritePlan,
  sheet: string,
  heights: Map<number, number>,
  from: number,
  count: number,
  to: number,
): void {
  const copies = plan.blocks
    .filter((b) => b.sheet === sheet && b.row >= from && b.row < from + count && b.values.length === 1)
    .map((b) => ({
      ...b,
      row: to + (b.row - from),
      values:
        b.row === from && typeof b.values[0]![0] === "string" && b.values[0]!.length === 1
          ? [[`${b.values[0]![0]} (fortsat)`]]
          : b.values.map((line) => [...line]),
    }));
  plan.blocks.push(...copies);
  for (let r = 0; r < count; r++) if (heights.has(from + r)) heights.set(to + r, heights.get(from + r)!);
}

const sum = (widths: Map<number, number>, from: number, to: number) => {
  let total = 0;
  for (let col = from; col <= to; col++) total += widths.get(col) ?? PRINT.defaultWidth;
  return total;
};

const totalPoints = (widths: Map<number, number>) => {
  const right = Math.max(0, ...widths.keys());
  let total = 0;
  for (let col = 1; col <= right; col++) total += columnPoints(widths.get(col) ?? PRINT.defaultWidth);
  return total;
};

/**
 * Each column as wide as its widest cell (a sentence that already wraps up to a sentence's width), then,
 * if the page would print below the floor, the text columns narrowed evenly from the widest down — never
 * below their longest word, nor a number's width.
 */
function columnWidths(
  cells: PlannedCell[],
  right: number,
  planned: Map<number, number>,
  reserved: number,
): Map<number, number> {
  const want = new Map<number, number>();
  const least = new Map<number, number>();
  // A bold heading over figures (a pool's name above its amounts) wraps to the figures' width.
  const figures = new Map<number, number>();
  for (const cell of cells)
    if (cell.number && cell.span === 1)
      figures.set(cell.col, Math.max(figures.get(cell.col) ?? 0, widthForText(cell.text, cell.bold)));
  for (const cell of cells) {
    if (cell.lone || cell.span > 1) continue;
    const full = widthForText(cell.text, cell.bold);
    const heading = cell.bold && !cell.number && figures.has(cell.col);
    const desired = heading
      ? Math.min(full, Math.max(figures.get(cell.col)!, PRINT.headingWidth))
      : cell.wrap
        ? Math.min(full, PRINT.sentenceWidth)
        : full;
    const minimum = cell.number ? full : widthForLongestWord(cell.text, cell.bold);
    want.set(cell.col, Math.max(want.get(cell.col) ?? 0, desired, minimum));
    least.set(cell.col, Math.max(least.get(cell.col) ?? 0, minimum));
  }
  const widths = new Map<number, number>();
  for (let col = 1; col <= right; col++) {
    const w = want.get(col);
    if (w !== undefined) widths.set(col, Math.max(w, 4));
    else if (planned.has(col)) widths.set(col, planned.get(col)!);
  }
  const within = (scale: number) => PRINT.pageWidth / scale / PRINT.slack - reserved;
  if (totalPoints(widths) <= within(PRINT.floor)) return widths;
  // From the narrowest (each text column its longest word), width goes where it saves the most
  // wrapped lines per point, until the page's width is used.
  const narrow = new Map(widths);
  for (const [col, width] of least) if (widths.has(col)) narrow.set(col, Math.min(width, widths.get(col)!));
  const budget = totalPoints(narrow) <= within(PRINT.floor) ? within(PRINT.floor) : within(PRINT.hardFloor);
  let spare = budget - totalPoints(narrow);
  if (spare <= 0) return narrow;
  const texts = new Map<number, PlannedCell[]>();
  for (const cell of cells)
    if (!cell.number && !cell.lone && cell.span === 1 && least.has(cell.col))
      texts.set(cell.col, [...(texts.get(cell.col) ?? []), cell].slice(0, LINES_SAMPLE));
  const linesAt = (col: number, width: number) =>
    (texts.get(col) ?? []).reduce((n, c) => n + wrappedLines(c.text, width, c.bold), 0);
  for (;;) {
    let best: { col: number; width: number; gain: number; cost: number } | undefined;
    for (const [col, width] of narrow) {
      const top = widths.get(col)!;
      if (!texts.has(col) || width >= top) continue;
      const now = linesAt(col, width);
      for (let w = Math.min(top, Math.floor(width) + 1); ; w = Math.min(top, w + 1)) {
        const cost = columnPoints(w) - columnPoints(width);
        if (cost > spare) break;
        const gain = (now - linesAt(col, w)) / Math.max(cost, 0.01);
        if (gain > 0 && (!best || gain > best.gain)) best = { col, width: w, gain, cost };
        if (w >= top) break;
      }
    }
    if (!best) return narrow;
    narrow.set(best.col, best.width);
    spare -= best.cost;
  }
}

/** The cells of a column whose wrapping decides its width (enough to judge a long table by). */
const LINES_SAMPLE = 200;

/** Row heights for the rows whose wrapped texts need more than one line. */
function rowHeights(cells: PlannedCell[], widths: Map<number, number>): Map<number, number> {
  const lines = new Map<number, number>();
  for (const cell of cells) {
    if (!cell.wrap) continue;
    const n = wrappedLines(cell.text, sum(widths, cell.col, cell.col + cell.span - 1), cell.bold);
    lines.set(cell.row, Math.max(lines.get(cell.row) ?? 1, n));
  }
  return new Map([...lines].filter(([, n]) => n > 1).map(([row, n]) => [row, rowHeightFor(n)]));
}

/**
 * Page breaks before a section (rows after an empty one: a heading, a stacked table's note) that would start on a page and continue
 * on the next, when the section fits on a page of its own: no rows printed apart from their header.
 */
function sectionBreaks(
  cells: PlannedCell[],
  heights: Map<number, number>,
  headerRows: number,
  widthPoints: number,
): number[] {
  const scale = scaleFor(widthPoints);
  const bottom = Math.max(0, ...cells.map((c) => c.row));
  const height = (row: number) => (heights.get(row) ?? LINE_HEIGHT) * scale;
  let titles = 0;
  for (let row = 1; row <= headerRows; row++) titles += height(row);
  const room = PRINT.pageHeight - titles;
  const filled = new Set(cells.map((c) => c.row));
  const starts = [...filled].filter((r) => r > headerRows + 1 && !filled.has(r - 1)).sort((a, b) => a - b);
  const breaks: number[] = [];
  let used = 0;
  let row = headerRows + 1;
  for (const [i, start] of starts.entries()) {
    for (; row < start; row++) used += height(row);
    const end = (starts[i + 1] ?? bottom + 1) - 1;
    let section = 0;
    for (let r = start; r <= end; r++) section += height(r);
    if (used + section > room && section <= room && used > 0) {
      breaks.push(start);
      used = 0;
    }
    // A section longer than a page runs on; its pages are counted from where it began.
    if (section > room) used = (used + section) % room;
  }
  return breaks;
}

/** An output column's narrowest width: a flag word or a short figure under a one-word header. */
const OUTPUT_MIN_WIDTH = 10;

/**
 * An output column beside the user's table: as wide as its widest figure or its header's longest word,
 * the header wrapped over `lines` lines above it.
 */
export function outputColumnLayout(header: string, shown: string[]): { width: number; lines: number } {
  const width = Math.max(
    OUTPUT_MIN_WIDTH,
    widthForLongestWord(header, true),
    ...shown.map((text) => widthForText(text)),
  );
  return { width, lines: wrappedLines(header, width, true) };
}

/** The text a value shows in its number format (Danish), to measure: "1.234.567", "0,21", "25,0%". */
export function shownText(value: WriteValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value.startsWith("=") ? "" : value;
  const danish = (n: number, decimals: number) => {
    const [whole, fraction] = Math.abs(n).toFixed(decimals).split(".");
    const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return `${n < 0 ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
  };
  const f = format ?? "General";
  const percent = /%$/.test(f);
  const decimals = (/\.(0+)/.exec(f)?.[1] ?? "").length;
  if (percent) return `${danish(value * 100, decimals)} %`;
  if (f === "General" || f === "@") return String(value).replace(".", ",");
  return f.includes("#,##0") ? danish(value, decimals) : danish(value, decimals).replace(/\./g, "");
}

/** The cells the plan writes on a sheet: its blocks and its new tables. */
function plannedCells(plan: WritePlan, sheet: string): PlannedCell[] {
  const cells: PlannedCell[] = [];
  for (const block of plan.blocks) {
    if (block.sheet !== sheet) continue;
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const text = shownText(value, block.numberFormat);
        if (text === "") return;
        cells.push({
          row: block.row + r,
          col: block.col + c,
          text,
          number: typeof value === "number",
          bold: block.bold === true,
          span: block.span ?? 1,
          wrap: block.wrap === true,
          lone: false,
          block,
          single: block.values.length === 1 && line.length === 1,
        });
      }),
    );
  }
  for (const spec of plan.tables ?? []) {
    if (spec.sheet !== sheet) continue;
    spec.headers.forEach((header, c) =>
      cells.push({
        row: spec.top,
        col: spec.left + c,
        text: header,
        number: false,
        bold: true,
        span: 1,
        wrap: spec.wrapColumns?.includes(c) === true,
        lone: false,
        single: false,
        table: { spec, col: c },
      }),
    );
    spec.rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const text = shownText(value, spec.numberFormats[r]?.[c]);
        if (text === "") return;
        cells.push({
          row: spec.top + 1 + r,
          col: spec.left + c,
          text,
          number: typeof value === "number",
          bold: false,
          span: 1,
          wrap: spec.wrapColumns?.includes(c) === true,
          lone: false,
          single: false,
          table: { spec, col: c },
        });
      }),
    );
  }
  // A text is lone when it is all its row holds (a title, a note, a heading): it may run on to the right.
  const perRow = new Map<number, number>();
  for (const cell of cells) perRow.set(cell.row, (perRow.get(cell.row) ?? 0) + 1);
  for (const cell of cells)
    cell.lone = !cell.number && cell.single && cell.span === 1 && perRow.get(cell.row) === 1;
  return cells;
}
