import {
  appropriation,
  computeFollowUp,
  defaultParameters,
  Diagnostics,
  FollowUpField,
  investmentMovement,
  RawCell,
  RawRecord,
  readFollowUpRows,
  readInvestments,
} from "../../src/domain";

const at = (c: string) => ({ sheet: "Opfølgning", cell: c });
const c = (value: RawCell["value"], cell: string): RawCell => ({ value, at: at(cell) });

describe("reading the Opfoelgning table", () => {
  it("skips blank and comment rows, reads rates, and reports bad cells while keeping good rows", () => {
    const records: RawRecord<FollowUpField>[] = [
      {
        at: at("A2"),
        cells: {
          område: c("Kontanthjælp", "A2"),
          pulje: c("Budgetgaranti", "B2"),
          korrigeret: c(659160, "D2"),
          forventet: c(648210, "E2"),
          budgetRefusion: c("21 %", "H2"),
          forventetRefusion: c(0.2, "I2"),
        },
      },
      { at: at("A3"), cells: { område: c(null, "A3"), korrigeret: c("rod", "D3") } },
      { at: at("A4"), cells: { område: c("# note", "A4"), korrigeret: c("rod", "D4") } },
      {
        at: at("A5"),
        cells: {
          område: c("Sygedagpenge", "A5"),
          pulje: c("Budgetgaranti", "B5"),
          korrigeret: c({ error: "#N/A" }, "D5"),
          forventet: c(1, "E5"),
        },
      },
      {
        at: at("A6"),
        cells: {
          område: c("Seniorjob", "A6"),
          pulje: c(null, "B6"),
          korrigeret: c(1, "D6"),
          forventet: c(1, "E6"),
        },
      },
    ];
    const d = new Diagnostics();
    const rows = readFollowUpRows(records, d);
    expect(rows.map((r) => r.område)).toEqual(["Kontanthjælp"]);
    expect(rows[0]!.budgetRefusion).toBeCloseTo(0.21, 12);
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([
      ["warning", "TEXT_NUMBER", "H2"],
      ["error", "EXCEL_ERROR", "D5"],
      ["error", "MISSING_VALUE", "B6"],
    ]);
    // 1 pp fall in refusion is GUL.
    expect(computeFollowUp(rows, defaultParameters()).rows[0]!.refusion).toBe("GUL");
  });

  it("groups pool names loosely and keeps the first spelling", () => {
    const p = defaultParameters();
    const result = computeFollowUp(
      [
        { område: "a", pulje: "Budgetgaranti", korrigeret: 10, forventet: 5 },
        { område: "b", pulje: "budgetgaranti ", korrigeret: 10, forventet: 8 },
        { område: "c", pulje: "uden for puljen", korrigeret: 0, forventet: 100 },
      ],
      p,
    );
    expect([...result.groups.keys()]).toEqual(["Budgetgaranti", "uden for puljen"]);
    expect(result.groups.get("Budgetgaranti")!.afvigelse).toBe(7);
    expect(result.total.afvigelse).toBe(7);
  });
});

describe("R9 wording and amounts", () => {
  const p = {
    ...defaultParameters(),
    committee: "Social- og Sundhedsudvalget",
    poolCommittee: "Magistraten",
    steeringArea: "Overførsler",
    poolDescriptions: { Samlet: "den samlede pulje" },
  };
  it("takes committee, steering area and pool wording from the parameters", () => {
    expect(appropriation("Samlet", 1234.5, 2025, p)?.tekst).toBe(
      "Budgetneutral tillægsbevilling fra Social- og Sundhedsudvalget på styringsområdet Overførsler på 1.234.500 kr. i 2025, til reservationspuljen under Magistraten vedrørende den samlede pulje.",
    );
    expect(appropriation("Ukendt pulje", -2, 2025, p)?.tekst).toContain(
      "fra reservationspuljen under Magistraten vedrørende Ukendt pulje.",
    );
  });
  it("gives no line for zero, and states mio. kr. in whole kr.", () => {
    expect(appropriation("Samlet", 0, 2025, p)).toBeUndefined();
    expect(appropriation("Samlet", 0.0004, 2025, p)).toBeUndefined();
    expect(appropriation("Samlet", 118.2, 2025, { ...p, unit: "mio. kr." })?.beløbKr).toBe(118_200_000);
  });
});

describe("R8 investment movement", () => {
  it("a reduced net gain of 938.985 kr. is taken back from the pool", () => {
    expect(investmentMovement(4_293_000, 4_293_000 - 938_985, "1.000 kr.")).toBe(-938.985);
    expect(investmentMovement(4_293_000, 4_293_000 - 938_985, "kr.")).toBe(-938_985);
  });
  it("reads projects and reports a missing investeringssum", () => {
    const i = (col: string) => ({ sheet: "Investeringer", cell: col });
    const d = new Diagnostics();
    const projects = readInvestments(
      [
        {
          at: i("A2"),
          cells: {
            nr: { value: 1, at: i("A2") },
            projekt: { value: "CV-boost", at: i("B2") },
            gevinst: { value: 14485417, at: i("C2") },
            investeringssum: { value: 12799750, at: i("D2") },
          },
        },
        {
          at: i("A3"),
          cells: {
            nr: { value: 2, at: i("A3") },
            projekt: { value: "X", at: i("B3") },
            gevinst: { value: 1, at: i("C3") },
          },
        },
      ],
      d,
    );
    expect(projects.map((p) => p.projekt)).toEqual(["CV-boost"]);
    expect(d.items.map((x) => [x.code, x.cell])).toEqual([["MISSING_VALUE", "A3"]]);
  });
});
