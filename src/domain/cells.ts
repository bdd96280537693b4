import { parseNumberText } from "./danishNumber";
import { DiagnosticSink, Location } from "./diagnostics";
import { danishDate, messages, minutesDate } from "./messages";

/** An Excel error value as read from a cell (#N/A, #REF!, #DIV/0! …). */
export interface CellErrorValue {
  error: string;
}

/** What a cell can hold once read by a workbook implementation. Formulas arrive as their values. */
export type RawValue = number | string | boolean | Date | null | undefined | CellErrorValue;

/** A cell's value and where it is (sheet and A1 address), as passed in by the caller. */
export interface RawCell {
  value: RawValue;
  at: Location;
}

export function isCellError(value: RawValue): value is CellErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

export function isBlank(value: RawValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the 1900 leap-year bug (serial 60). */
export function excelSerialToDate(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial; // before the phantom 29 February 1900
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86400000));
}

/** The text of a cell, trimmed; undefined when blank. Numbers are given in plain form. */
export function cellText(cell: RawCell | undefined): string | undefined {
  const value = cell?.value;
  if (value === undefined || value === null || isCellError(value)) return undefined;
  if (value instanceof Date) return minutesDate(value);
  const text = String(value).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

export interface NumberOptions {
  /** The column's Danish name, used in messages. */
  field: string;
  /** A blank cell is an error (true) or simply absent (false). */
  required: boolean;
  /** A rate column: "21 %" and fractions are both fine; a plain number above 1 is read as percent. */
  rate?: boolean;
}

/**
 * Reads a numeric cell. Numbers pass; Danish number text is read and reported as a warning
 * (docs/rules.md R0.3); anything else becomes an error diagnostic at the cell. Never returns a silent zero:
 * an unreadable cell gives undefined and a diagnostic.
 */
/** A dash alone in a number cell: hyphen, en dash, em dash, minus sign. */
const NIL_MARKS = new Set(["-", "–", "—", "−"]);

export function readNumber(
  cell: RawCell | undefined,
  options: NumberOptions,
  diagnostics: DiagnosticSink,
): number | undefined {
  const at = cell?.at ?? {};
  const value = cell?.value;
  if (isBlank(value)) {
    if (options.required) diagnostics.error("MISSING_VALUE", messages.missingValue(options.field), at);
    return undefined;
  }
  if (isCellError(value)) {
    diagnostics.error("EXCEL_ERROR", messages.excelError(options.field, value.error), at);
    return undefined;
  }
  let result: number | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      diagnostics.error("NOT_A_NUMBER", messages.notANumber(options.field, String(value)), at);
      return undefined;
    }
    result = value;
  } else if (typeof value === "string" && NIL_MARKS.has(value.trim())) {
    // Nil as the minutes print it: a dash alone is 0, read silently (R0.5).
    result = 0;
  } else if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (!parsed) {
      diagnostics.error("NOT_A_NUMBER", messages.notANumber(options.field, value), at);
      return undefined;
    }
    if (parsed.percent && !options.rate) {
      diagnostics.error("PERCENT_NUMBER", messages.percentInAmount(options.field, value), at);
      return undefined;
    }
    diagnostics.warning(
      "TEXT_NUMBER",
      messages.textNumber(options.field, value, parsed.value, parsed.style),
      at,
    );
    result = parsed.value;
  } else if (value instanceof Date) {
    // Danish Excel turns "1.12" typed in a cell into 1 December: a date in an amount column is a mistake.
    diagnostics.error("NOT_A_NUMBER", messages.dateInNumber(options.field, danishDate(value)), at);
    return undefined;
  } else {
    diagnostics.error("NOT_A_NUMBER", messages.notANumber(options.field, String(value)), at);
    return undefined;
  }
  if (!Number.isSafeInteger(Math.trunc(result))) {
    diagnostics.error("UNSAFE_NUMBER", messages.unsafeNumber(options.field, result), at);
    return undefined;
  }
  if (options.rate && Math.abs(result) > 1 && Math.abs(result) <= 100) {
    diagnostics.warning("PERCENT_NUMBER", messages.rateAsPercent(options.field, result), at);
    result = result / 100;
  }
  return result;
}

/** One input column of a table: its field key, its Danish header and whether it must be present. */
export interface ColumnSpec<F extends string = string> {
  field: F;
  header: string;
  required: boolean;
  /** Other headers that mean the same column (the minutes' and older words). */
  aliases?: readonly string[];
}

/** One table row as read by a workbook implementation: cells by field, and where the row is. */
export interface RawRecord<F extends string = string> {
  cells: Partial<Record<F, RawCell>>;
  at: Location;
}

/** A record's cell for a field; a field the table lacks reads as a blank at the row's position. */
export function fieldCell<F extends string>(record: RawRecord<F>, field: F): RawCell {
  return record.cells[field] ?? { value: undefined, at: record.at };
}
