import {
  appropriations,
  computeFollowUp,
  computeInvestments,
  computeLedger,
  defaultParameters,
  poolOutcome,
} from "../../src/domain";
import { readCsvFixture, num } from "../helpers/csvFixture";
import { documentedInvestmentNets, followUp2018, investments2018, ledger2018 } from "../helpers/fixtures2018";

const parameters = { ...defaultParameters(), budgetYear: 2018, budgetvaern: 50_000 };

describe("2018 follow-up (R1), 2. halvår, 1.000 kr.", () => {
  const { rows, documented } = followUp2018();
  const result = computeFollowUp(rows, parameters);

  it("reproduces all 25 documented row deviations", () => {
    expect(rows).toHaveLength(25);
    expect(result.rows.map((r) => r.afvigelse)).toEqual(documented);
  });

  it("computes subtotals from the rows: budgetgaranti 8.131, beskæftigelsestilskud −15.011, outside −6.990", () => {
    expect(Object.fromEntries([...result.groups].map(([k, v]) => [k, v.afvigelse]))).toEqual({
      Budgetgaranti: 8131,
      Beskæftigelsestilskud: -15011,
      "Uden for puljen": -6990,
    });
  });

  it("totals exclude the projects outside the pools: −6.880 from rows", () => {
    expect(result.total.afvigelse).toBe(-6880);
    expect(result.total.korrigeret).toBe(3222686);
  });

  it("differs from the printed subtotal 8.132 by per-row rounding (R0.4), and does not fix it", () => {
    const printed = readCsvFixture("opfoelgning-2018-totals.csv");
    const budgetgaranti = printed[0]!;
    expect(num(budgetgaranti["Mer-/mindreforbrug"])).toBe(8132);
    expect(num(budgetgaranti["Korrigeret budget"])).toBe(2786902);
    const group = result.groups.get("Budgetgaranti")!;
    expect(group.korrigeret).toBe(2786901);
    expect(group.afvigelse).toBe(8131);
    // The other printed subtotal agrees with its rows.
    expect(result.groups.get("Beskæftigelsestilskud")!.korrigeret).toBe(
      num(printed[1]!["Korrigeret budget"]),
    );
  });
});

describe("2018 reservationspulje ledger (R4, R5)", () => {
  const { ledger, documentedTotals, documentedValues } = ledger2018();
  const result = computeLedger(ledger);

  it("fills every Saldo and Resultat line and I alt as documented", () => {
    expect(result.lines.map((l) => l.total)).toEqual(documentedTotals);
    result.lines.forEach((line, i) => {
      expect(line.values).toEqual(documentedValues[i]!.map((v) => v ?? 0));
    });
  });

  it("ends at 39.414 / −125.507 / −86.093", () => {
    expect(result.result.perPool).toEqual([39414, -125507]);
    expect(result.result.total).toBe(-86093);
  });

  it("gives −56.592 without KL's efterregulering prognosis (R5.3)", () => {
    expect(result.resultExcludingPrognoses.total).toBe(-56592);
    expect(result.resultExcludingPrognoses.perPool).toEqual([39414, -96006]);
  });

  it("needs 36.093 from the treasury after the budgetværn of 50.000, and rates the pool RØD", () => {
    const outcome = poolOutcome(result.result.total, parameters);
    expect(outcome).toEqual({
      resultat: -86093,
      underskud: 86093,
      budgetvaern: 50000,
      budgetvaernBrugt: 50000,
      kassefinansiering: 36093,
      flag: "RØD",
    });
  });

  it("uses only the deficit of the budgetværn when the deficit is smaller, and nothing for a surplus (R5.1)", () => {
    expect(poolOutcome(-20000, parameters)).toMatchObject({
      underskud: 20000,
      budgetvaernBrugt: 20000,
      kassefinansiering: 0,
    });
    expect(poolOutcome(12000, parameters)).toMatchObject({
      underskud: 0,
      budgetvaernBrugt: 0,
      kassefinansiering: 0,
    });
  });
});

describe("2018 tillægsbevillinger (R9)", () => {
  it("writes the two documented sentences from the documented subtotals", () => {
    const lines = appropriations(
      new Map([
        ["Budgetgaranti", 8132],
        ["Beskæftigelsestilskud", -15011],
      ]),
      2018,
      parameters,
    );
    expect(lines.map((l) => l.tekst)).toEqual([
      "Budgetneutral tillægsbevilling fra Beskæftigelses- og Socialudvalget på styringsområdet Særlige driftsområder på 8.132.000 kr. i 2018, til reservationspuljen under Økonomiudvalget vedrørende budgetgaranterede områder og øvrige overførsler.",
      "Budgetneutral tillægsbevilling til Beskæftigelses- og Socialudvalget på styringsområdet Særlige driftsområder på 15.011.000 kr. i 2018, fra reservationspuljen under Økonomiudvalget vedrørende beskæftigelsestilskuddet.",
    ]);
    expect(lines.map((l) => l.beløbKr)).toEqual([8132000, 15011000]);
    expect(lines[0]!.fra).toBe("Beskæftigelses- og Socialudvalget, Særlige driftsområder");
    expect(lines[1]!.til).toBe("Beskæftigelses- og Socialudvalget, Særlige driftsområder");
  });

  it("from the row subtotals it says 8.131.000 kr., the computed figure", () => {
    const { rows } = followUp2018();
    const groups = computeFollowUp(rows, parameters).groups;
    const pools = new Map(
      [...groups].filter(([k]) => k !== "Uden for puljen").map(([k, v]) => [k, v.afvigelse]),
    );
    expect(appropriations(pools, 2018, parameters).map((l) => l.beløbKr)).toEqual([8131000, 15011000]);
  });
});

describe("2018 investment projects (R8), kr.", () => {
  const result = computeInvestments(investments2018(), 1);
  it("reproduces each documented net gain, realised and expected", () => {
    expect(
      result.rows.map((r) => ({ nettogevinst: r.nettogevinst, realiseret: r.realiseretNettogevinst })),
    ).toEqual(documentedInvestmentNets());
  });
  it("totals 132.023.529 − 85.411.631 = 46.611.898 and realised 46.022.596 − 31.654.596 = 14.368.000", () => {
    expect([result.gevinst, result.investeringssum, result.nettogevinst]).toEqual([
      132023529, 85411631, 46611898,
    ]);
    expect([result.realiseretGevinst, result.forbrug, result.realiseretNettogevinst]).toEqual([
      46022596, 31654596, 14368000,
    ]);
  });
  it("gives Samtaler - Forsikrede ledige an afkastgrad of 1,19", () => {
    const row = result.rows.find((r) => r.project.projekt === "Samtaler - Forsikrede ledige")!;
    expect(row.afkastgrad).toBe(1.19);
    expect(row.flag).toBe("GRØN");
  });
  it("flags Efterværn GUL for its negative realised net gain; an afkastgrad of exactly 1 (Minijobmesse) is GRØN", () => {
    const by = (name: string) => result.rows.find((r) => r.project.projekt === name)!;
    expect(by("Efterværn").flag).toBe("GUL");
    expect(by("Minijobmesse").afkastgrad).toBe(1);
    expect(by("Minijobmesse").flag).toBe("GRØN");
  });
});
