import { computeLedger } from "../../src/domain";
import { summaryLines, waterfallBars } from "../../src/app/report";
import { join } from "path";
import { WATERFALL_HEADER } from "../../src/app/plan";
import { ledger2018 } from "../helpers/fixtures2018";
import { load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

function lines() {
  const computed = computeLedger(ledger2018().ledger);
  return computed.lines.map((l) => ({
    post: l.post,
    type: l.type,
    status: l.status,
    total: l.total,
  }));
}

describe("the pane's waterfall bars (R4, R5.3)", () => {
  it("floats each movement from the running sum and ends at the result, −86.093", () => {
    const bars = waterfallBars(lines(), true);
    for (let i = 1; i < bars.length; i++) {
      if (bars[i]!.kind !== "balance") expect(bars[i]!.from).toBe(bars[i - 1]!.to);
    }
    expect(bars.at(-1)).toMatchObject({ kind: "balance", from: 0, to: -86093 });
    expect(bars.filter((b) => b.kind === "prognosis").map((b) => b.value)).toEqual([-29501]);
  });

  it("without prognoses leaves the efterregulering out and ends at −56.592", () => {
    const bars = waterfallBars(lines(), false);
    expect(bars.some((b) => b.kind === "prognosis")).toBe(false);
    expect(bars.at(-1)).toMatchObject({ kind: "balance", to: -56592 });
  });

  it("does not draw movements below the Resultat line", () => {
    const withExtra = [...lines(), { post: "Efter", type: "DUT", status: "Endelig", total: 5 }];
    expect(waterfallBars(withExtra, true).at(-1)!.to).toBe(-86093);
  });
});

describe("one waterfall rule in every view: the Resultat sheet, the terminal report and the pane", () => {
  it("a movement below the Resultat line is in none of them; each ends at the result", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, false, (wb) => {
      // Plain block: header row 4, ten lines; a line after "Forventet resultat 2018".
      wb.getWorksheet("Reservationspulje")!.getRow(15).values = [
        "Efter resultatet",
        "DUT",
        "Endelig",
        "",
        777,
        "",
      ];
    });
    const output = join(dir, "out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    const pool = run.summary!.pool!;
    expect(pool.lines.map((l) => l.post)).toContain("Efter resultatet");

    // The pane's bars (from the JSON summary).
    const bars = waterfallBars(summaryLines(pool.lines, "I alt"), true);
    expect(bars.at(-1)).toMatchObject({ kind: "balance", to: -86093 });
    const movements = bars.filter((b) => b.kind !== "balance");

    // The Resultat sheet's chart data: the same movements, in order, summing to the result.
    const ws = (await load(output)).getWorksheet("Resultat")!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === WATERFALL_HEADER) header = n;
    });
    expect(header).toBeGreaterThan(0);
    const sheet: [string, number][] = [];
    for (let r = header + 1; ws.getRow(r).getCell(1).value; r++)
      sheet.push([String(ws.getRow(r).getCell(1).value), Number(ws.getRow(r).getCell(2).value)]);
    expect(sheet).toEqual(movements.map((b) => [b.label, b.value]));
    expect(sheet.reduce((a, [, v]) => a + v, 0)).toBe(-86093);

    // The terminal report draws no bar on the line below Resultat.
    const line = run.out.split("\n").find((l) => l.startsWith("Efter resultatet"))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/[█▒]/);
  }, 60_000);
});
