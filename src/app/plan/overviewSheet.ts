import { NOT_APPLICABLE, YearOverviewColumn } from "../../domain";
import { NUMBER_FORMATS, OVERVIEW_SHEET, OVERVIEW_TITLE } from "../contract";
import { cellValue } from "../locate";
import { PlanBuilder } from "./ownership";

const LABEL_WIDTH = 26;
const COLUMN_WIDTH = 24;

/**
 * R11 The Overblik sheet: the follow-up's year columns side by side with their Samlet and
 * Reservationspulje rows, as the minutes print them; where a column's pool cannot be known the cell
 * holds "–" and the Grundlag row under it says why (never a 0). Years never add up: no total column.
 */
export function overviewSheet(b: PlanBuilder, years: readonly YearOverviewColumn[], unit: string): void {
  if (years.length === 0) return;
  if (!b.generatedSheet(OVERVIEW_SHEET, (s) => cellValue(s, 1, 1) === OVERVIEW_TITLE)) return;
  const sheet = OVERVIEW_SHEET;
  const widthOf = (col: number) => (col === 1 ? LABEL_WIDTH : COLUMN_WIDTH);
  b.plan.blocks.push(
    { sheet, row: 1, col: 1, values: [[OVERVIEW_TITLE]], bold: true },
    {
      sheet,
      row: 2,
      col: 1,
      values: [[`${unit} netto; hvert år har sin egen pulje, som ikke overføres til næste år`]],
    },
    { sheet, row: 4, col: 1, values: [["", ...years.map((y) => y.kolonne)]], bold: true, wrap: true },
    {
      sheet,
      row: 5,
      col: 1,
      values: [["Samlet", ...years.map((y) => y.samlet)]],
      numberFormat: NUMBER_FORMATS.amount,
      bold: true,
    },
    {
      sheet,
      row: 6,
      col: 1,
      values: [["Reservationspulje", ...years.map((y) => y.reservationspulje ?? NOT_APPLICABLE)]],
      numberFormat: NUMBER_FORMATS.amount,
      bold: true,
    },
    { sheet, row: 7, col: 1, values: [["Grundlag", ...years.map((y) => y.grundlag)]], wrap: true },
  );
  for (let col = 1; col <= years.length + 1; col++)
    b.plan.columnWidths.push({ sheet, col, width: widthOf(col) });
  (b.plan.layouts ??= []).push({ sheet, headerRows: 4 });
}
