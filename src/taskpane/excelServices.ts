/// <reference types="office-js" />
import type { RunCode } from "../app/codes";
import { Diagnostics } from "../domain";
import { OfficeWorkbook } from "../workbook/officeWorkbook";
import { runContract } from "../app/run";
import { insertTemplate } from "./template";
import type { PaneServices } from "./services";

/** The pane's services in Excel: Office.js for the workbook, the clipboard for copying. */
export function excelServices(): PaneServices {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  const supports = (name: string, version: string) =>
    Office.context.requirements.isSetSupported(name, version);
  return {
    async compute(onProgress) {
      onProgress("Læser projektmappens tabeller …");
      const workbook = new OfficeWorkbook(run, supports);
      const outcome = await runContract(workbook, new Diagnostics<RunCode>());
      return { ok: outcome.ok, summary: outcome.summary };
    },
    insertTemplate: (options) => insertTemplate(run, options, supports),
    async select(sheet, cell) {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (cell) ws.getRange(cell).select();
        await context.sync();
      });
    },
    async copy(text) {
      await navigator.clipboard.writeText(text);
    },
  };
}
