import {
  defaultParameters,
  Diagnostics,
  PARAMETER_DEFINITIONS,
  poolName,
  readParameters,
  rulesSheetRows,
  RawCell,
} from "../../src/domain";

const cell = (value: RawCell["value"], row: number, col = "B"): RawCell => ({
  value,
  at: { sheet: "Regler", cell: `${col}${row}` },
});
const rows = (pairs: [string, RawCell["value"]][]) =>
  pairs.map(([name, value], i) => ({ name: cell(name, i + 2, "A"), value: cell(value, i + 2) }));

describe("parameters", () => {
  it("has one definition per scalar parameter, each with a Danish label and a default", () => {
    const defaults = defaultParameters() as unknown as Record<string, unknown>;
    const keys = Object.keys(defaults).filter((k) => k !== "poolDescriptions" && k !== "poolNames");
    expect(PARAMETER_DEFINITIONS.map((d) => d.key).sort()).toEqual(keys.sort());
    for (const d of PARAMETER_DEFINITIONS) expect(d.label.length).toBeGreaterThan(10);
  });

  it("holds the documented defaults (R2, R5, R9)", () => {
    const p = defaultParameters();
    expect([p.economyAmountKr, p.economyYellowShare, p.economyRedShare]).toEqual([250000, 0.0025, 0.015]);
    expect([
      p.quantityYellowPersons,
      p.quantityRedPersons,
      p.quantityYellowShare,
      p.quantityRedShare,
    ]).toEqual([50, 100, 0.03, 0.1]);
    expect([p.refundYellowPoints, p.refundRedPoints]).toEqual([0.5, 1]);
    expect(p.unit).toBe("1.000 kr.");
  });

  it("reads given values, matching names loosely, and keeps defaults for the rest", () => {
    const d = new Diagnostics();
    const p = readParameters(
      rows([
        ["Enhed", "mio. kr."],
        ["budgetaar", 2025],
        ["Budgetværn (1.000 kr.)", 50000],
        ["Økonomi: rød over andel af budget", "2 %"],
        ["Udvalg", "Social- og Sundhedsudvalget"],
        ["Puljebeskrivelse: Samlet pulje", "den samlede reservationspulje"],
        ["# en kommentar", "x"],
      ]),
      d,
    );
    expect(p.unit).toBe("mio. kr.");
    expect(p.budgetYear).toBe(2025);
    expect(p.budgetvaern).toBe(50000);
    expect(p.economyRedShare).toBeCloseTo(0.02, 12);
    expect(p.economyYellowShare).toBe(0.0025);
    expect(p.committee).toBe("Social- og Sundhedsudvalget");
    expect(p.poolDescriptions["Samlet pulje"]).toBe("den samlede reservationspulje");
    expect(d.items.map((i) => i.code)).toEqual(["TEXT_NUMBER"]);
  });

  it("reports an unreadable or out-of-bounds value at its cell and does not use it", () => {
    const d = new Diagnostics();
    const p = readParameters(
      rows([
        ["Budgetværn", "mange penge"],
        ["Økonomi: beløbsgrænse", -5],
        ["Enhed", "euro"],
        ["Budgetår", 2018.5],
        ["Ukendt ting", 1],
      ]),
      d,
    );
    expect(p.budgetvaern).toBe(0);
    expect(p.economyAmountKr).toBe(250000);
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([
      ["error", "NOT_A_NUMBER", "B2"],
      ["error", "PARAMETER_OUT_OF_BOUNDS", "B3"],
      ["error", "UNKNOWN_UNIT", "B4"],
      ["error", "PARAMETER_OUT_OF_BOUNDS", "B5"],
      ["warning", "UNKNOWN_PARAMETER", "A6"],
    ]);
  });

  it("generates the Regler sheet rows from the one table, pool wordings and names last", () => {
    const sheet = rulesSheetRows();
    expect(sheet.map((r) => r.name)).toEqual([
      ...PARAMETER_DEFINITIONS.map((d) => d.name),
      "Puljebeskrivelse: Budgetgaranti",
      "Puljebeskrivelse: Beskæftigelsestilskud",
      "Puljenavn: Uden for puljen",
    ]);
    expect(sheet.find((r) => r.name === "Økonomi: beløbsgrænse")).toMatchObject({
      value: 250000,
      unitLabel: "kr.",
    });
  });

  it("R0.7 names a pool by its Puljenavn (any case), else by its own name; Uden for puljen has the minutes' words", () => {
    const p = readParameters(
      rows([
        ["Puljenavn: Budgetgaranti", "Budgetgaranterede områder og øvrige overførsler"],
        ["puljenavn:Beskæftigelsestilskud", "Beskæftigelsestilskuddet"],
      ]),
      new Diagnostics(),
    );
    expect(poolName(p, "budgetgaranti")).toBe("Budgetgaranterede områder og øvrige overførsler");
    expect(poolName(p, "Beskæftigelsestilskud")).toBe("Beskæftigelsestilskuddet");
    expect(poolName(p, "Samlet pulje")).toBe("Samlet pulje");
    expect(poolName(defaultParameters(), "Uden for puljen")).toBe("Uden for reservationspuljerne");
  });

  it("reads back what it generates", () => {
    const sheet = rulesSheetRows({ ...defaultParameters(), budgetYear: 2018, budgetvaern: 50000 });
    const p = readParameters(rows(sheet.map((r) => [r.name, r.value ?? null])), new Diagnostics());
    expect(p).toEqual({ ...defaultParameters(), budgetYear: 2018, budgetvaern: 50000 });
  });
});
