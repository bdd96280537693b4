import fc from "fast-check";
import {
  computeLedger,
  Diagnostics,
  forecastChanges,
  LedgerLine,
  ledgersByYear,
  parseChangeHeader,
  parseYearHeader,
  sum,
  YearColumn,
  YearPool,
  YearRow,
  yearsOverview,
  yearTotals,
} from "../../src/domain";

describe("year-labelled headers (R11)", () => {
  it("reads the art, the year and the earlier follow-up as the minutes write them", () => {
    expect(parseYearHeader("Regnskab 2023")).toEqual({ art: "Regnskab", år: 2023 });
    expect(parseYearHeader("forventet  regnskab 2024 ved Økonomisk Status")).toEqual({
      art: "Forventet regnskab",
      år: 2024,
      ved: "Økonomisk Status",
    });
    expect(parseYearHeader("Budget 2025 (1.000 kr.)")).toEqual({ art: "Budget", år: 2025 });
    expect(parseYearHeader("Korrigeret budget")).toBeUndefined();
    expect(parseYearHeader("Pulje 2024")).toBeUndefined();
    expect(parseChangeHeader("Ændring siden 1. halvår")).toBe("1. halvår");
  });
});

const YEARS = [2023, 2024, 2025];
const amount = fc.integer({ min: -1_000_000, max: 1_000_000 });
const movement = fc.constantFrom<LedgerLine["type"]>("Vurdering", "Midtvejsregulering", "DUT", "Regnskab");

/** A ledger over several years: each year an Oprindelig line, movements, a Resultat line; lines shuffled by year. */
const yearsLedger = fc
  .array(
    fc.record({
      år: fc.constantFrom(...YEARS),
      type: movement,
      values: fc.array(amount, { minLength: 2, maxLength: 2 }),
    }),
    { maxLength: 25 },
  )
  .chain((moves) =>
    fc
      .array(fc.array(amount, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 })
      .map((openings) => {
        const lines: LedgerLine[] = [];
        YEARS.forEach((år, i) => {
          lines.push({
            post: `Oprindelig ${år}`,
            type: "Oprindelig",
            status: "Endelig",
            values: openings[i]!,
            år,
          });
          moves
            .filter((m) => m.år === år)
            .forEach((m, j) =>
              lines.push({
                post: `${m.type} ${år} ${j}`,
                type: m.type,
                status: "Endelig",
                values: m.values,
                år,
              }),
            );
          lines.push({ post: `Resultat ${år}`, type: "Resultat", status: "Endelig", values: [0, 0], år });
        });
        return { pools: ["A", "B"], lines };
      }),
  );

describe("years never add up (fast-check)", () => {
  it("each year's result is its own opening plus its own movements, whatever the other years hold", () => {
    fc.assert(
      fc.property(yearsLedger, (ledger) => {
        const diagnostics = new Diagnostics();
        const years = ledgersByYear(ledger, 2024, diagnostics);
        expect(diagnostics.items).toEqual([]);
        expect(years.map((y) => y.år)).toEqual(YEARS);
        for (const { år, ledger: own } of years) {
          const expected = sum(
            ledger.lines.filter((l) => l.år === år && l.type !== "Resultat").map((l) => sum(l.values)),
          );
          expect(computeLedger(own).result.total).toBe(expected);
        }
      }),
    );
  });

  it("the overview's pool per column is that year's ledger result, opening or budget model, or null with a reason", () => {
    const column = fc.record({
      art: fc.constantFrom<YearColumn["label"]["art"]>(
        "Regnskab",
        "Vedtaget budget",
        "Korrigeret budget",
        "Forventet regnskab",
        "Budget",
      ),
      år: fc.constantFrom(...YEARS),
      ved: fc.option(fc.constantFrom("Økonomisk Status", "1. halvår"), { nil: undefined }),
    });
    const pool = fc.record(
      { opening: amount, result: amount, budgetModel: amount },
      { requiredKeys: [] },
    ) as fc.Arbitrary<YearPool>;
    fc.assert(
      fc.property(
        fc.array(column, { minLength: 1, maxLength: 6 }),
        fc.array(pool, { minLength: 3, maxLength: 3 }),
        (labels, pools) => {
          const columns: YearColumn[] = labels.map((l) => ({
            label: { art: l.art, år: l.år, ...(l.ved ? { ved: l.ved } : {}) },
            header: `${l.art} ${l.år}`,
          }));
          const byYear = new Map(YEARS.map((år, i) => [år, pools[i]!]));
          const overview = yearsOverview(
            columns,
            columns.map(() => 0),
            byYear,
          );
          overview.forEach((o, i) => {
            const p = byYear.get(o.år)!;
            const { art, ved } = columns[i]!.label;
            const expected =
              ved !== undefined || art === "Korrigeret budget"
                ? undefined
                : art === "Regnskab" || art === "Forventet regnskab"
                  ? p.result
                  : art === "Vedtaget budget"
                    ? (p.opening ?? p.budgetModel)
                    : p.budgetModel;
            expect(o.reservationspulje).toBe(expected ?? null);
            expect(o.grundlag.length).toBeGreaterThan(10);
          });
        },
      ),
    );
  });

  it("Samlet is the sum of the pooled rows, and a change is earlier − current over rows with both", () => {
    const row = fc.record({
      pulje: fc.constantFrom("A", "B", "Uden for puljen"),
      amounts: fc.array(fc.option(amount, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    });
    const columns: YearColumn[] = [
      {
        label: { art: "Forventet regnskab", år: 2024, ved: "1. halvår" },
        header: "Forventet regnskab 2024 ved 1. halvår",
      },
      { label: { art: "Forventet regnskab", år: 2024 }, header: "Forventet regnskab 2024" },
      { label: { art: "Budget", år: 2025 }, header: "Budget 2025" },
    ];
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (specs) => {
        const rows: YearRow[] = specs.map((s, i) => ({
          område: `Linje ${i}`,
          pulje: s.pulje,
          amounts: s.amounts,
        }));
        const pooled = rows.filter((r) => r.pulje !== "Uden for puljen");
        expect(yearTotals(columns, rows)).toEqual(
          columns.map((_, c) => sum(pooled.map((r) => r.amounts[c] ?? 0))),
        );
        const [change] = forecastChanges(columns, rows, 2024);
        const both = pooled.filter((r) => r.amounts[0] !== undefined && r.amounts[1] !== undefined);
        expect(change!.total).toBe(sum(both.map((r) => r.amounts[0]! - r.amounts[1]!)));
      }),
    );
  });
});
