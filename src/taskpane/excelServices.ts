/// <reference types="office-js" />
import type { PaneServices } from "./services";

/**
 * Formatted HTML on the clipboard: the asynchronous Clipboard API where the host allows it (desktop
 * Excel's WebView2, modern browsers), else the copy command on a hidden, selected copy of the tables
 * (Office on the web runs the pane in a frame that may lack the clipboard-write permission).
 */
export async function copyHtml(html: string, text: string): Promise<void> {
  try {
    if (typeof ClipboardItem === "undefined") throw new Error("no ClipboardItem");
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
  } catch {
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const copied = copyHidden(holder, () => {
      const range = document.createRange();
      range.selectNodeContents(holder);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    window.getSelection()?.removeAllRanges();
    if (!copied) throw new Error("Udklipsholderen kunne ikke bruges.");
  }
}

/** The copy command on a hidden element, selected by `select`; false when the host refuses it. */
function copyHidden(element: HTMLElement, select: () => void): boolean {
  element.setAttribute("aria-hidden", "true");
  element.style.position = "fixed";
  element.style.left = "-10000px";
  document.body.appendChild(element);
  select();
  const copied = document.execCommand("copy");
  element.remove();
  return copied;
}

/**
 * Plain text on the clipboard: the asynchronous Clipboard API, else the copy command on a hidden, selected
 * text area (Excel on the web's frame lacks clipboard-write, office-js#1991 and #3480). Throws when both
 * are refused, so the pane can show the text selected instead.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    if (!copyHidden(area, () => area.select())) throw new Error("Udklipsholderen kunne ikke bruges.");
  }
}

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
    setCaseKind: async (kind) => (await engine()).setCaseKindInExcel(run, supports, kind),
    checkStale: async () => (await engine()).checkStaleInExcel(run, supports),
    async select(sheet, cell) {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (cell) ws.getRange(cell).select();
        await context.sync();
      });
    },
    copy: copyText,
    copyHtml,
  };
}
