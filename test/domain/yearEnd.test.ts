import fc from "fast-check";
import {
  computeYearEnd,
  Diagnostics,
  parseCarryOverSplit,
  RawCell,
  readYearEndLines,
  splitCarryOver,
  sum,
  YearEndLine,
  yearEndMovement,
  matchesSteeringArea,
} from "../../src/domain";

// Whole kr. (unit kr.).
const lines: YearEndLine[] = [
  {
    område: "Kontanthjælp",
    styringsområde: "Særlige driftsområder",
    overførselsadgang: false,
    korrigeret: 659_160_123,
    regnskab: 648_210_456,
    fordeling: [],
    pulje: "Budgetgaranti",
  },
  {
    område: "A-dagpenge",
    styringsområde: "Særlige driftsområder",
    overførselsadgang: false,
    korrigeret: 409_623_000,
    regnskab: 423_664_321,
    fordeling: [],
    pulje: "Beskæftigelsestilskud",
  },
  {
    område: "Projekter med ekstern finansiering",
    styringsområde: "Særlige driftsområder",
    overførselsadgang: true,
    korrigeret: -5_352_000,
    regnskab: 1_638_333,
    fordeling: [{ år: 2019, andel: 1 }],
  },
  {
    område: "Jobcenter drift",
    styringsområde: "Service",
    overførselsadgang: true,
    korrigeret: 120_000_001,
    regnskab: 117_345_678,
    fordeling: [
      { år: 2019, andel: 2 / 3 },
      { år: 2020, andel: 1 / 3 },
    ],
  },
];

describe("R7 year-end in whole kr.", () => {
  const result = computeYearEnd(lines);

  it("afvigelse = korrigeret − regnskab; kassen without, overførsel with overførselsadgang", () => {
    expect(result.lines.map((l) => [l.afvigelse, l.kassen, l.overførsel])).toEqual([
      [10_949_667, 10_949_667, 0],
      [-14_041_321, -14_041_321, 0],
      [-6_990_333, 0, -6_990_333],
      [2_654_323, 0, 2_654_323],
    ]);
  });

  it("Kassen and Overførsel add up to the total afvigelse to the krone, per line, per area and in total", () => {
    for (const l of result.lines) expect(l.kassen + l.overførsel).toBe(l.afvigelse);
    expect(Object.fromEntries(result.perStyringsområde)).toEqual({
      "Særlige driftsområder": { afvigelse: -10_081_987, kassen: -3_091_654, overførsel: -6_990_333 },
      Service: { afvigelse: 2_654_323, kassen: 0, overførsel: 2_654_323 },
    });
    expect(result.total.kassen + result.total.overførsel).toBe(result.total.afvigelse);
  });

  it("splits a carry-over over years so the parts add up exactly", () => {
    expect(result.lines[3]!.overførselPerÅr).toEqual([
      { år: 2019, beløb: 1_769_549 },
      { år: 2020, beløb: 884_774 },
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (amount, weights) => {
          const total = sum(weights);
          const parts = splitCarryOver(
            amount,
            weights.map((w, i) => ({ år: 2019 + i, andel: w / total })),
          );
          expect(sum(parts.map((p) => p.beløb))).toBe(amount);
        },
      ),
    );
  });

  it("gives the ledger's Regnskab line per sub-pool from Særlige driftsområder without overførselsadgang", () => {
    const d = new Diagnostics();
    expect(
      yearEndMovement(result, ["Budgetgaranti", "Beskæftigelsestilskud"], "Særlige driftsområder", d).values,
    ).toEqual([10_949_667, -14_041_321]);
    expect(d.items).toEqual([]);
  });

  it("reports a line without a pool when there are several pools", () => {
    const d = new Diagnostics();
    const noPool = computeYearEnd([
      { ...lines[0]!, pulje: undefined, at: { sheet: "Regnskab", cell: "A2" } },
    ]);
    expect(yearEndMovement(noPool, ["X", "Y"], "Særlige driftsområder", d).values).toEqual([0, 0]);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([["UNKNOWN_POOL", "A2"]]);
    expect(yearEndMovement(noPool, ["Samlet"], "Særlige driftsområder", new Diagnostics()).values).toEqual([
      10_949_667,
    ]);
  });
});

describe("reading the Regnskab table", () => {
  it("reads splits and Ja/Nej, and reports bad ones at their cells", () => {
    expect(parseCarryOverSplit("2019")).toEqual([{ år: 2019, andel: 1 }]);
    expect(parseCarryOverSplit("2019: 60 %; 2020: 40 %")).toEqual([
      { år: 2019, andel: 0.6 },
      { år: 2020, andel: 0.4 },
    ]);
    expect(parseCarryOverSplit("2019: 60 %; 2020: 30 %")).toBeUndefined();
    const at = (c: string) => ({ sheet: "Regnskab", cell: c });
    const c = (value: RawCell["value"], cell: string): RawCell => ({ value, at: at(cell) });
    const d = new Diagnostics();
    const read = readYearEndLines(
      [
        {
          at: at("A2"),
          cells: {
            område: c("X", "A2"),
            styringsområde: c("Service", "B2"),
            overførselsadgang: c("Ja", "C2"),
            korrigeret: c(10, "D2"),
            regnskab: c(7, "E2"),
            overføresTilÅr: c(2019, "F2"),
          },
        },
        {
          at: at("A3"),
          cells: {
            område: c("Y", "A3"),
            styringsområde: c("Service", "B3"),
            overførselsadgang: c("Måske", "C3"),
            korrigeret: c(10, "D3"),
            regnskab: c(7, "E3"),
          },
        },
        {
          at: at("A4"),
          cells: {
            område: c("Z", "A4"),
            styringsområde: c("Service", "B4"),
            overførselsadgang: c("nej", "C4"),
            korrigeret: c(10, "D4"),
            regnskab: c(7, "E4"),
            overføresTilÅr: c("snart", "F4"),
          },
        },
      ],
      d,
    );
    expect(read.map((l) => l.område)).toEqual(["X"]);
    expect(read[0]!.fordeling).toEqual([{ år: 2019, andel: 1 }]);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([
      ["NOT_A_YES_NO", "C3"],
      ["BAD_SPLIT", "F4"],
    ]);
  });
});

describe("R7.1 steering areas by stem and synonyms", () => {
  it("Særlig drift and Særlige driftsområder are one steering area; Service is not", () => {
    expect(matchesSteeringArea("Særlig drift", "Særlige driftsområder")).toBe(true);
    expect(matchesSteeringArea("SÆRLIGE  DRIFTSOMRÅDER", "Særlige driftsområder")).toBe(true);
    expect(matchesSteeringArea("Service", "Særlige driftsområder")).toBe(false);
  });
  it("a synonym from the parameter matches what the stem does not", () => {
    expect(matchesSteeringArea("Særlige driftsområder uden overførsel", "Særlige driftsområder")).toBe(false);
    expect(
      matchesSteeringArea(
        "Særlige driftsområder uden overførsel",
        "Særlige driftsområder",
        "Særlig drift; Særlige driftsområder uden overførsel",
      ),
    ).toBe(true);
  });
});
