import { cellText, kronerNote, normalizeName, Unit } from "../../domain";
import { SheetSnapshot } from "../../workbook/port";
import { APPROPRIATIONS_HEADERS, APPROPRIATIONS_SHEET, NUMBER_FORMATS } from "../contract";

/** The sheet's printed title (its first row holds the headers). */
export const APPROPRIATIONS_TITLE = "Reservationspuljen – tillægsbevillinger";
import { ContractResults } from "../compute";
import { cellValue } from "../locate";
import { PlanBuilder } from "./ownership";

/** The Tillægsbevillinger sheet: one numbered line per appropriation, its sentence wrapped. */
export function appropriationsSheet(b: PlanBuilder, results: ContractResults, unit: Unit): void {
  const ours = (s: SheetSnapshot) =>
    APPROPRIATIONS_HEADERS.every(
      (h, i) => normalizeName(cellText({ value: cellValue(s, 1, i + 1), at: {} }) ?? "") === normalizeName(h),
    );
  if (!b.generatedSheet(APPROPRIATIONS_SHEET, ours)) return;
  const lines = results.appropriations ?? [];
  b.plan.blocks.push({
    sheet: APPROPRIATIONS_SHEET,
    row: 1,
    col: 1,
    values: [APPROPRIATIONS_HEADERS],
    bold: true,
  });
  if (lines.length > 0) {
    // Three blocks so that only the amount column gets the thousands format (not Nr or År). The texts
    // wrap in their columns, so each sentence is read whole on screen and on paper.
    b.plan.blocks.push(
      {
        sheet: APPROPRIATIONS_SHEET,
        row: 2,
        col: 1,
        values: lines.map((l) => [l.punkt, l.tekst]),
        wrap: true,
      },
      {
        sheet: APPROPRIATIONS_SHEET,
        row: 2,
        col: 3,
        values: lines.map((l) => [l.beløbKr]),
        numberFormat: NUMBER_FORMATS.amount,
        wrap: true,
      },
      {
        sheet: APPROPRIATIONS_SHEET,
        row: 2,
        col: 4,
        values: lines.map((l) => [l.år, l.fra, l.til]),
        wrap: true,
      },
    );
    // R0.6: in 1.000 kr. the amounts are sums of rounded rows; say so next to them.
    const note = kronerNote(unit);
    if (note) {
      b.plan.blocks.push({
        sheet: APPROPRIATIONS_SHEET,
        row: lines.length + 3,
        col: 2,
        values: [[note]],
        wrap: true,
      });
    }
  }
  // Row 1 holds the headers the sheet is recognised by, so the title goes in the page header; widths
  // and the wrapped rows' heights come from the texts (printFit.ts).
  (b.plan.layouts ??= []).push({
    sheet: APPROPRIATIONS_SHEET,
    headerRows: 1,
    printTitle: APPROPRIATIONS_TITLE,
  });
}
