import { Diagnostic, DomainCode, Diagnostics } from "../domain";

/**
 * The application's diagnostic codes: about the workbook and the run rather than a rule — a table's
 * columns, cells the tool does not own, the write. A run reports these and the engine's (DomainCode).
 */
export type AppCode =
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
  | "STRUCTURE_PROTECTED"
  | "PART_LOST"
  | "NOTHING_FOUND"
  | "MERGED_CELLS"
  | "MERGED_OUTPUT"
  | "TEXT_CUT"
  | "EMPTY_POOL"
  | "WRITE_FAILED"
  | "CHART_SKIPPED"
  | "CHART_FALLBACK"
  | "FLAG_NOT_COMPUTED"
  | "BLANK_LINE"
  | "CASE_KIND"
  | "NO_PROPOSAL";

/** Every code a run can report. */
export type RunCode = DomainCode | AppCode;
export type RunDiagnostic = Diagnostic<RunCode>;
/** The collector of one run: the engine's and the application's diagnostics, in the order reported. */
export type RunDiagnostics = Diagnostics<RunCode>;
