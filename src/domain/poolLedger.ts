import { cellText, ColumnSpec, fieldCell, isBlank, RawCell, RawRecord, readNumber } from "./cells";
import { sum } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { Amount } from "./units";

/** Movement types of docs/rules.md R4; Saldo and Resultat are computed lines. */
export const MOVEMENT_TYPES = [
  "Oprindelig",
  "Vurdering",
  "Investeringsprojekter",
  "DUT",
  "Midtvejsregulering",
  "Efterregulering",
  "Regnskab",
  "Anden regulering",
  "Saldo",
  "Resultat",
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export type Status = "Endelig" | "Prognose";

export const TOTAL_COLUMN = "I alt";
/**
 * The one name of the part of the budgetværn that covers the pool's deficit (R5), in the terminal, the
 * pane, the workbook (the contract's output column) and the case.
 */
export const BUDGETVAERN_USED = "Budgetværn brugt";
/** The one name of the area's own result (the follow-up's and the investments' movements, R3). */
export const AREA_RESULT = "Områdets eget resultat (uden reguleringer)";

/** Saldo and Resultat: the lines the tool computes (any type text may be asked about). */
export function isComputedType(type: string): boolean {
  return type === "Saldo" || type === "Resultat";
}

/** One ledger line; `values` has one amount per sub-pool, in the ledger's pool order (blank = 0). */
export interface LedgerLine {
  post: string;
  type: MovementType;
  status: Status;
  kilde?: string;
  values: Amount[];
  /** The ledger's year (R11: one ledger per year); absent = the Budgetår. */
  år?: number;
  at?: Location;
}

export interface Ledger {
  pools: string[];
  lines: LedgerLine[];
}

export interface ComputedLedgerLine extends LedgerLine {
  /** The combined column: the sum of the sub-pools. */
  total: Amount;
}

export interface PoolAmounts {
  perPool: Amount[];
  total: Amount;
}

export interface LedgerResult {
  pools: string[];
  /** Every line; Saldo and Resultat lines hold their running balances. */
  lines: ComputedLedgerLine[];
  /** The Resultat line's values, or the sum of all movements when there is none. */
  result: PoolAmounts;
  /** The same without movements of status Prognose (R5.3). */
  resultExcludingPrognoses: PoolAmounts;
}

function amounts(perPool: Amount[]): PoolAmounts {
  return { perPool, total: sum(perPool) };
}

/**
 * R4/R5.3: fills Saldo and Resultat lines with the sum of every movement above them, per sub-pool,
 * and every line's I alt with the sum of its sub-pools. The result is the first Resultat line (movements
 * below it are not part of the result), or the sum of all movements when there is no Resultat line.
 */
export function computeLedger(ledger: Ledger): LedgerResult {
  const n = ledger.pools.length;
  const running: Amount[][] = Array.from({ length: n }, () => []);
  const runningFinal: Amount[][] = Array.from({ length: n }, () => []);
  let result: PoolAmounts | undefined;
  let resultExcludingPrognoses: PoolAmounts | undefined;
  const lines: ComputedLedgerLine[] = ledger.lines.map((line) => {
    if (isComputedType(line.type)) {
      const values = running.map((column) => sum(column));
      if (line.type === "Resultat" && result === undefined) {
        result = amounts(values);
        resultExcludingPrognoses = amounts(runningFinal.map((column) => sum(column)));
      }
      return { ...line, values, total: sum(values) };
    }
    const values = Array.from({ length: n }, (_, i) => line.values[i] ?? 0);
    if (result === undefined) {
      values.forEach((v, i) => {
        running[i]!.push(v);
        if (line.status !== "Prognose") runningFinal[i]!.push(v);
      });
    }
    return { ...line, values, total: sum(values) };
  });
  return {
    pools: [...ledger.pools],
    lines,
    result: result ?? amounts(running.map((column) => sum(column))),
    resultExcludingPrognoses: resultExcludingPrognoses ?? amounts(runningFinal.map((column) => sum(column))),
  };
}

export type LedgerField = "post" | "type" | "status" | "kilde" | "år";

export const LEDGER_COLUMNS: readonly ColumnSpec<LedgerField>[] = [
  { field: "post", header: "Post", required: true },
  { field: "type", header: "Type", required: true },
  { field: "status", header: "Status", required: false },
  { field: "kilde", header: "Kilde", required: false },
  { field: "år", header: "År", required: false },
];

/** A raw ledger row: the fixed columns plus one cell per pool column, in pool order. */
export interface RawLedgerRecord extends RawRecord<LedgerField> {
  poolCells: (RawCell | undefined)[];
}

export function parseMovementType(text: string): MovementType | undefined {
  return MOVEMENT_TYPES.find((t) => normalizeName(t) === normalizeName(text));
}

export function parseStatus(text: string | undefined): Status | undefined {
  if (text === undefined) return "Endelig";
  const n = normalizeName(text);
  if (n === "endelig") return "Endelig";
  if (n === "prognose") return "Prognose";
  return undefined;
}

/**
 * Reads the Reservationspulje table. Computed lines (Saldo, Resultat) need no amounts: whatever they
 * hold will be replaced by the tool. Unknown types and statuses are errors at their cells; a second
 * Resultat line and movements below the Resultat line are warnings.
 */
export function readLedger(
  pools: string[],
  records: readonly RawLedgerRecord[],
  diagnostics: DiagnosticSink,
): Ledger {
  const lines: LedgerLine[] = [];
  // Per year (R11: each year's ledger has its own Resultat line); a line without År is of the Budgetår.
  const seenResult = new Set<number | undefined>();
  for (const record of records) {
    const post = cellText(record.cells.post);
    if (post === undefined || post.startsWith("#")) continue;
    const typeText = cellText(record.cells.type);
    const type = typeText === undefined ? undefined : parseMovementType(typeText);
    if (type === undefined) {
      const at = fieldCell(record, "type").at;
      if (typeText === undefined) diagnostics.error("MISSING_VALUE", messages.missingValue("Type"), at);
      else diagnostics.error("UNKNOWN_TYPE", messages.unknownType(typeText, MOVEMENT_TYPES), at);
      continue;
    }
    const yearCell = record.cells.år;
    let år: number | undefined;
    if (yearCell && !isBlank(yearCell.value)) {
      år = parseYear(yearCell.value);
      if (år === undefined) {
        diagnostics.error("NOT_A_YEAR", messages.notAYear(cellText(yearCell) ?? ""), yearCell.at);
        continue;
      }
    }
    const statusText = cellText(record.cells.status);
    const status = parseStatus(statusText);
    if (status === undefined) {
      diagnostics.error(
        "UNKNOWN_STATUS",
        messages.unknownStatus(statusText ?? ""),
        fieldCell(record, "status").at,
      );
      continue;
    }
    if (type === "Resultat") {
      if (seenResult.has(år))
        diagnostics.warning("DUPLICATE_RESULT", messages.duplicateResult(), fieldCell(record, "type").at);
      seenResult.add(år);
    } else if (seenResult.has(år) && !isComputedType(type)) {
      diagnostics.warning("MOVEMENT_AFTER_RESULT", messages.movementAfterResult(post), record.at);
    }
    const values = pools.map((pool, i) => {
      if (isComputedType(type)) return 0;
      return readNumber(record.poolCells[i], { field: pool, required: false }, diagnostics) ?? 0;
    });
    const kilde = cellText(record.cells.kilde);
    lines.push({
      post,
      type,
      status,
      values,
      at: record.at,
      ...(kilde === undefined ? {} : { kilde }),
      ...(år === undefined ? {} : { år }),
    });
  }
  return { pools, lines };
}

/** A year as written in a cell: 2024 or "2024" (1900–2200); undefined otherwise. */
export function parseYear(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
}

/**
 * R11: one ledger per year, in the order the years first appear; a line without År belongs to the
 * Budgetår. Each year's second Oprindelig line is an error (a year has one opening pool).
 */
export function ledgersByYear(
  ledger: Ledger,
  budgetYear: number | undefined,
  diagnostics: DiagnosticSink,
): { år: number | undefined; ledger: Ledger }[] {
  const years = new Map<number | undefined, LedgerLine[]>();
  for (const line of ledger.lines) {
    const år = line.år ?? budgetYear;
    const own = years.get(år) ?? [];
    if (line.type === "Oprindelig" && own.some((l) => l.type === "Oprindelig"))
      diagnostics.error("DUPLICATE_OPENING", messages.duplicateOpening(line.post, år), line.at ?? {});
    own.push(line);
    years.set(år, own);
  }
  return [...years].map(([år, lines]) => ({ år, ledger: { pools: [...ledger.pools], lines } }));
}
