import { Diagnostics } from "../../src/domain";
import { EXCEL_LIMITS, withinExcelLimits } from "../../src/app/plan/limits";
import { emptyPlan } from "../../src/workbook/port";
import type { RunCode } from "../../src/app/codes";

describe("the plan stays inside Excel's limits", () => {
  it("cuts a text longer than a cell holds to 32.767 characters and names the cell", () => {
    const plan = emptyPlan();
    plan.blocks.push({
      sheet: "Sag",
      row: 3,
      col: 2,
      values: [["kort", "x".repeat(40000)], ["y".repeat(32767)]],
    });
    const d = new Diagnostics<RunCode>();
    withinExcelLimits(plan, d);
    expect(plan.blocks[0]!.values.map((line) => line.map((v) => String(v).length))).toEqual([
      [4, 32767],
      [32767],
    ]);
    expect(d.items.map((i) => [i.level, i.code, i.sheet, i.cell])).toEqual([
      ["warning", "TEXT_CUT", "Sag", "C3"],
    ]);
    expect(d.items[0]!.message).toContain("Sag!C3 er 40.000 tegn");
  });

  it("stops row heights at 409 pt and column widths at 255", () => {
    const plan = emptyPlan();
    plan.rowHeights = [
      { sheet: "Sag", row: 1, height: 20805 },
      { sheet: "Sag", row: 2, height: 30 },
    ];
    plan.columnWidths.push({ sheet: "Sag", col: 1, width: 300 }, { sheet: "Sag", col: 2, width: 12 });
    withinExcelLimits(plan, new Diagnostics<RunCode>());
    expect(plan.rowHeights.map((h) => h.height)).toEqual([EXCEL_LIMITS.rowHeight, 30]);
    expect(plan.columnWidths.map((w) => w.width)).toEqual([EXCEL_LIMITS.columnWidth, 12]);
  });
});
