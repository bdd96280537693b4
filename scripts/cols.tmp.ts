import ExcelJS from "exceljs";
import { columnPoints } from "../src/workbook/textWidth";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]!);
  for (const ws of wb.worksheets) {
    const widths: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? 8.43);
    const pts = widths.reduce((s, w) => s + columnPoints(w), 0);
    console.log(
      ws.name,
      ws.columnCount,
      pts.toFixed(0),
      (741 / pts).toFixed(2),
      widths.map((w) => w.toFixed(1)).join(" "),
    );
  }
})();
