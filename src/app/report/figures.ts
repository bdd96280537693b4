import { formatAmount } from "./present";
import type { CaseDocument, CaseRow, CaseTable } from "./case";
import { FigureTrace, ruleName, sourceReference } from "./trace";

/** A case figure's key: its table, row and cell in the case model. */
export function figureKey(table: number, row: number, cell: number): string {
  return `${table}:${row}:${cell}`;
}

/** One figure of the case with its trace, in the order the Spor sheet lists them. */
export interface CaseFigure {
  key: string;
  table: CaseTable;
  row: CaseRow;
  value: number;
  trace: FigureTrace;
  /** "Opfølgning pr. ydelsesområde · Budgetgaranti · Samlet · Mer-/mindreforbrug". */
  label: string;
  /** The label without the table's title (the Spor sheet lists each table's figures under its title). */
  line: string;
}

/** Every number of the case that has a trace, table by table, row by row. */
export function caseFigures(doc: CaseDocument): CaseFigure[] {
  const out: CaseFigure[] = [];
  doc.tables.forEach((table, t) => {
    let heading: string | undefined;
    table.rows.forEach((row, r) => {
      const texts = row.cells.flatMap((v, i) =>
        // A text longer than a line of a page (a 32.767-character label) is left out: the Sag address names the row.
        table.columns[i]?.kind === "text" && typeof v === "string" && v !== "" && v.length <= 200 ? [v] : [],
      );
      // A pool's heading row (bold, only its name) names the Samlet under it.
      if (row.bold && row.cells.slice(1).every((v) => v === null || v === undefined)) heading = texts[0];
      const named = texts[0] === "Samlet" && heading ? [heading, ...texts] : texts;
      row.cells.forEach((value, c) => {
        const trace = row.traces?.[c];
        if (typeof value !== "number" || !trace) return;
        const line = [...named.slice(0, 3), table.columns[c]!.header].filter((x) => x !== "").join(" · ");
        out.push({
          key: figureKey(t, r, c),
          table,
          row,
          value,
          trace,
          line,
          label: `${table.title} · ${line}`,
        });
      });
    });
  });
  return out;
}

/** A figure's row as the JSON summary and the Word appendix give it. */
export function figureLine(f: CaseFigure): string {
  const sources = f.trace.sources
    .map((s) => `${sourceReference(s)}${s.factor === undefined ? "" : ` × ${formatAmount(s.factor)}`}`)
    .join(", ");
  return `${f.label}: ${formatAmount(f.value)} — ${ruleName(f.trace.rule)}: ${f.trace.how}${sources ? ` Kilder: ${sources}.` : ""}`;
}
