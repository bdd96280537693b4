import { RunDiagnostics } from "../codes";
import { appMessages } from "../messages";
import { a1 } from "../../workbook/address";
import { WritePlan } from "../../workbook/port";

/** Excel's limits (Excel specifications and limits): characters in a cell, row height, column width. */
export const EXCEL_LIMITS = { cellText: 32767, rowHeight: 409, columnWidth: 255 } as const;

/**
 * Keeps the plan inside Excel's limits, whatever the inputs hold: a text longer than a cell holds is
 * written with its first 32.767 characters (a warning names the cell), row heights stop at 409 pt and
 * column widths at 255 characters (as Excel does when a user asks for more).
 */
export function withinExcelLimits(plan: WritePlan, diagnostics: RunDiagnostics): void {
  for (const block of plan.blocks)
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (typeof value !== "string" || value.length <= EXCEL_LIMITS.cellText) return;
        const cell = a1(block.row + r, block.col + c);
        diagnostics.warning("TEXT_CUT", appMessages.textCut(`${block.sheet}!${cell}`, value.length), {
          sheet: block.sheet,
          cell,
        });
        line[c] = value.slice(0, EXCEL_LIMITS.cellText);
      }),
    );
  for (const height of plan.rowHeights ?? []) height.height = Math.min(height.height, EXCEL_LIMITS.rowHeight);
  for (const width of plan.columnWidths) width.width = Math.min(width.width, EXCEL_LIMITS.columnWidth);
}
