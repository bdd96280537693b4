import {
  chooseCaseKind,
  decisionOpening,
  defaultParameters,
  Diagnostics,
  followUpDecision,
  kronerNote,
  nearPool,
  orientationDecision,
  parseCaseKind,
  readParameters,
} from "../../src/domain";

describe("R15.1 Sagstype", () => {
  it("reads the three kinds case-insensitively, with Danish letters or their ae/oe/aa forms", () => {
    expect(parseCaseKind("budgetopfølgning")).toBe("Budgetopfølgning");
    expect(parseCaseKind("BUDGETOPFOELGNING")).toBe("Budgetopfølgning");
    expect(parseCaseKind(" Regnskab ")).toBe("Regnskab");
    expect(parseCaseKind("orientering")).toBe("Orientering");
    expect(parseCaseKind("Årsberetning")).toBeUndefined();
  });

  it("an unknown Sagstype is an error at its cell naming the three; absent, the tool chooses", () => {
    const d = new Diagnostics();
    const p = readParameters(
      [
        {
          name: { value: "Sagstype", at: { cell: "A9" } },
          value: { value: "Regnskabssag", at: { cell: "B9" } },
        },
      ],
      d,
    );
    expect(p.caseKind).toBeUndefined();
    expect(d.items.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "UNKNOWN_CASE_KIND",
        "B9",
        'Ukendt sagstype "Regnskabssag". Brug en af: Budgetopfølgning, Regnskab, Orientering.',
      ],
    ]);
    expect(defaultParameters().caseKind).toBeUndefined();
  });

  it("without the parameter: a follow-up makes a Budgetopfølgning, the accounts alone a Regnskab, neither an Orientering", () => {
    expect(chooseCaseKind(undefined, { followUp: true, yearEnd: true })).toEqual({
      kind: "Budgetopfølgning",
      source: "followUp",
    });
    expect(chooseCaseKind(undefined, { followUp: false, yearEnd: true })).toEqual({
      kind: "Regnskab",
      source: "yearEnd",
    });
    expect(chooseCaseKind(undefined, { followUp: false, yearEnd: false }).kind).toBe("Orientering");
    // The parameter wins over the tables.
    expect(chooseCaseKind("Orientering", { followUp: true, yearEnd: true })).toEqual({
      kind: "Orientering",
      source: "parameter",
    });
  });
});

describe("R15.2 the indstilling's opening and an orientation", () => {
  const p = {
    ...defaultParameters(),
    administration: "Social- og Arbejdsmarkedsforvaltningen",
    committee: "Arbejdsmarkedsudvalget",
  };
  it("names the Forvaltning, the Udvalg and byrådet; an orientation proposes nothing", () => {
    expect(decisionOpening("Budgetopfølgning", p)).toBe(
      "Social- og Arbejdsmarkedsforvaltningen indstiller til Arbejdsmarkedsudvalget, at byrådet godkender:",
    );
    const o = orientationDecision(p);
    expect(o.indledning).toBe(
      "Social- og Arbejdsmarkedsforvaltningen forelægger sagen for Arbejdsmarkedsudvalget til orientering. Der indstilles ingen bevillinger.",
    );
    expect([o.points, o.table, o.appropriations]).toEqual([[], [], []]);
  });

  it("a follow-up's bevillinger are numbered from 2, after the approval, and carry the ledger's amount", () => {
    const d = followUpDecision(
      [
        { pulje: "Budgetgaranti", amount: 8132, post: "Vurdering", followUpSum: 8131 },
        { pulje: "Beskæftigelsestilskud", amount: -15011, post: "Vurdering" },
        { pulje: "Ny pulje", amount: 0 },
      ],
      2018,
      { ...defaultParameters(), unit: "1.000 kr." },
    );
    expect(d.points.map((pt) => pt.nr)).toEqual([1, 2, 3]);
    expect(d.appropriations.map((a) => [a.punkt, a.beløbKr, a.tilPuljen])).toEqual([
      [2, 8_132_000, true],
      [3, 15_011_000, false],
    ]);
    expect(d.figureNotes).toHaveLength(1);
    expect(d.figureNotes[0]).toContain("en forskel på 1.");
  });

  it("a rounding note wherever kroner come from 1.000 kr. or mio. kr. rows, none in kr.", () => {
    expect(kronerNote("kr.")).toBeUndefined();
    expect(kronerNote("1.000 kr.")).toBe(
      "Beløbene i kr. er omregnet fra tabellernes 1.000 kr. række for række og er derfor afrundet til hele tusinde kroner.",
    );
    expect(kronerNote("mio. kr.")).toContain("hele millioner kroner");
  });
});

describe("R15.7 a pool a letter or two from a known one", () => {
  const known = ["Budgetgaranti", "Beskæftigelsestilskud"];
  it("a slip or a definite ending is near a known pool; a known pool, another digit or a far name is not", () => {
    expect(nearPool("Budgetgarantien", known)).toBe("Budgetgaranti");
    expect(nearPool("Beskæftigelsestilskuddet", known)).toBe("Beskæftigelsestilskud");
    expect(nearPool("Budgetgarnati", known)).toBe("Budgetgaranti");
    expect(nearPool("budgetgaranti", known)).toBeUndefined();
    expect(nearPool("Integrationspulje", known)).toBeUndefined();
    expect(nearPool("Pulje 2", ["Pulje 1"])).toBeUndefined();
  });
});
