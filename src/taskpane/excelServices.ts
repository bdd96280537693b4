/// <reference types="office-js" />
import type { PaneServices } from "./services";

/** The engine (application, rules, Office.js port) in a chunk of its own, fetched on the first click. */
const engine = () => import(/* webpackChunkName: "engine" */ "./engine");

/** The pane's services in Excel: Office.js for the workbook, the clipboard for copying. */
export function excelServices(): PaneServices {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  const supports = (name: string, version: string) =>
    Office.context.requirements.isSetSupported(name, version);
  return {
    async compute(onProgress) {
      onProgress("Læser projektmappens tabeller …");
      return (await engine()).computeInExcel(run, supports);
    },
    insertTemplate: async (options) => (await engine()).insertTemplateInExcel(run, supports, options),
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
