import {
  cellText,
  editDistance,
  normalizeName,
  parseChangeHeader,
  parseYearHeader,
  sameName,
  YearLabel,
} from "../domain";
import { RunDiagnostics } from "./codes";
import { a1 } from "../workbook/address";
import { TableContract, tableLabel } from "./contract";
import { appMessages } from "./messages";
import { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../workbook/port";

/** How far down a sheet a plain block's header row is looked for (docs/workbook.md). */
export const HEADER_SEARCH_ROWS = 50;

export interface HeaderCell {
  col: number;
  text: string;
}

/** A contract table found in a workbook: a ListObject or a header-detected block. */
export interface LocatedTable {
  contract: TableContract;
  sheet: SheetSnapshot;
  listObject?: TableSnapshot;
  headerRow: number;
  left: number;
  right: number;
  firstDataRow: number;
  /** Inclusive; less than firstDataRow when the table has no data rows. */
  lastDataRow: number;
  headers: HeaderCell[];
  /** Input fields → column. */
  columns: Map<string, number>;
  /** Output keys → existing column (absent ones are added by the writer). */
  outputs: Map<string, number>;
  /** Opfoelgning (R11): every year-labelled amount column ("Regnskab 2023", "Budget 2025" …). */
  yearColumns?: { col: number; label: YearLabel; header: string }[];
}

/** What locating a table may depend on: the Budgetår, whose year-labelled columns are the plain ones. */
export interface LocateContext {
  budgetYear?: number | undefined;
}

/** The year arts that stand for the plain follow-up columns in the Budgetår. */
const PLAIN_ARTS = new Set(["Vedtaget budget", "Korrigeret budget", "Forventet regnskab"]);

/**
 * A header's name for matching: normalised, and in the follow-up a Budgetår column without "ved"
 * ("Forventet regnskab 2024" with Budgetår 2024) is the plain column ("Forventet regnskab").
 */
function headerKey(contract: TableContract, text: string, context: LocateContext): string {
  const label = parseYearHeader(text);
  if (label && !label.ved && label.år === context.budgetYear) {
    if (contract.key === "followUp" && PLAIN_ARTS.has(label.art)) return normalizeName(label.art);
    // The accounts' own headers carry the accounts' year ("Korrigeret budget 2023", "Regnskab 2023").
    if (contract.key === "yearEnd" && contract.columns.some((c) => sameName(c.header, label.art)))
      return normalizeName(label.art);
  }
  return normalizeName(text);
}

export function cellValue(sheet: SheetSnapshot, row: number, col: number) {
  return sheet.values[row - 1]?.[col - 1];
}

function headerText(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  return cellText({ value: cellValue(sheet, row, col), at: {} });
}

function findSheet(snapshot: WorkbookSnapshot, contract: TableContract): SheetSnapshot | undefined {
  return (
    snapshot.sheets.find((s) => normalizeName(s.name) === normalizeName(contract.sheetName)) ??
    snapshot.sheets.find((s) => normalizeName(s.name) === normalizeName(contract.tableName))
  );
}

/**
 * Finds a contract table: the ListObject of that name, else a plain block on the table's sheet whose
 * header row is the first of the first 50 rows holding all required headers; the block ends at the first
 * empty row. Undefined (with no diagnostic) when neither the table nor its sheet exists.
 */
export function locateTable(
  snapshot: WorkbookSnapshot,
  contract: TableContract,
  diagnostics: RunDiagnostics,
  context: LocateContext = {},
): LocatedTable | undefined {
  const listObject = snapshot.tables.find((t) => normalizeName(t.name) === normalizeName(contract.tableName));
  if (listObject) {
    const sheet = snapshot.sheets.find((s) => s.name === listObject.sheet)!;
    const lastDataRow = listObject.bottom - (listObject.hasTotalsRow ? 1 : 0);
    return build(
      contract,
      sheet,
      listObject.top,
      listObject.left,
      listObject.right,
      lastDataRow,
      diagnostics,
      context,
      listObject,
    );
  }
  const sheet = findSheet(snapshot, contract);
  if (!sheet) return undefined;
  const required = contract.columns.filter((c) => c.required).map((c) => normalizeName(c.header));
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.values.length);
  let best: { row: number; found: number } = { row: 0, found: -1 };
  for (let row = 1; row <= rows; row++) {
    const normalized = (sheet.values[row - 1] ?? []).map((v) =>
      headerKey(contract, cellText({ value: v, at: {} }) ?? "", context),
    );
    const found = required.filter((r) => normalized.includes(r)).length;
    if (found === required.length) {
      const firstCol = normalized.findIndex((n) => required.includes(n)) + 1;
      let left = firstCol;
      while (left > 1 && headerText(sheet, row, left - 1) !== undefined) left--;
      let right = firstCol;
      while (headerText(sheet, row, right + 1) !== undefined) right++;
      let last = row;
      while (last < sheet.values.length && !rowIsEmpty(sheet, last + 1, left, right)) last++;
      return build(contract, sheet, row, left, right, last, diagnostics, context);
    }
    if (found > best.found) best = { row, found };
  }
  reportMissingColumns(contract, sheet, best.row || 1, diagnostics, undefined, context);
  return undefined;
}

