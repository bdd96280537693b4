import { caseCellLook, CaseDocument, CaseTable, CaseValue } from "./case";
import { formatAmount } from "./present";

/** An ARGB colour of the workbook's as CSS. */
function css(argb: string): string {
  return `#${argb.slice(2)}`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** How a cell reads as text: amounts with Danish separators, a dot column's flag as its word. */
export function caseCellText(value: CaseValue): string {
  return typeof value === "number" ? formatAmount(value) : (value ?? "");
}

const CELL = "border:1px solid #BFBFBF;padding:2px 6px;vertical-align:top";

function htmlTable(table: CaseTable): string {
  const title = table.unit ? `${table.title} (${table.unit})` : table.title;
  const head = table.columns
    .map(
      (c) =>
        `<th style="${CELL};background:#F2F2F2;text-align:${c.kind === "amount" ? "right" : "left"}">${escape(c.header)}</th>`,
    )
    .join("");
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((column, i) => {
        const value = row.cells[i] ?? null;
        const look = caseCellLook(column, value, row.flags?.[i]);
        const weight = row.bold ? ";font-weight:bold" : "";
        const colours =
          (look.fill ? `;background:${css(look.fill)}` : "") + (look.font ? `;color:${css(look.font)}` : "");
        const text = escape(caseCellText(look.value));
        // A dot's word travels as its title: a reader without colour (or a screen reader) gets it.
        if (column.kind === "dot" && value !== null)
          return `<td style="${CELL};text-align:center${colours}${weight}" title="${escape(caseCellText(value))}">${text}</td>`;
        const align = column.kind === "amount" ? ";text-align:right;white-space:nowrap" : "";
        return `<td style="${CELL}${align}${colours}${weight}">${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const note = table.note ? `<p style="margin:2px 0 12px 0;font-size:9pt">${escape(table.note)}</p>` : "";
  const intro = table.intro ? `<p style="margin:0 0 4px 0">${escape(table.intro)}</p>` : "";
  const grid =
    table.columns.length === 0
      ? ""
      : `<table style="border-collapse:collapse;font-size:10pt"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return `<p style="margin:12px 0 4px 0;font-weight:bold">${escape(title)}</p>${intro}${grid}${note}`;
}

/**
 * The case as HTML for the clipboard: one table per case table, the colours inline (Word and the case
 * systems paste inline styles, not style sheets), amounts right-aligned in Danish notation.
 */
export function caseHtml(doc: CaseDocument): string {
  return (
    `<div style="font-family:Calibri,Arial,sans-serif;font-size:10pt">` +
    `<p style="margin:0;font-weight:bold;font-size:12pt">${escape(doc.title)}</p>` +
    `<p style="margin:0 0 8px 0">${escape(doc.subtitle)}</p>` +
    doc.tables.map(htmlTable).join("") +
    `</div>`
  );
}

/** The same case as plain text (tab-separated), for where HTML cannot be pasted. */
export function casePlainText(doc: CaseDocument): string {
  const lines = [doc.title, doc.subtitle];
  for (const table of doc.tables) {
    lines.push("", table.unit ? `${table.title} (${table.unit})` : table.title);
    if (table.intro) lines.push(table.intro);
    if (table.columns.length > 0) lines.push(table.columns.map((c) => c.header).join("\t"));
    for (const row of table.rows)
      lines.push(table.columns.map((_, i) => caseCellText(row.cells[i] ?? null)).join("\t"));
    if (table.note) lines.push(table.note);
  }
  return lines.join("\n");
}
