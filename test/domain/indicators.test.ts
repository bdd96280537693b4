import {
  areaResult,
  chooseIndicators,
  computeFollowUp,
  computeLedger,
  defaultParameters,
  Diagnostics,
  FollowUpRow,
  poolOutcome,
  proposeIndicators,
  readIndicatorChoices,
  unemploymentFlag,
} from "../../src/domain";
import { followUp2018, ledger2018 } from "../helpers/fixtures2018";

const p = { ...defaultParameters(), unit: "1.000 kr." as const, budgetvaern: 50000 };

describe("R13 the headline indicators and the area's own result", () => {
  it("Ledighedsudvikling: GRØN up to 0,95 percentage points above the national rate, RØD above 2,0", () => {
    const t = defaultParameters();
    expect(unemploymentFlag(0.052, 0.039, t)).toBe("GUL"); // 2018: 1,3 pp
    expect(unemploymentFlag(0.0485, 0.039, t)).toBe("GRØN"); // 0,95 pp exactly
    expect(unemploymentFlag(0.0486, 0.039, t)).toBe("GUL");
    expect(unemploymentFlag(0.059, 0.039, t)).toBe("GUL"); // 2,0 pp exactly
    expect(unemploymentFlag(0.0591, 0.039, t)).toBe("RØD");
    expect(unemploymentFlag(0.03, 0.039, t)).toBe("GRØN"); // below the national rate
    expect(unemploymentFlag(undefined, 0.039, t)).toBe("–");
  });

  it("the 2018 case: proposals by the rules, the administration's colours win, and the area's result is 13.825", () => {
    const followUp = computeFollowUp(followUp2018().rows, p);
    const ledger = computeLedger(ledger2018().ledger);
    const outcome = poolOutcome(ledger.result.total, p);
    const proposals = proposeIndicators(followUp, outcome.flag, {
      ...p,
      unemploymentMunicipality: 0.052,
      unemploymentNational: 0.039,
    });
    // Økonomi: merforbrug 6.880 on a korrigeret budget of 3.222.686 (1.000 kr.) is 0,21 % — under 0,25 %.
    expect(proposals.map((x) => [x.indikator, x.forslag])).toEqual([
      ["Økonomi", "GRØN"],
      ["Antal ledige", "–"],
      ["Refusion", "–"],
      ["Ledighedsudvikling", "GUL"],
      ["Reservationspulje", "RØD"],
    ]);
    const chosen = chooseIndicators(proposals, [
      { indikator: "Økonomi", valgt: "GUL", bemærkning: "Der forventes et merforbrug på 6,9 mio. kr." },
      { indikator: "Antal ledige", valgt: "GRØN" },
    ]);
    expect(chosen.map((i) => [i.indikator, i.forslag, i.valgt, i.farve])).toEqual([
      ["Økonomi", "GRØN", "GUL", "GUL"],
      ["Antal ledige", "–", "GRØN", "GRØN"],
      ["Refusion", "–", undefined, "–"],
      ["Ledighedsudvikling", "GUL", undefined, "GUL"],
      ["Reservationspulje", "RØD", undefined, "RØD"],
    ]);
    expect(chosen[0]!.bemærkning).toBe("Der forventes et merforbrug på 6,9 mio. kr.");
    expect(areaResult(ledger.lines)).toBe(13825);
  });

  it("Antal ledige sums the fuldtidspersoner; Refusion weighs each row's rates by its budget", () => {
    const rows: FollowUpRow[] = [
      {
        område: "A",
        pulje: "Budgetgaranti",
        korrigeret: 1000,
        forventet: 1000,
        budgetPersoner: 1000,
        forventedePersoner: 1040,
        budgetRefusion: 0.3,
        forventetRefusion: 0.3,
      },
      {
        område: "B",
        pulje: "Budgetgaranti",
        korrigeret: 3000,
        forventet: 3000,
        budgetPersoner: 500,
        forventedePersoner: 530,
        budgetRefusion: 0.2,
        forventetRefusion: 0.18,
      },
      {
        område: "C",
        pulje: "Uden for puljen",
        korrigeret: 9000,
        forventet: 9000,
        budgetPersoner: 10,
        forventedePersoner: 900,
        budgetRefusion: 0.9,
        forventetRefusion: 0.1,
      },
    ];
    const proposals = proposeIndicators(computeFollowUp(rows, p), undefined, p);
    // 1.500 → 1.570 persons: +70 (4,7 %): neither green condition, no red one → GUL. Outside the pools not counted.
    expect(proposals[1]).toMatchObject({ indikator: "Antal ledige", forslag: "GUL" });
    // Weighted: budget (0,3·1000 + 0,2·3000)/4000 = 22,5 %, expected (0,3·1000 + 0,18·3000)/4000 = 21,0 %:
    // a fall of 1,5 pp → RØD (a simple average, 25 % → 24 %, would say GUL).
    expect(proposals[2]).toMatchObject({ indikator: "Refusion", forslag: "RØD" });
    expect(proposals[4]).toMatchObject({ indikator: "Reservationspulje", forslag: "–" });
  });

  it("reads the Indikatorer table: names and colours as written in any case, errors at their cells", () => {
    const d = new Diagnostics();
    const cell = (value: string, c: string) => ({ value, at: { sheet: "Indikatorer", cell: c } });
    const choices = readIndicatorChoices(
      [
        { cells: { indikator: cell("økonomi", "A5"), valgt: cell("gul", "B5") }, at: { cell: "A5" } },
        { cells: { indikator: cell("Bruttoledighed", "A6") }, at: { cell: "A6" } },
        { cells: { indikator: cell("Refusion", "A7"), valgt: cell("Lilla", "B7") }, at: { cell: "A7" } },
      ],
      d,
    );
    expect(choices.map((c) => [c.indikator, c.valgt])).toEqual([["Økonomi", "GUL"]]);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([
      ["UNKNOWN_INDICATOR", "A6"],
      ["NOT_A_FLAG", "B7"],
    ]);
  });
});
