import ExcelJS from "exceljs";
import fc from "fast-check";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";

/**
 * R15.3 "One movement, one bevilling", over generated workbooks in kr.: a follow-up with two pools, a
 * ledger whose Vurdering is typed or linked, and (sometimes) the accounts with their Regnskab line. Whatever
 * the Sagstype — given or chosen — every amount that moves into or out of the pool is proposed in exactly
 * one point: the follow-up's Vurdering in a Budgetopfølgning, the accounts' Regnskab movement (through the
 * kassen) in a Regnskab, nothing in an Orientering.
 */
const POOLS = ["Budgetgaranti", "Beskæftigelsestilskud"] as const;
const amount = fc.integer({ min: -5_000_000, max: 5_000_000 });

const generated = fc.record({
  kind: fc.constantFrom(undefined, "Budgetopfølgning", "regnskab", "ORIENTERING", "Budgetopfoelgning"),
  withFollowUp: fc.boolean(),
  followUp: fc.array(fc.tuple(fc.constantFrom(...POOLS), amount, amount), { minLength: 1, maxLength: 6 }),
  linked: fc.boolean(),
  typed: fc.tuple(amount, amount),
  yearEnd: fc.option(
    fc.array(
      fc.record({
        area: fc.constantFrom("Særlige driftsområder", "Service", "Særlig drift"),
        adgang: fc.boolean(),
        korrigeret: amount,
        regnskab: amount,
        pulje: fc.constantFrom(...POOLS),
        convert: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  ),
});

type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

function workbook(g: Generated): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Regler").addRows([
    ["Parameter", "Værdi"],
    ["Enhed", "kr."],
    ["Budgetår", 2024],
    ...(g.kind === undefined ? [] : [["Sagstype", g.kind]]),
  ]);
  if (g.withFollowUp)
    wb.addWorksheet("Opfølgning").addRows([
      ["Område", "Pulje", "Korrigeret budget", "Forventet regnskab"],
      ...g.followUp.map(([pool, k, f], i) => [`Område ${i}`, pool, k, f]),
    ]);
  const vurdering = g.linked && g.withFollowUp ? [null, null] : g.typed;
  wb.addWorksheet("Reservationspulje").addRows([
    ["Post", "Type", "Status", "Kilde", ...POOLS],
    ["Oprindelig", "Oprindelig", "Endelig", null, 1_000_000, -500_000],
    [
      "Vurdering ved denne opfølgning",
      "Vurdering",
      "Endelig",
      g.linked && g.withFollowUp ? "Opfølgning" : null,
      ...vurdering,
    ],
    ...(g.yearEnd ? [["Regnskab 2024", "Regnskab", "Endelig", "Regnskab", null, null]] : []),
    ["Resultat", "Resultat", null, null, null, null],
  ]);
  if (g.yearEnd)
    wb.addWorksheet("Regnskab").addRows([
      [
        "Område",
        "Styringsområde",
        "Overførselsadgang",
        "Korrigeret budget",
        "Regnskab",
        "Pulje",
        "Konverteres til",
      ],
      // Always one line of the pool's own: without it the Regnskab line has nothing to take (an error).
      [
        "Budgetgaranti uden overførselsadgang",
        "Særlige driftsområder",
        "Nej",
        100,
        90,
        "Budgetgaranti",
        null,
      ],
      ...g.yearEnd.map((l, i) => [
        `Linje ${i}`,
        l.area,
        l.adgang ? "Ja" : "Nej",
        l.korrigeret,
        l.regnskab,
        l.pulje,
        l.adgang && l.convert && l.area !== "Service" ? "Service" : null,
      ]),
    ]);
  return wb;
}

describe("R15.3 one movement, one bevilling (property over generated workbooks)", () => {
  it("every pool movement is proposed in exactly one point, by the kind of case", async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const wb = workbook(g);
        const port = await FileWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
        const outcome = await runContract(port, new Diagnostics(), { write: false });
        expect(outcome.ok).toBe(true);
        const s = outcome.summary;
        const expectedKind =
          g.kind === undefined
            ? g.withFollowUp
              ? "Budgetopfølgning"
              : g.yearEnd
                ? "Regnskab"
                : "Orientering"
            : g.kind.toLowerCase().startsWith("budget")
              ? "Budgetopfølgning"
              : g.kind.toLowerCase() === "regnskab"
                ? "Regnskab"
                : "Orientering";
        expect(s.sagstype!.type).toBe(expectedKind);
        const table = s.appropriationTable ?? [];
        const points = s.indstilling?.punkter ?? [];
        const toPool = table.filter((r) => r.styringsområde.startsWith("Reservationspuljen"));
        const toTreasury = table.filter((r) => r.udvalg === "Kassen");
        const line = (type: string) => s.pool!.lines.find((l) => l.type === type);
        if (expectedKind === "Orientering") {
          expect([table, points]).toEqual([[], []]);
          return;
        }
        // Point 1 approves the case; the bevillinger are numbered as their points, from 2.
        expect(points[0]?.art).toBe("godkendelse");
        expect(points.map((p) => p.nr)).toEqual(points.map((_, i) => i + 1));
        for (const r of table) expect(points.some((p) => p.nr === r.punkt)).toBe(true);
        if (expectedKind === "Budgetopfølgning") {
          // The follow-up's movement, per pool, once; the accounts' afregning not at all.
          expect(toTreasury).toEqual([]);
          // Without a follow-up there is nothing to propose (a warning says so).
          const vurdering = g.withFollowUp ? line("Vurdering")!.values : {};
          for (const pool of POOLS) {
            const rows = toPool.filter((r) =>
              r.styringsområde.includes(pool === "Budgetgaranti" ? "budgetgarant" : "beskæftigelsestilskud"),
            );
            expect(new Set(rows.map((r) => r.punkt)).size).toBeLessThanOrEqual(1);
            // The ledger's line where it is this follow-up's (equal, in kr.); else the follow-up's own sum,
            // with a warning (LEDGER_MISMATCH).
            const own = g.followUp.filter(([p]) => p === pool).reduce((sum, [, k, f]) => sum + k - f, 0);
            const line = vurdering[pool] ?? 0;
            const count = g.followUp.filter(([p]) => p === pool).length;
            const mismatch = g.withFollowUp && Math.abs(line - own) > Math.max(0.5, count * 0.5);
            expect(rows.reduce((sum, r) => sum + r.beløbKr, 0)).toBe(mismatch ? own : line);
            if (mismatch)
              expect(
                s.diagnostics.some((d) => d.code === "LEDGER_MISMATCH" && d.message.includes(pool)),
              ).toBe(true);
          }
        } else {
          // The accounts: no follow-up tillægsbevilling; the ledger's Regnskab movement through the kassen, once, in N+1.
          expect(toPool).toEqual([]);
          expect(s.appropriations ?? []).toEqual([]);
          const regnskab = line("Regnskab")?.values["I alt"] ?? 0;
          expect(new Set(toTreasury.map((r) => r.punkt)).size).toBeLessThanOrEqual(1);
          expect(toTreasury.reduce((sum, r) => sum + r.beløbKr, 0)).toBe(regnskab);
          expect(toTreasury.every((r) => r.år === 2025)).toBe(true);
          expect(points.filter((p) => p.art === "afregning")).toHaveLength(regnskab === 0 ? 0 : 1);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
