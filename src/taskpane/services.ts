import type { CaseDocument } from "../app/report/case";
import type { Summary } from "../app/summary";
import type { CaseKindWrite } from "../app/setCaseKind";
import type { CaseKind } from "../domain/caseKind";
import type { StaleReport } from "../app/stale";

/** What the pane does to the workbook; the Excel implementation is excelServices.ts, tests inject fakes. */
export interface PaneServices {
  /** Reads the workbook's tables, computes and writes every output. */
  compute(onProgress: (step: string) => void): Promise<ComputeResult>;
  /** Adds the contract's sheets as Excel tables, under new names where a sheet already exists. */
  insertTemplate(options: { formulas: boolean }): Promise<TemplateResult>;
  /** R15.1: writes the Sagstype parameter (the user's choice in the pane). */
  setCaseKind(kind: CaseKind): Promise<CaseKindWrite>;
  /** Selects a cell (or a sheet) in the workbook. */
  select(sheet: string, cell?: string): Promise<void>;
  /**
   * Issue 30: compares the tables with the fingerprint stored when the figures were computed (on the
   * pane's opening). Absent in hosts that cannot read the workbook.
   */
  checkStale?(): Promise<StaleReport>;
  /** Copies a text to the clipboard. */
  copy(text: string): Promise<void>;
  /** Copies formatted HTML (with its plain-text twin) to the clipboard: tables that paste into Word. */
  copyHtml(html: string, text: string): Promise<void>;
}

export interface ComputeResult {
  ok: boolean;
  summary: Summary;
  /** R14.2: the committee case's tables, after a run that wrote. */
  case?: CaseDocument;
}

export interface TemplateResult {
  sheets: string[];
}
