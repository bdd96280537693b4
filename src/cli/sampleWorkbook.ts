import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { Diagnostics, GRANT_INPUT_DEFINITIONS, readParameters, rulesSheetRows } from "../domain";
import { planTemplate, TableData } from "../app/template";
import type { TableContract } from "../app/contract";
import { FileWorkbook } from "../workbook/fileWorkbook";

/** The 2018 tables committed with the project, in the workbook contract's column names. */
export const SAMPLE_DIR = join(__dirname, "..", "..", "samples", "2018");

interface CsvTable {
  note: string;
  headers: string[];
  rows: (string | number | null)[][];
}

/** The fields of one ';'-separated line; a field in double quotes may hold ';' ("2023: 50 %; 2024: 50 %"). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ";") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
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
  const [header, ...rows] = lines.filter((l) => !l.startsWith("#")).map(csvFields);
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

/**
 * The demo's workbook: the template ("Indsæt skabelon", app/template.ts) with the committed 2018 rows,
 * written through the file port — the same sheets, tables, formats and lists a user gets in Excel.
 */
export function buildSampleWorkbook(options: SampleOptions): ExcelJS.Workbook {
  const dir = options.dir ?? SAMPLE_DIR;
  const csv = (name: string) => readSampleCsv(join(dir, name));
  const table = (data: CsvTable, title: string | undefined, amountColumns: number[]): TableData => ({
    headers: data.headers,
    rows: data.rows,
    note: data.note,
    amountColumns,
    ...(title ? { title } : {}),
  });
  const rules = rulesTable(csv("regler.csv"));
  const grant: CsvTable = {
    note: "Egen beregning efter § 23 a: udfyld forudsætningerne; resultatet vises på arket Scenarier.",
    headers: ["Input", "Værdi"],
    rows: GRANT_INPUT_DEFINITIONS.map((d) => [d.label, null]),
  };
  const { plan } = planTemplate(
    { sheetNames: [], tableNames: [] },
    {
      formulas: false,
      asTables: options.asTables,
      // The 2018 minutes have no year-end table: the sample leaves Regnskab out.
      only: [
        "parameters",
        "followUp",
        "ledger",
        "budgetModel",
        "investments",
        "prognoses",
        "sensitivity",
        "grantInputs",
        "indicators",
      ],
      data: {
        parameters: { ...table(rules, "Regler og parametre", []), amountColumns: undefined },
        followUp: table(csv("opfoelgning.csv"), "Opfølgning 2. halvår 2018 (1.000 kr.)", [2, 3, 4]),
        ledger: table(csv("reservationspulje.csv"), "Reservationspuljerne 2018 (1.000 kr.)", [4, 5]),
        budgetModel: table(csv("budgetmodel.csv"), "Budgetmodel (1.000 kr.)", [2, 3]),
        investments: table(csv("investeringer.csv"), "Investeringsprojekter 2017-2020 (kr.)", [2, 3, 4, 5]),
        prognoses: table(csv("prognoser.csv"), "Reguleringer 2018 (1.000 kr.)", [6, 7]),
        sensitivity: table(csv("foelsomhed.csv"), undefined, [1, 2, 3]),
        grantInputs: table(grant, undefined, [1]),
        indicators: table(csv("indikatorer.csv"), "Hovedindikatorer 2. halvår 2018", []),
      },
    },
  );
  const file = FileWorkbook.empty();
  file.applyNow(plan);
  file.workbook.creator = "Reservationspuljen";
  return file.workbook;
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

/** The August 2024 minutes' tables (samples/2024): years side by side, one pool, a ledger per year. */
export const YEARS_SAMPLE_DIR = join(__dirname, "..", "..", "samples", "2024");

/**
 * The years sample: Økonomisk Status 2024 and Budget 2025 as the minutes print them — the follow-up with
 * Regnskab 2023, Vedtaget budget 2024, Forventet regnskab 2024 and Budget 2025 (blank where a line does
 * not exist), the ledgers for 2023 and 2024 (År) with the linked Vurdering, the budget model for 2025; an
 * orientation (Sagstype in regler.csv).
 */
export function buildYearsSampleWorkbook(options: SampleOptions): ExcelJS.Workbook {
  return csvSampleWorkbook(options.dir ?? YEARS_SAMPLE_DIR, options.asTables, {
    followUp: ["opfoelgning.csv", "Økonomisk Status 2024 og Budget 2025 (1.000 kr.)", [2, 3, 4, 5]],
    ledger: ["reservationspulje.csv", "Reservationspuljen 2023 og 2024 (1.000 kr.)", [5]],
    budgetModel: ["budgetmodel.csv", "Budgetmodel 2025 (1.000 kr.)", [2, 3]],
  });
}

/** The accounts case (samples/regnskab-2023): figures of the project's own, in the structure of the minutes. */
export const ACCOUNTS_SAMPLE_DIR = join(__dirname, "..", "..", "samples", "regnskab-2023");

/**
 * The accounts sample: an årsberetning for 2023 decided in April 2024 — the Regnskab table (headers with
 * the accounts' year, two lines converted from Særlige driftsområder to Service), the ledgers for 2023 and
 * 2024 with the Regnskab line and the investments' changes fed by their År, and the pool's indicator.
 */
export function buildAccountsSampleWorkbook(options: SampleOptions): ExcelJS.Workbook {
  return csvSampleWorkbook(options.dir ?? ACCOUNTS_SAMPLE_DIR, options.asTables, {
    yearEnd: ["regnskab.csv", "Regnskab 2023 (kr.)", [3, 4]],
    ledger: ["reservationspulje.csv", "Reservationspuljen 2023 og 2024 (kr.)", [5]],
    investments: ["investeringer.csv", "Investeringsprojekter (kr.)", [2, 3, 4, 5, 6]],
    indicators: ["indikatorer.csv", "Hovedindikatorer, regnskab 2023", []],
  });
}

/**
 * A sample workbook from a folder of CSV files: the Regler sheet from regler.csv (every parameter, the
 * sample's own values where given) and each named table from its file, under its title, with its amount
 * columns — through the template, as "Indsæt skabelon" would lay them out.
 */
function csvSampleWorkbook(
  dir: string,
  asTables: boolean,
  files: Partial<Record<TableContract["key"], [file: string, title: string, amountColumns: number[]]>>,
): ExcelJS.Workbook {
  const csv = (name: string) => readSampleCsv(join(dir, name));
  const rules = rulesTable(csv("regler.csv"));
  const data: Partial<Record<TableContract["key"], TableData>> = {
    parameters: { headers: rules.headers, rows: rules.rows, note: rules.note, title: "Regler og parametre" },
  };
  for (const [key, [file, title, amountColumns]] of Object.entries(files) as [
    TableContract["key"],
    [string, string, number[]],
  ][]) {
    const table = csv(file);
    data[key] = { headers: table.headers, rows: table.rows, note: table.note, amountColumns, title };
  }
  const { plan } = planTemplate(
    { sheetNames: [], tableNames: [] },
    { formulas: false, asTables, only: Object.keys(data) as TableContract["key"][], data },
  );
  const file = FileWorkbook.empty();
  file.applyNow(plan);
  file.workbook.creator = "Reservationspuljen";
  return file.workbook;
}

/** Writes the sample workbook to a file. */
export async function writeSampleWorkbook(
  path: string,
  options: SampleOptions,
  build: (options: SampleOptions) => ExcelJS.Workbook = buildSampleWorkbook,
): Promise<void> {
  await build(options).xlsx.writeFile(path);
}
