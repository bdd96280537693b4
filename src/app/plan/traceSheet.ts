import { BlockWrite } from "../../workbook/port";
import { CASE_SHEET, NUMBER_FORMATS, TRACE_SHEET, TRACE_TITLE } from "../contract";
import type { TableFingerprint } from "../fingerprint";
import { cellValue } from "../locate";
import { CaseFigure, CaseTable, quoteSheet, ruleName, sourceReference } from "../report";
import { PlacedFigures, placedAddress } from "./caseSheet";
import { PlanBuilder } from "./ownership";

/** The Spor sheet's fixed rows: title, when computed, what the sheet is, then the fingerprint block. */
export const TRACE_ROWS = { computedAt: 2, grundlagTitle: 5, grundlagHeader: 6 } as const;
/** Row 2 says "Beregnet 30/10 2018 kl. 14.02". */
export const COMPUTED_AT = "Beregnet";
/** The fingerprint block's columns: written here, read back by the stale check (app/stale.ts). */
export const GRUNDLAG_COLUMNS = { rows: 2, label: 3, hash: 4, range: 7 } as const;
const GRUNDLAG_HEADERS = ["", "Rækker", "Tabel", "Fingeraftryk", "", "", "Område"] as const;
export const FIGURE_HEADERS = [
  "Nr",
  "Tal på",
  "Tabel og linje",
  "Tal",
  "Regel",
  "Beregning",
  "Kilde",
  "Indhold",
  "Faktor",
  "Kildens tal",
] as const;
const LINK_COLOUR = "FF0563C1";

/** Where each figure's row is on the Spor sheet: after the fingerprint block, one row per source. */
export function traceRows(figures: readonly CaseFigure[], tables: number): Map<string, number> {
  const rows = new Map<string, number>();
  let row = firstFigureRow(tables);
  let table: CaseTable | undefined;
  for (const f of figures) {
    // Each table's figures under its title.
    if (f.table !== table) row++;
    table = f.table;
    rows.set(f.key, row);
    row += Math.max(1, f.trace.sources.length);
  }
  return rows;
}

/** The figures' header row is two below the fingerprint block; the figures start under it. */
function firstFigureRow(tables: number): number {
  return TRACE_ROWS.grundlagHeader + tables + 4;
}

/** The link from a Sag figure to its row on the Spor sheet. */
export function traceLink(row: number): string {
  return `${quoteSheet(TRACE_SHEET)}!A${row}:J${row}`;
}

/**
 * Issue 30 The Spor sheet: when the figures were computed, the fingerprint of every table Beregn read,
 * then one row per figure of the case — where it stands on Sag (a link), the figure, the rule and how it
 * is computed in words — and under it one row per source: the cells (a link), the factor they enter
 * the figure with (for a sum: figure = Σ Faktor × Kildens tal) and their sum. Returns what must be
 * done after the print fit: the Sag addresses, final once the fit has moved continued tables' rows.
 */
