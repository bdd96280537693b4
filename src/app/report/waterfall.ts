import { clean, isComputedType } from "../../domain";

export type BarKind = "final" | "prognosis" | "balance";

/** One bar of the ledger's waterfall: movements float from the running sum, balances stand on zero. */
export interface WaterfallBar {
  label: string;
  kind: BarKind;
  from: number;
  to: number;
  /** The line's I alt (for a balance: the running sum). */
  value: number;
  /** The ledger line the bar draws (its index in the lines given). */
  line: number;
}

/** What the waterfall needs of a ledger line: its name, type, status and I alt. */
export interface WaterfallLine {
  post: string;
  type: string;
  status: string;
  total: number;
}

/**
 * R4/R5.3, the one waterfall rule every view draws (the Resultat sheet's chart data, the terminal
 * report, the pane): each movement floats from the running sum of the movements before it; a Saldo or
 * Resultat line is a balance standing on zero at that running sum (never its own, possibly stale,
 * figure); the waterfall ends at the Resultat line — movements below it are not part of the result.
 * Without prognoses, Prognose movements are left out, so every balance is the sum of final movements
 * only and the last bar is the result without prognoses.
 */
export function waterfallBars(lines: readonly WaterfallLine[], includePrognoses: boolean): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let running = 0;
  for (const [index, line] of lines.entries()) {
    if (isComputedType(line.type)) {
      bars.push({ label: line.post, kind: "balance", from: 0, to: running, value: running, line: index });
      if (line.type === "Resultat") break;
      continue;
    }
    const prognosis = line.status === "Prognose";
    if (prognosis && !includePrognoses) continue;
    bars.push({
      label: prognosis ? `${line.post} (prognose)` : line.post,
      kind: prognosis ? "prognosis" : "final",
      from: running,
      to: clean(running + line.total),
      value: line.total,
      line: index,
    });
    running = clean(running + line.total);
  }
  return bars;
}

/** The summary's ledger lines (I alt in values) as waterfall lines. */
export function summaryLines(
  lines: readonly { post: string; type: string; status: string; values: Record<string, number> }[],
  totalColumn: string,
): WaterfallLine[] {
  return lines.map((l) => ({
    post: l.post,
    type: l.type,
    status: l.status,
    total: l.values[totalColumn] ?? 0,
  }));
}
