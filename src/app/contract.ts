import type { SnapshotRequest } from "../workbook/port";
import {
  BUDGET_MODEL_COLUMNS,
  ColumnSpec,
  FOLLOW_UP_COLUMNS,
  INDICATOR_COLUMNS,
  INVESTMENT_COLUMNS,
  LEDGER_COLUMNS,
  PROGNOSIS_COLUMNS,
  SENSITIVITY_COLUMNS,
  YEAR_END_COLUMNS,
} from "../domain";

/** What an output column holds; decides its number format, fills and which existing values are ours. */
export type OutputKind = "amount" | "flag" | "ratio";

export interface OutputColumn {
  key: string;
  header: string;
  kind: OutputKind;
}

/** One table of the workbook contract (docs/workbook.md): its table name, its sheet, its input columns and the columns it gets. */
export interface TableContract {
  key:
    | "parameters"
    | "followUp"
    | "ledger"
    | "budgetModel"
    | "yearEnd"
    | "investments"
    | "prognoses"
    | "sensitivity"
    | "grantInputs"
    | "indicators";
  tableName: string;
  sheetName: string;
  columns: readonly ColumnSpec[];
  outputs: readonly OutputColumn[];
}

/**
 * The output columns per table, with their keys typed: the write plan's records are checked against
 * them by the compiler (a misspelt key is an error, not a silently missing column).
 */
export const OUTPUTS = {
  followUp: [
    { key: "afvigelse", header: "Mer-/mindreforbrug", kind: "amount" },
    { key: "økonomi", header: "Økonomi", kind: "flag" },
    { key: "mængder", header: "Mængder", kind: "flag" },
    { key: "refusion", header: "Refusion", kind: "flag" },
  ],
  ledger: [{ key: "total", header: "I alt", kind: "amount" }],
  budgetModel: [{ key: "reservationspulje", header: "Reservationspulje", kind: "amount" }],
  yearEnd: [
    { key: "afvigelse", header: "Afvigelse", kind: "amount" },
    { key: "kassen", header: "Kassen", kind: "amount" },
    { key: "overførsel", header: "Overførsel", kind: "amount" },
  ],
  investments: [
    { key: "nettogevinst", header: "Nettogevinst", kind: "amount" },
    { key: "afkastgrad", header: "Afkastgrad", kind: "ratio" },
    { key: "realiseretNettogevinst", header: "Realiseret nettogevinst", kind: "amount" },
    { key: "flag", header: "Flag", kind: "flag" },
    // Only written when the table has a Tidligere nettogevinst column.
    { key: "ændring", header: "Ændring i nettogevinst", kind: "amount" },
  ],
  prognoses: [
    { key: "total", header: "I alt", kind: "amount" },
    { key: "resultat", header: "Resultat", kind: "amount" },
    { key: "budgetvaernBrugt", header: "Budgetværn brugt", kind: "amount" },
    { key: "kassefinansiering", header: "Kassefinansiering", kind: "amount" },
    { key: "flag", header: "Puljeflag", kind: "flag" },
  ],
  indicators: [
    { key: "forslag", header: "Forslag", kind: "flag" },
    { key: "farve", header: "Farve", kind: "flag" },
  ],
} as const satisfies Record<string, readonly OutputColumn[]>;

/** The tables that get output columns. */
export type OutputTable = keyof typeof OUTPUTS;
/** The output keys of one table ("afvigelse", "økonomi" … for followUp). */
export type OutputKey<K extends OutputTable> = (typeof OUTPUTS)[K][number]["key"];

/** The sheet of the prognoses, the sensitivity ranges and the § 23 a inputs. */
export const REGULATIONS_SHEET = "Reguleringer";

export const GRANT_INPUT_COLUMNS: readonly ColumnSpec<"label" | "value">[] = [
  { field: "label", header: "Input", required: true },
  { field: "value", header: "Værdi", required: true },
];

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
    outputs: OUTPUTS.followUp,
  },
  {
    key: "ledger",
    tableName: "Reservationspulje",
    sheetName: "Reservationspulje",
    columns: LEDGER_COLUMNS,
    outputs: OUTPUTS.ledger,
  },
  {
    key: "budgetModel",
    tableName: "Budgetmodel",
    sheetName: "Budgetmodel",
    columns: BUDGET_MODEL_COLUMNS,
    outputs: OUTPUTS.budgetModel,
  },
  {
    key: "yearEnd",
    tableName: "Regnskab",
    sheetName: "Regnskab",
    columns: YEAR_END_COLUMNS,
    outputs: OUTPUTS.yearEnd,
  },
  {
    key: "investments",
    tableName: "Investeringer",
    sheetName: "Investeringer",
    columns: INVESTMENT_COLUMNS,
    outputs: OUTPUTS.investments,
  },
  // The Reguleringer sheet (docs/rules.md R6): three blocks, found by their headers like any other table.
  {
    key: "prognoses",
    tableName: "Prognoser",
    sheetName: REGULATIONS_SHEET,
    columns: PROGNOSIS_COLUMNS,
    outputs: OUTPUTS.prognoses,
  },
  {
    key: "sensitivity",
    tableName: "Foelsomhed",
    sheetName: REGULATIONS_SHEET,
    columns: SENSITIVITY_COLUMNS,
    outputs: [],
  },
  {
    key: "grantInputs",
    tableName: "Tilskudsberegning",
    sheetName: REGULATIONS_SHEET,
    columns: GRANT_INPUT_COLUMNS,
    outputs: [],
  },
  // R13: the user's colour and sentence per headline indicator (optional sheet).
  {
    key: "indicators",
    tableName: "Indikatorer",
    sheetName: "Indikatorer",
    columns: INDICATOR_COLUMNS,
    outputs: OUTPUTS.indicators,
  },
];

