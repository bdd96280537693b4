import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import {
  Diagnostics,
  GRANT_INPUT_DEFINITIONS,
  PARAMETER_DEFINITIONS,
  readParameters,
  rulesSheetRows,
} from "../domain";
import { NUMBER_FORMATS, REGULATIONS_SHEET } from "../app/contract";

/** The 2018 tables committed with the project, in the workbook contract's column names. */
export const SAMPLE_DIR = join(__dirname, "..", "..", "samples", "2018");

interface CsvTable {
  note: string;
  headers: string[];
  rows: (string | number | null)[][];
}

/** Reads a ';'-separated table; '#' lines are notes; numbers stay numbers, blanks are empty cells. */
export function readSampleCsv(path: string): CsvTable {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const note = lines
    .filter((l) => l.startsWith("#"))
    .map((l) => l.slice(1).trim())
    .join(" ");
  const [header, ...rows] = lines.filter((l) => !l.startsWith("#")).map((l) => l.split(";"));
  return {
    note,
    headers: header!,
    rows: rows.map((cells) =>
      cells.map((c) => (c === "" ? null : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)),
    ),
  };
}

export interface SampleOptions {
  /** Excel tables (ListObjects) when true, plain header blocks under a title when false. */
  asTables: boolean;
  dir?: string;
}

interface SheetSpec {
  sheet: string;
  table: string;
  title: string;
  data: CsvTable;
  /** Columns (0-based) to show with thousands separators. */
  amountColumns: number[];
}

/** Builds the sample workbook from the committed 2018 tables. */
export function buildSampleWorkbook(options: SampleOptions): ExcelJS.Workbook {
  const dir = options.dir ?? SAMPLE_DIR;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Reservationspuljen";
  const csv = (name: string) => readSampleCsv(join(dir, name));
  const specs: SheetSpec[] = [
    {
      sheet: "Regler",
      table: "Parametre",
      title: "Regler og parametre",
      data: rulesTable(csv("regler.csv")),
      amountColumns: [],
    },
    {
      sheet: "Opfølgning",
      table: "Opfoelgning",
      title: "Opfølgning 2. halvår 2018 (1.000 kr.)",
      data: csv("opfoelgning.csv"),
      amountColumns: [2, 3, 4],
    },
    {
      sheet: "Reservationspulje",
      table: "Reservationspulje",
      title: "Reservationspuljerne 2018 (1.000 kr.)",
      data: csv("reservationspulje.csv"),
      amountColumns: [4, 5],
    },
    {
      sheet: "Budgetmodel",
      table: "Budgetmodel",
      title: "Budgetmodel (1.000 kr.)",
      data: csv("budgetmodel.csv"),
      amountColumns: [2, 3],
    },
    {
      sheet: "Investeringer",
      table: "Investeringer",
      title: "Investeringsprojekter 2017-2020 (kr.)",
      data: csv("investeringer.csv"),
      amountColumns: [2, 3, 4, 5],
    },
  ];
  for (const spec of specs) addSheet(wb, spec, options.asTables);
  addRegulationsSheet(wb, csv, options.asTables);
  return wb;
}

/** The Reguleringer sheet: prognoses, sensitivity ranges and the (empty) § 23 a input block, stacked. */
function addRegulationsSheet(wb: ExcelJS.Workbook, csv: (name: string) => CsvTable, asTables: boolean): void {
  const ws = wb.addWorksheet(REGULATIONS_SHEET);
  ws.getCell("A1").value = "Reguleringer 2018 (1.000 kr.)";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const grant: CsvTable = {
    note: "Egen beregning efter § 23 a: udfyld forudsætningerne; resultatet vises på arket Scenarier.",
    headers: ["Input", "Værdi"],
    rows: GRANT_INPUT_DEFINITIONS.map((d) => [d.label, null]),
  };
  const blocks: [string, CsvTable, number[]][] = [
    ["Prognoser", csv("prognoser.csv"), [6, 7]],
    ["Foelsomhed", csv("foelsomhed.csv"), [1, 2, 3]],
    ["Tilskudsberegning", grant, [1]],
  ];
  let row = 2;
  for (const [name, data, amountColumns] of blocks) {
    ws.getCell(row, 1).value = data.note;
    ws.getCell(row, 1).font = { italic: true, color: { argb: "FF595959" } };
    writeBlock(ws, name, data, row + 1, asTables);
    for (let r = row + 2; r <= row + 1 + data.rows.length; r++)
      for (const col of amountColumns) ws.getCell(r, col + 1).numFmt = NUMBER_FORMATS.amount;
    row += data.rows.length + 4;
  }
  ws.getColumn(1).width = 52;
  for (let col = 2; col <= 8; col++) ws.getColumn(col).width = 20;
}

function writeBlock(
  ws: ExcelJS.Worksheet,
  name: string,
  data: CsvTable,
  headerRow: number,
  asTable: boolean,
): void {
  if (asTable) {
    ws.addTable({
      name,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: data.headers.map((h) => ({ name: h, filterButton: true })),
      rows: data.rows.map((r) => data.headers.map((_, i) => r[i] ?? null)),
    });
  } else {
    ws.getRow(headerRow).values = data.headers;
    ws.getRow(headerRow).font = { bold: true };
    data.rows.forEach((r, i) => (ws.getRow(headerRow + 1 + i).values = r));
  }
}

/** The Regler sheet: every parameter with its value (the sample's own where given) and its meaning. */
function rulesTable(given: CsvTable): CsvTable {
  const diagnostics = new Diagnostics();
  const parameters = readParameters(
    given.rows.map((r, i) => ({
      name: { value: r[0], at: { cell: `A${i + 2}` } },
      value: { value: r[1], at: { cell: `B${i + 2}` } },
    })),
    diagnostics,
  );
  if (diagnostics.hasErrors)
    throw new Error(`Sample parameters are invalid: ${JSON.stringify(diagnostics.items)}`);
  return {
    note: given.note,
    headers: ["Parameter", "Værdi", "Enhed", "Beskrivelse"],
    rows: rulesSheetRows(parameters).map((r) => [r.name, r.value ?? null, r.unitLabel, r.label]),
  };
}

const TITLE_ROWS = 3;

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, asTable: boolean): void {
  const ws = wb.addWorksheet(spec.sheet);
  ws.getCell("A1").value = spec.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = spec.data.note;
  ws.getCell("A2").font = { italic: true, color: { argb: "FF595959" } };
  const headerRow = TITLE_ROWS + 1;
  writeBlock(ws, spec.table, spec.data, headerRow, asTable);
  spec.data.headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 4))));
  ws.getColumn(1).width = spec.sheet === "Regler" ? 42 : 52;
  for (const col of spec.amountColumns) ws.getColumn(col + 1).numFmt = NUMBER_FORMATS.amount;
  if (spec.sheet === "Regler") formatRules(ws, headerRow);
}

function formatRules(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.getColumn(4).width = 90;
  PARAMETER_DEFINITIONS.forEach((d, i) => {
    const cell = ws.getCell(headerRow + 1 + i, 2);
    if (d.kind === "fraction") cell.numFmt = "0.00%";
    else if (d.kind === "amount" || d.kind === "kroner") cell.numFmt = NUMBER_FORMATS.amount;
  });
}

/** Writes the sample workbook to a file. */
export async function writeSampleWorkbook(path: string, options: SampleOptions): Promise<void> {
  await buildSampleWorkbook(options).xlsx.writeFile(path);
}
