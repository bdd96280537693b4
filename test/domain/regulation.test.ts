import fc from "fast-check";
import {
  additionalNeed,
  amountUsingUpBudgetvaern,
  applyScenario,
  computeLedger,
  defaultParameters,
  employmentGrant,
  evaluateScenarios,
  finalRegulation,
  GrantMunicipality,
  guaranteeRegulation,
  midYearRegulation,
  populationShare,
  sensitivity,
  sum,
} from "../../src/domain";
import { ledger2018 } from "../helpers/fixtures2018";

// Three municipalities in two landsdele, computed by hand:
// Σ grundtilskud = 60, Σ ledige = 1.000.
const municipalities: GrantMunicipality[] = [
  { name: "A", landsdel: "Fyn", grundtilskud: 10, ledige: 100 },
  { name: "B", landsdel: "Fyn", grundtilskud: 20, ledige: 300 },
  { name: "C", landsdel: "Jylland", grundtilskud: 30, ledige: 600 },
];

describe("R6.2 the § 23 a model", () => {
  it("merudgiftsbehov = (udgifter − Σ grundtilskud) × L_k / Σ L", () => {
    expect(additionalNeed(1060, 60, 100, 1000)).toBe(100);
    expect(additionalNeed(1060, 60, 100, 0)).toBeUndefined();
    expect(additionalNeed(1060, 60, 2000, 1000)).toBeUndefined();
  });

  it("beskæftigelsestilskud = grundtilskud + merudgiftsbehov", () => {
    expect(employmentGrant(municipalities, 1060)).toEqual([
      { name: "A", landsdel: "Fyn", merudgiftsbehov: 100, beskaeftigelsestilskud: 110 },
      { name: "B", landsdel: "Fyn", merudgiftsbehov: 300, beskaeftigelsestilskud: 320 },
      { name: "C", landsdel: "Jylland", merudgiftsbehov: 600, beskaeftigelsestilskud: 630 },
    ]);
  });

  it("midtvejsregulering: the need at the updated national estimate minus at budget time (1.060 → 1.160)", () => {
    const mid = midYearRegulation(municipalities, 1060, 1160);
    expect(Object.fromEntries(mid)).toEqual({ A: 10, B: 30, C: 60 });
    expect(sum(mid.values())).toBe(100);
  });

  it("efterregulering: the landsdel's actual expenditure shared within it, minus the need after midtvej", () => {
    const after = finalRegulation(
      municipalities,
      1160,
      new Map([
        ["Fyn", 530],
        ["Jylland", 630],
      ]),
    );
    // Fyn: (530 − 30) = 500 shared 100:300 → 125, 375; minus 110, 330. Jylland: 600 − 660.
    expect(Object.fromEntries(after)).toEqual({ A: 15, B: 45, C: -60 });
    expect((after.get("A") ?? 0) + (after.get("B") ?? 0)).toBe(530 - 30 - (110 + 330));
  });

  it("shares sum to the totals over the country and over each landsdel (fast-check)", () => {
    const muni = fc.record({
      landsdel: fc.constantFrom("Fyn", "Jylland", "Sjælland"),
      grundtilskud: fc.integer({ min: 0, max: 100_000 }),
      ledige: fc.integer({ min: 1, max: 50_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(muni, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (raw, e1, e2) => {
          const ms = raw.map((m, i) => ({ ...m, name: `K${i}` }));
          const g = sum(ms.map((m) => m.grundtilskud));
          const mid = midYearRegulation(ms, g + e1, g + e2);
          expect(sum(mid.values())).toBeCloseTo(e2 - e1, 4);
          const actual = new Map(
            [...new Set(ms.map((m) => m.landsdel))].map((l) => [l, e2 + 1000] as [string, number]),
          );
          const fin = finalRegulation(ms, g + e2, actual);
          const previous = new Map(employmentGrant(ms, g + e2).map((x) => [x.name, x.merudgiftsbehov]));
          for (const [landsdel, amount] of actual) {
            const members = ms.filter((m) => m.landsdel === landsdel);
            const expected =
              amount -
              sum(members.map((m) => m.grundtilskud)) -
              sum(members.map((m) => previous.get(m.name)!));
            expect(sum(members.map((m) => fin.get(m.name)!))).toBeCloseTo(expected, 4);
          }
        },
      ),
    );
  });

  it("passes the budgetgaranti change on by the population share", () => {
    const share = populationShare(205_000, 5_800_000)!;
    expect(share).toBeCloseTo(0.035345, 5);
    expect(guaranteeRegulation(-2_000_000, 0.04)).toBe(-80_000);
    expect(populationShare(1, 0)).toBeUndefined();
  });
});

describe("R6.1 scenarios on the 2018 ledger", () => {
  const { ledger } = ledger2018();
  const thresholds = { ...defaultParameters(), budgetvaern: 50_000 };
  const pool = "Beskæftigelsestilskud";

  it("replaces the efterregulering and leaves the input ledger as it was", () => {
    const before = JSON.stringify(ledger);
    const changed = applyScenario(ledger, {
      name: "KL forår 2019",
      type: "Efterregulering",
      amounts: { [pool]: -10_000 },
    });
    expect(JSON.stringify(ledger)).toBe(before);
    expect(changed.lines.filter((l) => l.type === "Efterregulering")).toEqual([
      { post: "KL forår 2019", type: "Efterregulering", status: "Prognose", values: [0, -10_000] },
    ]);
    expect(computeLedger(changed).result.total).toBe(-66_592);
  });

  it("evaluates several prognoses side by side", () => {
    const results = evaluateScenarios(
      ledger,
      [
        { name: "KL sep. 2018", type: "Efterregulering", amounts: { [pool]: -29_501 } },
        { name: "Ingen efterregulering", type: "Efterregulering", amounts: {} },
        { name: "Egen", type: "Efterregulering", amounts: { [pool]: 10_000 } },
      ],
      thresholds,
    );
    expect(results.map((r) => [r.name, r.result.total, r.outcome.kassefinansiering, r.outcome.flag])).toEqual(
      [
        ["KL sep. 2018", -86_093, 36_093, "RØD"],
        ["Ingen efterregulering", -56_592, 6_592, "RØD"],
        ["Egen", -46_592, 0, "GUL"],
      ],
    );
  });

  it("adds a regulation the ledger does not yet hold just above Resultat", () => {
    const changed = applyScenario(ledger, {
      name: "Anden",
      type: "Anden regulering",
      amounts: { [pool]: 1 },
    });
    const types = changed.lines.map((l) => l.type);
    expect(types.slice(-2)).toEqual(["Anden regulering", "Resultat"]);
  });

  it("finds the efterregulering at which the budgetværn of 50.000 is exactly used up: +6.592", () => {
    // Without any efterregulering the result is −56.592; the budgetværn covers a deficit of 50.000.
    const amount = amountUsingUpBudgetvaern(ledger, "Efterregulering", pool, 50_000);
    expect(amount).toBe(6_592);
    const row = sensitivity(ledger, "Efterregulering", pool, [-29_501, amount, amount - 1], thresholds);
    expect(
      row.map((r) => [
        r.result.total,
        r.outcome.budgetvaernBrugt,
        r.outcome.kassefinansiering,
        r.outcome.flag,
      ]),
    ).toEqual([
      [-86_093, 50_000, 36_093, "RØD"],
      [-50_000, 50_000, 0, "GUL"],
      [-50_001, 50_000, 1, "RØD"],
    ]);
  });
});
