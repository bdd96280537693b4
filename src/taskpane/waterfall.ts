import { isComputedType } from "../domain";
import { clean } from "../domain/compare";
import type { Summary } from "../app/summary";

export type BarKind = "final" | "prognosis" | "balance";

/** One bar of the ledger's waterfall: movements float from the running sum, balances stand on zero. */
export interface WaterfallBar {
  label: string;
  kind: BarKind;
  from: number;
  to: number;
  /** The line's I alt (for a balance: the running sum). */
  value: number;
}

type Line = NonNullable<Summary["pool"]>["lines"][number];

/**
 * R4/R5.3: the ledger's lines as waterfall bars (I alt). Without prognoses, Prognose movements are left
 * out and every Saldo/Resultat bar is the running sum of the final movements only, so the last bar is
 * the result without prognoses. Movements below the Resultat line are not part of the result and are
 * not drawn.
 */
export function waterfallBars(lines: readonly Line[], includePrognoses: boolean): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let running = 0;
  for (const line of lines) {
    const total = line.values["I alt"] ?? 0;
    if (isComputedType(line.type)) {
      bars.push({ label: line.post, kind: "balance", from: 0, to: running, value: running });
      if (line.type === "Resultat") break;
      continue;
    }
    const prognosis = line.status === "Prognose";
    if (prognosis && !includePrognoses) continue;
    bars.push({
      label: prognosis ? `${line.post} (prognose)` : line.post,
      kind: prognosis ? "prognosis" : "final",
      from: running,
      to: clean(running + total),
      value: total,
    });
    running = clean(running + total);
  }
  return bars;
}
