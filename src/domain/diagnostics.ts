/** Where a value came from; the caller passes it in and gets it back in every diagnostic. */
export interface Location {
  sheet?: string;
  cell?: string;
}

/** error stops the run; warning is written with the results; info tells what the tool did not do, and why. */
export type DiagnosticLevel = "error" | "warning" | "info";

/**
 * The rules engine's diagnostic codes: what a rule can say about a cell or a table. The application's
 * codes (a missing column, a cell it does not own, a failed write …) are its own, in app/codes.ts.
 */
export type DomainCode =
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
  | "DUPLICATE_CHOICE"
  | "NO_SOURCE"
  | "UNKNOWN_SOURCE"
  | "UNKNOWN_INDICATOR"
  | "NOT_A_FLAG"
  | "DUPLICATE_INDICATOR"
  | "UNBALANCED_APPROPRIATION"
  | "NOT_CONVERTIBLE"
  | "NOT_A_YEAR"
  | "DUPLICATE_OPENING"
  | "UNKNOWN_CASE_KIND"
  | "POOL_TYPO"
  | "LEDGER_MISMATCH";

/** One diagnostic; C is the closed set of codes of whoever reports it (the engine's by default). */
export interface Diagnostic<C extends string = string> extends Location {
  level: DiagnosticLevel;
  code: C;
  message: string;
}

/** What the rules report into: they can name only the engine's own codes. */
export interface DiagnosticSink {
  error(code: DomainCode, message: string, at?: Location): void;
  warning(code: DomainCode, message: string, at?: Location): void;
  info(code: DomainCode, message: string, at?: Location): void;
  readonly hasErrors: boolean;
}

/** Collects diagnostics; passed down so that one bad cell never loses the other rows. */
export class Diagnostics<C extends string = DomainCode> {
  readonly items: Diagnostic<C>[] = [];

  error(code: C, message: string, at: Location = {}): void {
    this.items.push({ level: "error", code, message, ...definedLocation(at) });
  }

  warning(code: C, message: string, at: Location = {}): void {
    this.items.push({ level: "warning", code, message, ...definedLocation(at) });
  }

  info(code: C, message: string, at: Location = {}): void {
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
