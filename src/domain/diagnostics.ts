/** Where a value came from; the caller passes it in and gets it back in every diagnostic. */
export interface Location {
  sheet?: string;
  cell?: string;
}

/** error stops the run; warning is written with the results; info tells what the tool did not do, and why. */
export type DiagnosticLevel = "error" | "warning" | "info";

/** The closed set of diagnostic codes. Messages are in Danish (DEVELOPERS.md: Danish for users). */
export type DiagnosticCode =
  | "NOT_A_NUMBER"
  | "TEXT_NUMBER"
  | "PERCENT_NUMBER"
  | "EXCEL_ERROR"
  | "MISSING_VALUE"
  | "UNKNOWN_TYPE"
  | "UNKNOWN_STATUS"
  | "UNKNOWN_UNIT"
  | "UNKNOWN_PARAMETER"
  | "PARAMETER_OUT_OF_BOUNDS"
  | "DUPLICATE_RESULT"
  | "MOVEMENT_AFTER_RESULT"
  | "UNKNOWN_POOL"
  | "NOT_A_YES_NO"
  | "BAD_SPLIT"
  | "UNSAFE_NUMBER"
  | "MISSING_YEAR"
  | "DUPLICATE_HEADER"
  | "MISSING_COLUMN"
  | "EMPTY_TABLE"
  | "HIDDEN_ROWS"
  | "UNIT_MISMATCH"
  | "NO_POOL_COLUMNS"
  | "NOT_OWNED"
  | "SHEET_NOT_OWNED"
  | "PROTECTED_SHEET"
  | "PART_LOST"
  | "NOTHING_FOUND"
  | "DUPLICATE_CHOICE"
  | "NO_SOURCE"
  | "MERGED_CELLS"
  | "EMPTY_POOL"
  | "WRITE_FAILED"
  | "CHART_SKIPPED"
  | "CHART_FALLBACK"
  | "FLAG_NOT_COMPUTED"
  | "UNKNOWN_SOURCE";

export interface Diagnostic extends Location {
  level: DiagnosticLevel;
  code: DiagnosticCode;
  message: string;
}

/** Collects diagnostics; passed down so that one bad cell never loses the other rows. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(code: DiagnosticCode, message: string, at: Location = {}): void {
    this.items.push({ level: "error", code, message, ...definedLocation(at) });
  }

  warning(code: DiagnosticCode, message: string, at: Location = {}): void {
    this.items.push({ level: "warning", code, message, ...definedLocation(at) });
  }

  info(code: DiagnosticCode, message: string, at: Location = {}): void {
    this.items.push({ level: "info", code, message, ...definedLocation(at) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.level === "error");
  }
}

function definedLocation(at: Location): Location {
  const out: Location = {};
  if (at.sheet !== undefined) out.sheet = at.sheet;
  if (at.cell !== undefined) out.cell = at.cell;
  return out;
}

/** "Opfølgning!D7" style prefix used when a diagnostic is printed on one line. */
export function describeLocation(at: Location): string {
  if (at.sheet && at.cell) return `${at.sheet}!${at.cell}`;
  return at.sheet ?? at.cell ?? "";
}
