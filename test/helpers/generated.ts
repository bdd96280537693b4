import ExcelJS from "exceljs";
import { RawValue } from "../../src/domain";
import { FOLLOW_UP_FORMULAS } from "../../src/app/template";
import { a1 } from "../../src/workbook/address";
import { FakeCell, FakeModel } from "./fakeExcel";

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

/**
 * The template's follow-up as a user fills it, in the simulated Excel: 13 columns (the inputs with
 * quantities and rates, and the four output columns holding the template's PULJE formulas), amounts in a
 * Danish accounting format — the heaviest read per cell (issue: 8,9 MB for 100.000 cells in one request).
 */
export function heavyFollowUpModel(rows: number): FakeModel {
  const headers = [
    "Område",
    "Pulje",
    "Vedtaget budget",
    "Korrigeret budget",
    "Forventet regnskab",
    "Budgetterede fuldtidspersoner",
    "Forventede fuldtidspersoner",
    "Budgetteret refusionssats",
    "Forventet refusionssats",
    ...FOLLOW_UP_FORMULAS.map(([header]) => header),
  ];
  const accounting = '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-';
  const cells: [string, FakeCell][] = headers.map((h, c) => [a1(1, c + 1), { value: h }]);
  for (let r = 2; r <= rows + 1; r++) {
    const i = r - 2;
    const values: RawValue[] = [
      `Område ${i}`,
      "Budgetgaranti",
      10_000 + i,
      10_000 + i,
      10_000 + ((i * 37) % 700) - 200,
      1_000,
      1_000 + (i % 90),
      0.5,
      0.5 - (i % 3) / 100,
    ];
    values.forEach((value, c) =>
      cells.push([a1(r, c + 1), { value, ...(c >= 2 && c <= 4 ? { numberFormat: accounting } : {}) }]),
    );
    FOLLOW_UP_FORMULAS.forEach(([, formula], k) =>
      cells.push([a1(r, values.length + k + 1), { value: null, formula }]),
    );
  }
  return {
    sheets: [
      { name: "Opfølgning", protected: false, cells },
      {
        name: "Regler",
        protected: false,
        cells: [
          ["A1", { value: "Parameter" }],
          ["B1", { value: "Værdi" }],
          ["A2", { value: "Budgetår" }],
          ["B2", { value: 2025 }],
        ],
      },
    ],
    tables: [
      {
        name: "Opfoelgning",
        sheet: "Opfølgning",
        ref: `A1:${a1(rows + 1, headers.length)}`,
        showTotals: false,
      },
    ],
  };
}