export function traceSheet(
  b: PlanBuilder,
  figures: readonly CaseFigure[],
  /** Each figure's row, as `traceRows` placed it (the rows the Sag links point to). */
  rows: ReadonlyMap<string, number>,
  fingerprints: readonly TableFingerprint[],
  computedAt: string,
  placed: PlacedFigures,
): (() => void) | undefined {
  if (!b.generatedSheet(TRACE_SHEET, (s) => cellValue(s, 1, 1) === TRACE_TITLE)) return undefined;
  const sheet = TRACE_SHEET;
  const blocks = b.plan.blocks;
  blocks.push(
    { sheet, row: 1, col: 1, values: [[TRACE_TITLE]], bold: true },
    {
      sheet,
      row: TRACE_ROWS.computedAt,
      col: 1,
      values: [[`${COMPUTED_AT} ${computedAt}`]],
      span: 6,
    },
    {
      sheet,
      row: 3,
      col: 1,
      values: [
        [
          "Hvert tal på arket Sag fører hertil (klik på tallet), og herfra til de celler, det er beregnet af (klik på kilden). Hvor alle kilder har en faktor, er tallet summen af Faktor × Kildens tal. Fingeraftrykket viser, om tabellerne er ændret, siden tallene blev beregnet: kør Beregn igen, hvis de er.",
        ],
      ],
    },
    { sheet, row: TRACE_ROWS.grundlagTitle, col: 1, values: [["Grundlag for beregningen"]], bold: true },
    {
      sheet,
      row: TRACE_ROWS.grundlagHeader,
      col: 1,
      values: [[...GRUNDLAG_HEADERS]],
      bold: true,
      wrap: true,
    },
  );
  fingerprints.forEach((f, i) => {
    const row = TRACE_ROWS.grundlagHeader + 1 + i;
    blocks.push(
      {
        sheet,
        row,
        col: GRUNDLAG_COLUMNS.rows,
        values: [[f.rows, f.label, f.hash]],
        numberFormat: NUMBER_FORMATS.amount,
      },
      {
        sheet,
        row,
        col: GRUNDLAG_COLUMNS.range,
        values: [[f.range]],
        links: [[f.range]],
        fontColors: [[LINK_COLOUR]],
      },
    );
  });
  const headerRow = firstFigureRow(fingerprints.length) - 1;
  blocks.push(
    { sheet, row: headerRow - 1, col: 1, values: [["Tallene i sagen"]], bold: true },
    { sheet, row: headerRow, col: 1, values: [[...FIGURE_HEADERS]], bold: true, wrap: true },
  );
  const places: { block: BlockWrite; key: string }[] = [];
  let table: CaseTable | undefined;
  figures.forEach((f, i) => {
    const row = rows.get(f.key)!;
    // Each table's figures under its title, in the row traceRows left for it.
    if (f.table !== table)
      blocks.push({ sheet, row: row - 1, col: 1, values: [[f.table.title]], bold: true });
    table = f.table;
    const at = placed.get(f.key);
    const where = at ? sagReference(at) : "";
    const place: BlockWrite = {
      sheet,
      row,
      col: 2,
      values: [[where]],
      wrap: true,
      ...(at ? { links: [[where]], fontColors: [[LINK_COLOUR]] } : {}),
    };
    places.push({ block: place, key: f.key });
    // Every cell of the row wraps, and so is top-aligned beside the wrapped texts.
    blocks.push(
      { sheet, row, col: 1, values: [[i + 1]], wrap: true },
      place,
      { sheet, row, col: 3, values: [[f.line]], wrap: true },
      { sheet, row, col: 4, values: [[f.value]], numberFormat: NUMBER_FORMATS.amount, wrap: true },
      { sheet, row, col: 5, values: [[ruleName(f.trace.rule)]], wrap: true },
      { sheet, row, col: 6, values: [[f.trace.how]], wrap: true },
    );
    f.trace.sources.forEach((s, j) => {
      const reference = sourceReference(s);
      // One block for Kilde, Indhold, Faktor and Kildens tal: a text source (no figures) wraps in its
      // column rather than running on over the empty cells beside it.
      blocks.push({
        sheet,
        row: row + j,
        col: 7,
        // The reference alone in the linked cell: a linked cell does not wrap in every program.
        values: [[reference, s.what, s.factor ?? null, s.value ?? s.shown ?? null]],
        links: [[reference, undefined, undefined, undefined]],
        fontColors: [[LINK_COLOUR, undefined, undefined, undefined]],
        numberFormat: NUMBER_FORMATS.amount,
        wrap: true,
      });
    });
  });
  (b.plan.layouts ??= []).push({ sheet, headerRows: 2 });
  return () => {
    // The Sag addresses after the fit (a continued table moves rows down).
    for (const { block, key } of places) {
      const at = placed.get(key);
      if (!at) continue;
      const where = sagReference(at);
      block.values = [[where]];
      block.links = [[where]];
    }
  };
}

/** "Sag!F16": where a figure stands on the Sag sheet. */
function sagReference(at: { block: BlockWrite; offset: number }): string {
  return `${CASE_SHEET}!${placedAddress(at)}`;
}
