import {
  BUDGET_MODEL_COLUMNS,
  ColumnSpec,
  FOLLOW_UP_COLUMNS,
  INVESTMENT_COLUMNS,
  LEDGER_COLUMNS,
  YEAR_END_COLUMNS,
} from "../domain";

/** What an output column holds; decides its number format, fills and which existing values are ours. */
export type OutputKind = "amount" | "flag" | "ratio";

export interface OutputColumn {
  key: string;
  header: string;
  kind: OutputKind;
}

/** One table of WORKBOOK.md: its table name, its sheet, its input columns and the columns it gets. */
export interface TableContract {
  key: "parameters" | "followUp" | "ledger" | "budgetModel" | "yearEnd" | "investments";
  tableName: string;
  sheetName: string;
  columns: readonly ColumnSpec[];
  outputs: readonly OutputColumn[];
}

export const PARAMETER_COLUMNS: readonly ColumnSpec<"name" | "value">[] = [
  { field: "name", header: "Parameter", required: true },
  { field: "value", header: "Værdi", required: true },
];

export const CONTRACT: readonly TableContract[] = [
  { key: "parameters", tableName: "Parametre", sheetName: "Regler", columns: PARAMETER_COLUMNS, outputs: [] },
  {
    key: "followUp",
    tableName: "Opfoelgning",
    sheetName: "Opfølgning",
    columns: FOLLOW_UP_COLUMNS,
    outputs: [
      { key: "afvigelse", header: "Mer-/mindreforbrug", kind: "amount" },
      { key: "økonomi", header: "Økonomi", kind: "flag" },
      { key: "mængder", header: "Mængder", kind: "flag" },
      { key: "refusion", header: "Refusion", kind: "flag" },
    ],
  },
  {
    key: "ledger",
    tableName: "Reservationspulje",
    sheetName: "Reservationspulje",
    columns: LEDGER_COLUMNS,
    outputs: [{ key: "total", header: "I alt", kind: "amount" }],
  },
  {
    key: "budgetModel",
    tableName: "Budgetmodel",
    sheetName: "Budgetmodel",
    columns: BUDGET_MODEL_COLUMNS,
    outputs: [{ key: "reservationspulje", header: "Reservationspulje", kind: "amount" }],
  },
  {
    key: "yearEnd",
    tableName: "Regnskab",
    sheetName: "Regnskab",
    columns: YEAR_END_COLUMNS,
    outputs: [
      { key: "afvigelse", header: "Afvigelse", kind: "amount" },
      { key: "kassen", header: "Kassen", kind: "amount" },
      { key: "overførsel", header: "Overførsel", kind: "amount" },
    ],
  },
  {
    key: "investments",
    tableName: "Investeringer",
    sheetName: "Investeringer",
    columns: INVESTMENT_COLUMNS,
    outputs: [
      { key: "nettogevinst", header: "Nettogevinst", kind: "amount" },
      { key: "afkastgrad", header: "Afkastgrad", kind: "ratio" },
      { key: "realiseretNettogevinst", header: "Realiseret nettogevinst", kind: "amount" },
      { key: "flag", header: "Flag", kind: "flag" },
    ],
  },
];

export function contractFor(key: TableContract["key"]): TableContract {
  return CONTRACT.find((c) => c.key === key)!;
}

/** Sheets the tool generates and owns entirely. */
export const APPROPRIATIONS_SHEET = "Tillægsbevillinger";
export const APPROPRIATIONS_HEADERS = ["Nr", "Tekst", "Beløb (kr.)", "År", "Fra", "Til"];
export const SUMMARY_SHEET = "Resultat";
/** The first cell of the summary sheet; a sheet of that name without it is the user's and is refused. */
export const SUMMARY_TITLE = "Reservationspuljen – resultat";

/** Number format codes are en-US in OOXML and Office.js; Danish Excel shows #,##0 as 8.132. */
export const NUMBER_FORMATS = { amount: "#,##0", ratio: "0.00", rate: "0.0%", text: "@" } as const;

/** Fill colours for the flag words (Excel's good / neutral / bad styles), as ARGB. */
export const FLAG_FILLS = { GRØN: "FFC6EFCE", GUL: "FFFFEB9C", RØD: "FFFFC7CE" } as const;
export const FLAG_FONTS = { GRØN: "FF006100", GUL: "FF9C5700", RØD: "FF9C0006" } as const;
