import ExcelJS from "exceljs";
import { toRawValue } from "../../src/workbook/fileWorkbook";
import { FakeCell, FakeExcel, FakeModel } from "./fakeExcel";

/** The simulated Excel holding the same workbook as an ExcelJS workbook (Node only: it needs ExcelJS). */
export function fakeExcelFrom(wb: ExcelJS.Workbook): FakeExcel {
  const model: FakeModel = { sheets: [], tables: [] };
  wb.eachSheet((ws) => {
    const cells: [string, FakeCell][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // As in Excel, only the top-left cell of a merged area holds a value (ExcelJS shows it in all).
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const { value, formula } = toRawValue(cell.value);
        const source = cell.value as { formula?: string };
        cells.push([
          cell.address,
          {
            value,
            ...(formula ? { formula: `=${source.formula ?? ""}` } : {}),
            ...(cell.numFmt ? { numberFormat: cell.numFmt } : {}),
          },
        ]);
      }),
    );
    const isProtected = Boolean(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    );
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n);
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
    model.sheets.push({
      name: ws.name,
      cells,
      protected: isProtected,
      hiddenRows,
      hiddenColumns,
      merges: [...merges],
    });
    // Tables built in memory keep their model in .table, tables loaded from a file in .model.
    for (const t of ws.getTables() as unknown as {
      table?: { name: string; tableRef: string };
      model?: { name: string; tableRef: string };
    }[]) {
      const table = (t.table ?? t.model)!;
      model.tables.push({ name: table.name, sheet: ws.name, ref: table.tableRef, showTotals: false });
    }
  });
  return FakeExcel.fromModel(model);
}
