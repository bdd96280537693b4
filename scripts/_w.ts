import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]!);
  const ws = wb.getWorksheet(process.argv[3]!)!;
  const [a, b] = process.argv[4]!.split(":").map(Number);
  for (let r = a!; r <= b!; r++) console.log(r, JSON.stringify(ws.getRow(r).values).slice(0, 400));
})();