function rowIsEmpty(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  for (let col = left; col <= right; col++) if (headerText(sheet, row, col) !== undefined) return false;
  return true;
}

function build(
  contract: TableContract,
  sheet: SheetSnapshot,
  headerRow: number,
  left: number,
  right: number,
  lastDataRow: number,
  diagnostics: RunDiagnostics,
  context: LocateContext,
  listObject?: TableSnapshot,
): LocatedTable | undefined {
  const headers: HeaderCell[] = [];
  for (let col = left; col <= right; col++) {
    const text = headerText(sheet, headerRow, col);
    if (text !== undefined) headers.push({ col, text });
  }
  // Every header a column is known by (its own and its aliases) → the column's own header, normalised.
  const canonical = new Map<string, string>();
  for (const c of contract.columns)
    for (const name of [c.header, ...(c.aliases ?? [])])
      canonical.set(normalizeName(name), normalizeName(c.header));
  for (const o of contract.outputs) canonical.set(normalizeName(o.header), normalizeName(o.header));
  const seen = new Map<string, number>();
  let duplicate = false;
  const yearColumns: NonNullable<LocatedTable["yearColumns"]> = [];
  const changeOutputs = new Map<string, number>();
  for (const h of headers) {
    if (contract.key === "followUp") {
      const label = parseYearHeader(h.text);
      if (label) yearColumns.push({ col: h.col, label, header: h.text });
      const since = parseChangeHeader(h.text);
      if (since !== undefined) changeOutputs.set(changeKey(since), h.col);
    }
    const n = canonical.get(headerKey(contract, h.text, context));
    if (n === undefined) continue;
    if (seen.has(n)) {
      diagnostics.error(
        "DUPLICATE_HEADER",
        appMessages.duplicateHeader(tableLabel(contract), h.text, a1(headerRow, seen.get(n)!)),
        {
          sheet: sheet.name,
          cell: a1(headerRow, h.col),
        },
      );
      duplicate = true;
    } else seen.set(n, h.col);
  }
  const columns = new Map<string, number>();
  for (const spec of contract.columns) {
    const col = seen.get(normalizeName(spec.header));
    if (col !== undefined) columns.set(spec.field, col);
  }
  // Two year-labelled columns for the same art, year and follow-up: which one counts is not clear.
  const labels = new Map<string, number>();
  for (const y of yearColumns) {
    const key = `${y.label.art}|${y.label.år}|${normalizeName(y.label.ved ?? "")}`;
    const first = labels.get(key);
    if (first === undefined) labels.set(key, y.col);
    // The Budgetår's plain columns were checked with the other headers above.
    else if (headerKey(contract, y.header, context) === normalizeName(y.header)) {
      diagnostics.error(
        "DUPLICATE_HEADER",
        appMessages.duplicateHeader(tableLabel(contract), y.header, a1(headerRow, first)),
        { sheet: sheet.name, cell: a1(headerRow, y.col) },
      );
      duplicate = true;
    }
  }
  const missing = contract.columns.filter((c) => c.required && !columns.has(c.field));
  if (missing.length > 0) {
    reportMissingColumns(contract, sheet, headerRow, diagnostics, listObject, context, headers);
    return undefined;
  }
  // The follow-up's deviation needs a budget: Korrigeret budget, or else Vedtaget budget (R1).
  if (contract.key === "followUp" && !columns.has("korrigeret") && !columns.has("vedtaget")) {
    const year = context.budgetYear === undefined ? "" : ` ${context.budgetYear}`;
    diagnostics.error(
      "MISSING_COLUMN",
      appMessages.missingColumn(
        tableLabel(contract),
        `Korrigeret budget${year}" eller "Vedtaget budget${year}`,
        undefined,
      ),
      { sheet: sheet.name, cell: a1(headerRow, left) },
    );
    return undefined;
  }
  if (duplicate) return undefined;
  const outputs = new Map<string, number>();
  for (const output of contract.outputs) {
    const col = seen.get(normalizeName(output.header));
    if (col !== undefined) outputs.set(output.key, col);
  }
  for (const [key, col] of changeOutputs) outputs.set(key, col);
  const located: LocatedTable = {
    contract,
    sheet,
    headerRow,
    left,
    right,
    firstDataRow: headerRow + 1,
    lastDataRow,
    headers,
    columns,
    outputs,
  };
  if (listObject) located.listObject = listObject;
  if (yearColumns.length > 0) located.yearColumns = yearColumns;
  return located;
}

