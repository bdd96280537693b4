import {
  computeFollowUp,
  computeLedger,
  defaultParameters,
  FollowUpRow,
  Ledger,
  LedgerLine,
} from "../src/domain";
import { peakRssMb, Row, time, withGrowth } from "./stats";

/** Generated follow-up rows: amounts, persons and refusion rates, so that all three flags are computed. */
export function followUpRows(n: number): FollowUpRow[] {
  return Array.from({ length: n }, (_, i) => ({
    område: `Område ${i + 1}`,
    pulje: i % 3 === 0 ? "Beskæftigelsestilskud" : "Budgetgaranti",
    korrigeret: 10_000 + (i % 997) * 13,
    forventet: 10_000 + (i % 997) * 13 + ((i * 7919) % 601) - 300,
    budgetPersoner: 500 + (i % 211),
    forventedePersoner: 500 + (i % 211) + ((i * 31) % 160) - 40,
    budgetRefusion: 0.21,
    forventetRefusion: 0.21 + ((i % 7) - 3) / 100,
  }));
}

/** What a user would write by hand: the difference and a share test per row, no diagnostics or groups. */
function naiveFollowUp(rows: readonly FollowUpRow[]): number {
  let red = 0;
  for (const r of rows) {
    const d = r.korrigeret - r.forventet;
    if (Math.abs(d) / r.korrigeret > 0.015) red++;
  }
  return red;
}

function ledger(n: number): Ledger {
  const lines: LedgerLine[] = Array.from({ length: n }, (_, i) => ({
    post: `Bevægelse ${i + 1}`,
    type: i % 50 === 49 ? "Saldo" : "Vurdering",
    status: i % 10 === 0 ? "Prognose" : "Endelig",
    values: [((i * 37) % 1000) - 500, ((i * 91) % 800) - 400],
  }));
  lines.push({ post: "Resultat", type: "Resultat", status: "Endelig", values: [] });
  return { pools: ["Budgetgaranti", "Beskæftigelsestilskud"], lines };
}

export async function engineBench(sizes: number[], runs: number): Promise<Row[]> {
  const p = defaultParameters();
  const rows: Row[] = [];
  for (const n of sizes) {
    const data = followUpRows(n);
    const t = await time(() => computeFollowUp(data, p), n >= 1_000_000 ? Math.min(runs, 3) : runs);
    const naive = await time(() => naiveFollowUp(data), runs);
    rows.push({
      group: "engine",
      measure: "follow-up + 3 flags",
      size: n,
      value: t.median,
      min: t.min,
      max: t.max,
      unit: "ms",
      baseline: { name: "plain loop", value: naive.median, ratio: t.median / Math.max(naive.median, 1e-3) },
      ...(n === 100_000 ? { budget: { limit: 1000, ok: t.median < 1000 } } : {}),
      note: `${Math.round(n / (t.median / 1000)).toLocaleString("da-DK")} rækker/s; peak RSS ${peakRssMb().toFixed(0)} MB`,
    });
  }
  const out = withGrowth(rows);
  const l = ledger(10_000);
  const t = await time(() => computeLedger(l), runs);
  out.push({
    group: "engine",
    measure: "ledger (Saldo/Resultat, with/without prognoses)",
    size: 10_000,
    value: t.median,
    min: t.min,
    max: t.max,
    unit: "ms",
    note: `${Math.round(10_000 / (t.median / 1000)).toLocaleString("da-DK")} bevægelser/s`,
  });
  return out;
}
