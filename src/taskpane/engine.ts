/// <reference types="office-js" />
import type { RunCode } from "../app/codes";
import { caseDocument } from "../app/report/case";
import { runContract } from "../app/run";
import { checkStale, StaleReport } from "../app/stale";
import { CaseKindWrite, setCaseKind } from "../app/setCaseKind";
import type { CaseKind } from "../domain/caseKind";
import { Diagnostics } from "../domain";
import { ExcelRun, OfficeWorkbook, SupportsSet } from "../workbook/officeWorkbook";
import type { ComputeResult, TemplateResult } from "./services";
import { insertTemplate } from "./template";

/**
 * The engine as the pane uses it: one Beregn, one Indsæt skabelon, through the Office.js port. Loaded on
 * the first click (its own chunk), so that the pane opens as fast as an empty page.
 */
export async function computeInExcel(run: ExcelRun, supports: SupportsSet): Promise<ComputeResult> {
  const outcome = await runContract(new OfficeWorkbook(run, supports), new Diagnostics<RunCode>());
  return {
    ok: outcome.ok,
    summary: outcome.summary,
    ...(outcome.ok ? { case: caseDocument(outcome.inputs, outcome.results) } : {}),
  };
}

/** Issue 30: which tables changed since the figures were computed (one snapshot, nothing written). */
export function checkStaleInExcel(run: ExcelRun, supports: SupportsSet): Promise<StaleReport> {
  return checkStale(new OfficeWorkbook(run, supports));
}

export function insertTemplateInExcel(
  run: ExcelRun,
  supports: SupportsSet,
  options: { formulas: boolean },
): Promise<TemplateResult> {
  return insertTemplate(run, options, supports);
}

export function setCaseKindInExcel(
  run: ExcelRun,
  supports: SupportsSet,
  kind: CaseKind,
): Promise<CaseKindWrite> {
  return setCaseKind(new OfficeWorkbook(run, supports), kind);
}
