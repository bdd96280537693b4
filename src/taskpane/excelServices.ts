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
    holder.setAttribute("aria-hidden", "true");
    holder.style.position = "fixed";
    holder.style.left = "-10000px";
    holder.innerHTML = html;
    document.body.appendChild(holder);
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(holder);
    selection?.removeAllRanges();
    selection?.addRange(range);
    const copied = document.execCommand("copy");
    selection?.removeAllRanges();
    holder.remove();
    if (!copied) throw new Error("Udklipsholderen kunne ikke bruges.");
  }
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
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.left = "-10000px";
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("Udklipsholderen kunne ikke bruges.");
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
