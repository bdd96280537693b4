import { cellText, ColumnSpec, fieldCell, isBlank, RawRecord, readNumber } from "./cells";
import { difference, sum } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { economyFlag, Flag, quantityFlag, refundFlag } from "./flags";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { OUTSIDE_POOLS, Parameters } from "./parameters";
import { Amount } from "./units";

export type FollowUpField =
  | "område"
  | "pulje"
  | "vedtaget"
  | "korrigeret"
  | "forventet"
  | "budgetPersoner"
  | "forventedePersoner"
  | "budgetRefusion"
  | "forventetRefusion";

/** The Opfoelgning table's input columns (docs/workbook.md). */
export const FOLLOW_UP_COLUMNS: readonly ColumnSpec<FollowUpField>[] = [
  { field: "område", header: "Område", required: true },
  { field: "pulje", header: "Pulje", required: true },
  { field: "vedtaget", header: "Vedtaget budget", required: false },
  // Korrigeret budget, or else Vedtaget budget, is the budget of the deviation (R1; checked when located).
  { field: "korrigeret", header: "Korrigeret budget", required: false },
  { field: "forventet", header: "Forventet regnskab", required: true },
  // The minutes' word is fuldtidspersoner; helårspersoner and antal ledige mean the same here (R2.2).
  {
    field: "budgetPersoner",
    header: "Budgetterede fuldtidspersoner",
    required: false,
    aliases: ["Budgetterede helårspersoner", "Budgetteret antal ledige", "Budgetterede antal ledige"],
  },
  {
    field: "forventedePersoner",
    header: "Forventede fuldtidspersoner",
    required: false,
    aliases: ["Forventede helårspersoner", "Forventet antal ledige", "Forventede antal ledige"],
  },
  { field: "budgetRefusion", header: "Budgetteret refusionssats", required: false },
  { field: "forventetRefusion", header: "Forventet refusionssats", required: false },
];

export interface FollowUpRow {
  område: string;
  pulje: string;
  vedtaget?: Amount;
  korrigeret: Amount;
  forventet: Amount;
  budgetPersoner?: number;
  forventedePersoner?: number;
  budgetRefusion?: number;
  forventetRefusion?: number;
  at?: Location;
}

export interface FollowUpRowResult {
  row: FollowUpRow;
  afvigelse: Amount;
  økonomi: Flag;
  mængder: Flag;
  refusion: Flag;
}

export interface GroupTotals {
  vedtaget: Amount;
  korrigeret: Amount;
  forventet: Amount;
  afvigelse: Amount;
}

export interface FollowUpResult {
  rows: FollowUpRowResult[];
  /** Per pool group in order of first appearance, including groups outside the pools. */
  groups: Map<string, GroupTotals>;
  /** All groups except those outside the pools (R1). */
  total: GroupTotals;
}

/** R1: afvigelse = korrigeret − forventet (+ = mindreforbrug). */
export function deviation(korrigeret: Amount, forventet: Amount): Amount {
  return difference(korrigeret, forventet);
}

export function isOutsidePools(pool: string): boolean {
  return normalizeName(pool) === normalizeName(OUTSIDE_POOLS);
}

/** R1 and R2 over a follow-up table: row deviations, the three flags, subtotals and the total. */
export function computeFollowUp(rows: readonly FollowUpRow[], parameters: Parameters): FollowUpResult {
  const results = rows.map((row) => ({
    row,
    afvigelse: deviation(row.korrigeret, row.forventet),
    økonomi: economyFlag(row.korrigeret, row.forventet, parameters),
    mængder: quantityFlag(row.budgetPersoner, row.forventedePersoner, parameters),
    refusion: refundFlag(row.budgetRefusion, row.forventetRefusion, parameters),
  }));
  // Group by normalised pool name, keeping the first spelling seen.
  const members = new Map<string, FollowUpRow[]>();
  const keyOf = new Map<string, string>();
  for (const row of rows) {
    const normalized = normalizeName(row.pulje);
    const key = keyOf.get(normalized) ?? row.pulje;
    keyOf.set(normalized, key);
    const group = members.get(key);
    if (group) group.push(row);
    else members.set(key, [row]);
  }
  const groups = new Map<string, GroupTotals>();
  for (const [pool, groupRows] of members) groups.set(pool, totals(groupRows));
  return { rows: results, groups, total: totals(rows.filter((r) => !isOutsidePools(r.pulje))) };
}

function totals(rows: readonly FollowUpRow[]): GroupTotals {
  return {
    vedtaget: sum(rows.map((r) => r.vedtaget ?? 0)),
    korrigeret: sum(rows.map((r) => r.korrigeret)),
    forventet: sum(rows.map((r) => r.forventet)),
    afvigelse: sum(rows.map((r) => deviation(r.korrigeret, r.forventet))),
  };
}

const HEADERS = new Map(FOLLOW_UP_COLUMNS.map((c) => [c.field, c.header]));
const header = (field: FollowUpField) => HEADERS.get(field)!;

/**
 * Reads raw follow-up rows. Rows whose first column (Område) is empty are skipped and rows starting with
 * "#" are comments (docs/workbook.md). A row with an unreadable required number is reported and left out; the
 * caller must not present totals as complete when the diagnostics hold errors.
 */
export function readFollowUpRows(
  records: readonly RawRecord<FollowUpField>[],
  diagnostics: DiagnosticSink,
  /** Told of each row left out because it has neither budget nor forecast (R0.5). */
  onBlank?: (område: string, at: Location | undefined) => void,
): FollowUpRow[] {
  const rows: FollowUpRow[] = [];
  for (const record of records) {
    const område = cellText(record.cells.område);
    if (område === undefined || område.startsWith("#")) continue;
    const pulje = cellText(record.cells.pulje);
    if (pulje === undefined)
      diagnostics.error(
        "MISSING_VALUE",
        messages.missingValue(header("pulje")),
        fieldCell(record, "pulje").at,
      );
    const amount = (field: FollowUpField, required: boolean, rate = false) =>
      readNumber(fieldCell(record, field), { field: header(field), required, rate }, diagnostics);
    // The deviation's budget: Korrigeret budget where the table has it, else Vedtaget budget (R1).
    const budgetField: FollowUpField = record.cells.korrigeret ? "korrigeret" : "vedtaget";
    // R0.5: a line with neither budget nor forecast does not exist in this year (no diagnostic here;
    // a row blank in every year is reported by the caller, which knows the year columns).
    if (isBlank(record.cells[budgetField]?.value) && isBlank(record.cells.forventet?.value)) {
      onBlank?.(område, record.at);
      continue;
    }
    const korrigeret = amount(budgetField, true);
    const forventet = amount("forventet", true);
    const row: FollowUpRow = {
      område,
      pulje: pulje ?? "",
      korrigeret: korrigeret ?? 0,
      forventet: forventet ?? 0,
      // Read once: without Korrigeret budget the Vedtaget cell is the budget already read.
      vedtaget: budgetField === "vedtaget" ? korrigeret : amount("vedtaget", false),
      budgetPersoner: amount("budgetPersoner", false),
      forventedePersoner: amount("forventedePersoner", false),
      budgetRefusion: amount("budgetRefusion", false, true),
      forventetRefusion: amount("forventetRefusion", false, true),
      at: record.at,
    };
    if (pulje !== undefined && korrigeret !== undefined && forventet !== undefined) rows.push(row);
  }
  return rows;
}