function reportMissingColumns(
  contract: TableContract,
  sheet: SheetSnapshot,
  headerRow: number,
  diagnostics: RunDiagnostics,
  listObject: TableSnapshot | undefined,
  context: LocateContext,
  headers?: HeaderCell[],
): void {
  const present =
    headers ??
    (sheet.values[headerRow - 1] ?? []).flatMap((v, i) => {
      const text = cellText({ value: v, at: {} });
      return text === undefined ? [] : [{ col: i + 1, text }];
    });
  const presentNames = new Set(present.map((h) => headerKey(contract, h.text, context)));
  for (const spec of contract.columns.filter(
    (c) => c.required && !presentNames.has(normalizeName(c.header)),
  )) {
    const near = nearest(spec.header, present);
    const where = tableLabel(contract);
    // Year-labelled columns without the Budgetår's: say which year is looked for, or that none is set —
    // and never list as "found" a header of the year looked for (it was refused for another reason).
    const years = present.filter((h) => {
      const label = parseYearHeader(h.text);
      return label?.art === spec.header && (label.år !== context.budgetYear || label.ved !== undefined);
    });
    const message =
      years.length === 0
        ? appMessages.missingColumn(where, spec.header, near?.text)
        : appMessages.missingYearColumn(
            where,
            spec.header,
            context.budgetYear,
            years.map((h) => h.text),
          );
    diagnostics.error("MISSING_COLUMN", message, {
      sheet: sheet.name,
      cell: near ? a1(headerRow, near.col) : a1(headerRow, listObject?.left ?? 1),
    });
  }
}

/** The header nearest to a wanted name (edit distance on normalised text), if near enough to suggest. */
function nearest(wanted: string, headers: readonly HeaderCell[]): HeaderCell | undefined {
  const target = normalizeName(wanted);
  let best: { header: HeaderCell; distance: number } | undefined;
  for (const header of headers) {
    const distance = editDistance(target, normalizeName(header.text));
    if (!best || distance < best.distance) best = { header, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.header : undefined;
}

/** The output key of an "Ændring siden <opfølgning>" column (R12.1). */
export function changeKey(since: string): string {
  return `ændring:${normalizeName(since)}`;
}