export function contractFor(key: TableContract["key"]): TableContract {
  return CONTRACT.find((c) => c.key === key)!;
}

/** Sheets the tool generates and owns entirely. */
export const APPROPRIATIONS_SHEET = "Tillægsbevillinger";
export const APPROPRIATIONS_HEADERS = ["Nr", "Tekst", "Beløb (kr.)", "År", "Fra", "Til"];
export const SUMMARY_SHEET = "Resultat";
/** The generated sheet with the scenarios, the § 23 a estimate and the sensitivity tables. */
export const SCENARIO_SHEET = "Scenarier";
export const SCENARIO_TITLE = "Reservationspuljen – scenarier";
/** The first cell of the summary sheet; a sheet of that name without it is the user's and is refused. */
export const SUMMARY_TITLE = "Reservationspuljen – resultat";

/** The sheets the tool generates (read with the snapshot, so a re-run recognises and replaces them). */
/** R14.1: the bevillingstabel (Odense's form). */
export const APPROPRIATION_TABLE_SHEET = "Bevillinger";
export const APPROPRIATION_TABLE_TITLE = "Reservationspuljen – bevillingstabel (kr.)";

/** R11: the years side by side. */
export const OVERVIEW_SHEET = "Overblik";
export const OVERVIEW_TITLE = "Reservationspuljen – årene side om side";
/** R14.2: the committee case's tables, each on its own printed page. */
export const CASE_SHEET = "Sag";
/** Issue 30: where each figure of the case comes from, and the fingerprint of what Beregn read. */
export const TRACE_SHEET = "Spor";
export const TRACE_TITLE = "Reservationspuljen – grundlag for tallene";

export const GENERATED_SHEETS = [
  SUMMARY_SHEET,
  SCENARIO_SHEET,
  APPROPRIATIONS_SHEET,
  APPROPRIATION_TABLE_SHEET,
  CASE_SHEET,
  OVERVIEW_SHEET,
  TRACE_SHEET,
] as const;

/** Number format codes are en-US in OOXML and Office.js; Danish Excel shows #,##0 as 8.132. */
export const NUMBER_FORMATS = { amount: "#,##0", ratio: "0.00", rate: "0.0%", text: "@" } as const;

/** Fill colours for the flag words (Excel's good / neutral / bad styles), as ARGB. */
export const FLAG_FILLS = { GRØN: "FFC6EFCE", GUL: "FFFFEB9C", RØD: "FFFFC7CE" } as const;
export const FLAG_FONTS = { GRØN: "FF006100", GUL: "FF9C5700", RØD: "FF9C0006" } as const;
/** The case's dots (●) in the pure colours the minutes print; grey for "–" (not assessed). */
export const DOT_COLOURS = { GRØN: "FF00B050", GUL: "FFFFC000", RØD: "FFFF0000" } as const;
export const NOT_ASSESSED_COLOUR = "FF808080";

/** Each table as users speak of it (its code name, "Opfoelgning", is for formulas and the contract). */
const TABLE_WORDS: Record<TableContract["key"], string> = {
  parameters: "parametrene",
  followUp: "opfølgningen",
  ledger: "reservationspuljen",
  budgetModel: "budgetmodellen",
  yearEnd: "regnskabet",
  investments: "investeringsprojekterne",
  prognoses: "prognoserne",
  sensitivity: "følsomhedstabellen",
  grantInputs: "tilskudsberegningen",
  indicators: "hovedindikatorerne",
};

/** How a table is named to users: "opfølgningen på arket Opfølgning" — never by its code name. */
export function tableLabel(contract: Pick<TableContract, "key" | "sheetName">): string {
  return `${TABLE_WORDS[contract.key]} på arket ${contract.sheetName}`;
}

/** What a run reads in full: the contract's sheets (by sheet or table name) and the generated sheets. */
export const READ_REQUEST: SnapshotRequest = {
  names: [...CONTRACT.flatMap((c) => [c.sheetName, c.tableName]), ...GENERATED_SHEETS],
};
