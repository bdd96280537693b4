import { BOLD, MEASURED, REGULAR, UNITS_PER_EM } from "./calibriMetrics";

/**
 * Text measured as Excel draws it in a cell: Calibri 11 (Carlito has the same metrics), the column width
 * in Excel's unit (characters of the widest digit, 7 pixels at 96 dpi, plus 5 pixels of padding).
 */
export const CELL_POINTS = 11;
/** A line of Calibri 11 in a row: Excel's default row height, in points. */
export const LINE_HEIGHT = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

const INDEX = new Map([...MEASURED].map((c, i) => [c, i]));
/** A character not measured counts as the widest capital (W), so a width is never too small. */
const FALLBACK = MEASURED.indexOf("W");

/** The text's width in points, in Calibri at `size` points. */
export function textPoints(text: string, bold = false, size = CELL_POINTS): number {
  const widths = bold ? BOLD : REGULAR;
  let units = 0;
  for (const c of text) units += widths[INDEX.get(c) ?? FALLBACK]!;
  return (units / UNITS_PER_EM) * size;
}

/** Pixels between a cell's edge and its text, both sides together, with a pixel to spare. */
const PADDING_PX = 8;

/** The column width (Excel's unit) that shows a text of these points whole. */
export function widthForPoints(points: number): number {
  return Math.ceil((((points * 96) / 72 + PADDING_PX) / 7) * 4) / 4;
}

/** A column's width on paper at 100 %, in points. */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/** The column width that shows the text on one line. */
export function widthForText(text: string, bold = false): number {
  return widthForPoints(Math.max(0, ...text.split("\n").map((line) => textPoints(line, bold))));
}

/** The widest word of a text, as a column width: narrower, a word would be broken. */
export function widthForLongestWord(text: string, bold = false): number {
  return widthForPoints(Math.max(0, ...text.split(/\s+/).map((word) => textPoints(word, bold))));
}

/** The lines a text wraps to in a column (or merged cells) of that width: word by word, as Excel wraps. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = ((width * 7 + 5 - PADDING_PX) * 72) / 96;
  const space = textPoints(" ", bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
      const w = textPoints(word, bold);
      if (line === 0) line = w;
      else if (line + space + w <= room) line += space + w;
      else {
        lines++;
        line = w;
      }
      // A word wider than the column is broken over as many lines as it needs.
      if (line > room) {
        lines += Math.ceil(line / room) - 1;
        line = line % room;
      }
    }
  }
  return lines;
}

/** The height of a row whose tallest cell wraps to `lines` lines. */
export function rowHeightFor(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, LINE_HEIGHT * Math.max(1, lines));
}
