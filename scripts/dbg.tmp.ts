import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile("out/reservationspulje-2018-resultat.xlsx");
  const ws = wb.getWorksheet("Sag")!;
  for (let c = 1; c <= 10; c++) console.log(c, ws.getColumn(c).width);
  for (const r of [68, 69, 70, 71])
    console.log(r, ws.getRow(r).height, JSON.stringify(ws.getRow(r).values).slice(0, 300));
})();
