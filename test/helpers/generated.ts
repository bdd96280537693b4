import ExcelJS from "exceljs";

/** A generated workbook: an Opfoelgning table of `rows` rows and a Regler sheet (tests and bench). */
export function followUpWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Opfølgning").addTable({
    name: "Opfoelgning",
    ref: "A1",
    headerRow: true,
    columns: ["Område", "Pulje", "Korrigeret budget", "Forventet regnskab"].map((name) => ({
      name,
      filterButton: true,
    })),
    rows: Array.from({ length: rows }, (_, i) => [
      `Område ${i}`,
      "Budgetgaranti",
      10_000 + i,
      10_000 + ((i * 37) % 700) - 200,
    ]),
  });
  wb.addWorksheet("Regler").addRows([
    ["Parameter", "Værdi"],
    ["Budgetår", 2025],
  ]);
  return wb;
}
