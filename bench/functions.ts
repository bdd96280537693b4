import "../test/functions/setup";
import { afvigelse, oekonomi } from "../src/functions/functions";
import { Row, time } from "./stats";

/** PULJE.* on a 10.000-cell range: calls per second as Excel would make them (one call, a spilled result). */
export async function functionsBench(runs: number): Promise<Row[]> {
  const n = 10_000;
  const korrigeret = Array.from({ length: n }, (_, i) => [10_000 + (i % 997) * 13]);
  const forventet = Array.from({ length: n }, (_, i) => [10_000 + (i % 997) * 13 + ((i * 7919) % 601) - 300]);
  const rows: Row[] = [];
  for (const [name, fn] of [
    ["PULJE.AFVIGELSE", () => afvigelse(korrigeret, forventet)],
    ["PULJE.OEKONOMI", () => oekonomi(korrigeret, forventet)],
  ] as const) {
    const t = await time(fn, runs);
    rows.push({
      group: "functions",
      measure: `${name} on a 10.000-cell range`,
      size: n,
      value: t.median,
      min: t.min,
      max: t.max,
      unit: "ms",
      note: `${Math.round(n / (t.median / 1000)).toLocaleString("da-DK")} celler/s`,
    });
  }
  return rows;
}
