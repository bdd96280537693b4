/// <reference types="office-js" />
import { insertTemplate as insertThroughPort, TemplateOptions } from "../app/template";
import { ExcelRun, OfficeWorkbook, SupportsSet } from "../workbook/officeWorkbook";
import type { TemplateResult } from "./services";

/** The build's custom-functions namespace (webpack defines it per stage); PULJE in tests and headless. */
declare const __FUNCTIONS_NAMESPACE__: string | undefined;
export const FUNCTIONS_NAMESPACE: string =
  typeof __FUNCTIONS_NAMESPACE__ === "string" ? __FUNCTIONS_NAMESPACE__ : "PULJE";

/**
 * "Indsæt skabelon" in Excel: the template's write plan (app/template.ts) through the Office.js port —
 * all or nothing like Beregn, two syncs. The formulas call the build's own namespace.
 */
export function insertTemplate(
  run: ExcelRun,
  options: TemplateOptions = { formulas: false },
  supports: SupportsSet = () => false,
): Promise<TemplateResult> {
  return insertThroughPort(new OfficeWorkbook(run, supports), {
    ...options,
    namespace: options.namespace ?? FUNCTIONS_NAMESPACE,
  });
}
