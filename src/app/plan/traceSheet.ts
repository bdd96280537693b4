import { BlockWrite } from "../../workbook/port";
import { CASE_SHEET, NUMBER_FORMATS, TRACE_SHEET, TRACE_TITLE } from "../contract";
import type { TableFingerprint } from "../fingerprint";
import { cellValue } from "../locate";
import {
  CaseDocument,
  CaseRow,
  CaseTable,
  FigureTrace,
  formatAmount,
  isSumTrace,
  quoteSheet,
  sourceReference,
} from "../report";
import { figureKey, PlacedFigures, placedAddress } from "./caseSheet";
import { PlanBuilder } from "./ownership";

/** The Spor sheet's fixed rows: title, when computed, what the sheet is, then the fingerprint block. */
export const TRACE_ROWS = { computedAt: 2, grundlagTitle: 5, grundlagHeader: 6 } as const;
/** The fingerprint block's headers (the check finds the block by them). */
export const GRUNDLAG_HEADERS = ["", "Rækker", "Tabel", "Fingeraftryk", "", "", "Område"] as const;
export const FIGURE_HEADERS = [
  "Nr",
  "Tal på",
  "Tabel og linje",
  "Tal",
  "Regel",
  "Beregning",
  "Kilde",
  "Faktor",
  "Kildens tal",
] as const;
const LINK_COLOUR = "FF0563C1";

/** One figure of the case with its trace, in the order the Spor sheet lists them. */
export interface CaseFigure {
  key: string;
  table: CaseTable;
  row: CaseRow;
  value: number;
  trace: FigureTrace;
  /** "Opfølgning pr. ydelsesområde · Budgetgaranti · Samlet · Mer-/mindreforbrug". */
  label: string;
}

/** Every number of the case that has a trace, table by table, row by row. */
export function caseFigures(doc: CaseDocument): CaseFigure[] {
  const out: CaseFigure[] = [];
  doc.tables.forEach((table, t) => {
    let heading: string | undefined;
    table.rows.forEach((row, r) => {
      const texts = row.cells.flatMap((v, i) =>
        table.columns[i]?.kind === "text" && typeof v === "string" && v !== "" ? [short(v)] : [],
      );
      // A pool's heading row (bold, only its name) names the Samlet under it.
      if (row.bold && row.cells.slice(1).every((v) => v === null || v === undefined)) heading = texts[0];
      const named = texts[0] === "Samlet" && heading ? [heading, ...texts] : texts;
      row.cells.forEach((value, c) => {
        const trace = row.traces?.[c];
        if (typeof value !== "number" || !trace) return;
        out.push({
          key: figureKey(t, r, c),
          table,
          row,
          value,
          trace,
          label: [table.title, ...named.slice(0, 3), table.columns[c]!.header]
            .filter((x) => x !== "")
            .join(" · "),
        });
      });
    });
  });
  return out;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Where each figure's row is on the Spor sheet: after the fingerprint block, one row per source. */
export function traceRows(figures: readonly CaseFigure[], tables: number): Map<string, number> {
  const rows = new Map<string, number>();
  let row = firstFigureRow(tables);
  for (const f of figures) {
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
  return `${quoteSheet(TRACE_SHEET)}!A${row}:I${row}`;
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
      values: [["Beregnet", computedAt]],
      numberFormat: NUMBER_FORMATS.text,
    },
    {
      sheet,
      row: 3,
      col: 1,
      values: [
        [
          "Hvert tal på arket Sag fører hertil (klik på tallet), og herfra til de celler, det er beregnet af. Fingeraftrykket viser, om tabellerne er ændret, siden tallene blev beregnet: kør Beregn igen, hvis de er.",
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
      { sheet, row, col: 2, values: [[f.rows, f.label, f.hash]], numberFormat: NUMBER_FORMATS.amount },
      { sheet, row, col: 7, values: [[f.range]], links: [[f.range]], fontColors: [[LINK_COLOUR]] },
    );
  });
  const headerRow = firstFigureRow(fingerprints.length) - 1;
  blocks.push(
    { sheet, row: headerRow - 1, col: 1, values: [["Tallene i sagen"]], bold: true },
    { sheet, row: headerRow, col: 1, values: [[...FIGURE_HEADERS]], bold: true, wrap: true },
  );
  const places: { block: BlockWrite; key: string }[] = [];
  let row = headerRow + 1;
  figures.forEach((f, i) => {
    const at = placed.get(f.key);
    const where = at ? `${CASE_SHEET}!${placedAddress(at)}` : "";
    const place: BlockWrite = {
      sheet,
      row,
      col: 2,
      values: [[where]],
      ...(at ? { links: [[where]], fontColors: [[LINK_COLOUR]] } : {}),
    };
    places.push({ block: place, key: f.key });
    blocks.push(
      { sheet, row, col: 1, values: [[i + 1]] },
      place,
      { sheet, row, col: 3, values: [[f.label]], wrap: true },
      { sheet, row, col: 4, values: [[f.value]], numberFormat: NUMBER_FORMATS.amount },
      { sheet, row, col: 5, values: [[f.trace.rule]] },
      {
        sheet,
        row,
        col: 6,
        values: [[isSumTrace(f.trace) ? `${f.trace.how} Tal = Σ Faktor × Kildens tal.` : f.trace.how]],
        wrap: true,
      },
    );
    f.trace.sources.forEach((s, j) => {
      const reference = sourceReference(s);
      blocks.push(
        {
          sheet,
          row: row + j,
          col: 7,
          values: [[`${reference} (${s.what})`]],
          links: [[reference]],
          fontColors: [[LINK_COLOUR]],
          wrap: true,
        },
        {
          sheet,
          row: row + j,
          col: 8,
          values: [[s.factor ?? null, s.value ?? null]],
          numberFormat: NUMBER_FORMATS.amount,
        },
      );
    });
    row += Math.max(1, f.trace.sources.length);
  });
  (b.plan.layouts ??= []).push({ sheet, headerRows: 2 });
  return () => {
    // The Sag addresses after the fit (a continued table moves rows down).
    for (const { block, key } of places) {
      const at = placed.get(key);
      if (!at) continue;
      const where = `${CASE_SHEET}!${placedAddress(at)}`;
      block.values = [[where]];
      block.links = [[where]];
    }
  };
}

/** A figure's row as the JSON summary and the Word appendix give it. */
export function figureLine(f: CaseFigure): string {
  const sources = f.trace.sources
    .map((s) => `${sourceReference(s)}${s.factor === undefined ? "" : ` × ${formatAmount(s.factor)}`}`)
    .join(", ");
  return `${f.label}: ${formatAmount(f.value)} — ${f.trace.rule}: ${f.trace.how}${sources ? ` Kilder: ${sources}.` : ""}`;
}
