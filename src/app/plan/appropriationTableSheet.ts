import { AppropriationTableRow, TOTAL_COLUMN } from "../../domain";
import { APPROPRIATION_TABLE_SHEET, APPROPRIATION_TABLE_TITLE, NUMBER_FORMATS } from "../contract";
import { cellValue } from "../locate";
import { PlanBuilder } from "./ownership";

const HEADER_ROW = 3;
/** Columns: Indstillingspunkt, Beskrivelse, Styringsområde, Udvalg, then one per year. */
const WIDTHS = [18, 60, 50, 34];

/**
 * R14.1 The Bevillinger sheet, Odense's form: Indstillingspunkt · Beskrivelse · Styringsområde · Udvalg ·
 * one column per year, in whole kr. (+ received, − given); each punkt's rows and its I alt (0).
 */
export function appropriationTableSheet(
  b: PlanBuilder,
  rows: readonly AppropriationTableRow[],
  note?: string,
): void {
  if (!b.generatedSheet(APPROPRIATION_TABLE_SHEET, (s) => cellValue(s, 1, 1) === APPROPRIATION_TABLE_TITLE))
    return;
  const years = [...new Set(rows.map((r) => r.år))].sort((x, y) => x - y);
  const sheet = APPROPRIATION_TABLE_SHEET;
  b.plan.blocks.push(
    { sheet, row: 1, col: 1, values: [[APPROPRIATION_TABLE_TITLE]], bold: true },
    {
      sheet,
      row: HEADER_ROW,
      col: 1,
      values: [["Indstillingspunkt", "Beskrivelse", "Styringsområde", "Udvalg", ...years.map(String)]],
      bold: true,
    },
  );
  let row = HEADER_ROW + 1;
  const punkter = [...new Set(rows.map((r) => r.punkt))];
  for (const punkt of punkter) {
    const own = rows.filter((r) => r.punkt === punkt);
    own.forEach((r, i) => {
      b.plan.blocks.push(
        {
          sheet,
          row,
          col: 1,
          values: [[i === 0 ? punkt : null, i === 0 ? r.beskrivelse : null, r.styringsområde, r.udvalg]],
          wrap: true,
        },
        {
          sheet,
          row,
          col: 5,
          values: [years.map((y) => (y === r.år ? r.beløbKr : null))],
          numberFormat: NUMBER_FORMATS.amount,
          // Top-aligned beside the wrapped texts (wrapping sets the alignment).
          wrap: true,
        },
      );
      row++;
    });
    b.plan.blocks.push(
      { sheet, row, col: 3, values: [[TOTAL_COLUMN]], bold: true },
      {
        sheet,
        row,
        col: 5,
        values: [years.map((y) => own.filter((r) => r.år === y).reduce((s, r) => s + r.beløbKr, 0))],
        numberFormat: NUMBER_FORMATS.amount,
        bold: true,
      },
    );
    row += 2;
  }
  if (note) {
    // R0.6: kroner from rows in another unit are rounded; said under the table, wrapped across it.
    b.plan.blocks.push({ sheet, row, col: 2, values: [[note]], wrap: true });
  }
  [...WIDTHS, ...years.map(() => 16)].forEach((width, i) =>
    b.plan.columnWidths.push({ sheet, col: i + 1, width }),
  );
  (b.plan.layouts ??= []).push({ sheet, headerRows: HEADER_ROW });
}
