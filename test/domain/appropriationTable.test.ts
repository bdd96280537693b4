import {
  appropriations,
  appropriationTable,
  checkAppropriationTable,
  defaultParameters,
  Diagnostics,
  transfersPerYear,
} from "../../src/domain";

const p = { ...defaultParameters(), unit: "1.000 kr." as const };

describe("R14.1 the bevillingstabel", () => {
  it("2018: one punkt per tillægsbevilling, the committee and the pool, each punkt summing to 0", () => {
    const list = appropriations(
      new Map([
        ["Budgetgaranti", 8131],
        ["Beskæftigelsestilskud", -15011],
      ]),
      2018,
      p,
    );
    const rows = appropriationTable(list, p);
    expect(rows.map((r) => [r.punkt, r.styringsområde, r.udvalg, r.år, r.beløbKr])).toEqual([
      [1, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2018, -8_131_000],
      [
        1,
        "Reservationspuljen vedrørende budgetgaranterede områder og øvrige overførsler",
        "Økonomiudvalget",
        2018,
        8_131_000,
      ],
      [2, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2018, 15_011_000],
      [2, "Reservationspuljen vedrørende beskæftigelsestilskuddet", "Økonomiudvalget", 2018, -15_011_000],
    ]);
    expect(rows[0]!.beskrivelse).toBe(list[0]!.tekst);
    const d = new Diagnostics();
    checkAppropriationTable(rows, d);
    expect(d.items).toEqual([]);
  });

  it("a punkt that does not sum to 0 in a year is an error naming the punkt, the year and the sum", () => {
    const d = new Diagnostics();
    checkAppropriationTable(
      [
        { punkt: 1, beskrivelse: "", styringsområde: "A", udvalg: "U", år: 2019, beløbKr: 100 },
        { punkt: 1, beskrivelse: "", styringsområde: "B", udvalg: "U", år: 2019, beløbKr: -99 },
        { punkt: 1, beskrivelse: "", styringsområde: "A", udvalg: "U", år: 2020, beløbKr: 5 },
        { punkt: 1, beskrivelse: "", styringsområde: "B", udvalg: "U", år: 2020, beløbKr: -5 },
      ],
      d,
    );
    expect(d.items.map((i) => [i.code, i.message])).toEqual([
      [
        "UNBALANCED_APPROPRIATION",
        "Indstillingspunkt 1 i bevillingstabellen summer til 1 kr. i 2019, ikke 0; tabellen skrives ikke.",
      ],
    ]);
  });

  it("the overførsel per target year adds the lines' parts", () => {
    expect(
      transfersPerYear([
        { overførselPerÅr: [{ år: 2019, beløb: 10 }] },
        {
          overførselPerÅr: [
            { år: 2019, beløb: 5 },
            { år: 2020, beløb: 7 },
          ],
        },
        { overførselPerÅr: [] },
      ]),
    ).toEqual({ "2019": 15, "2020": 7 });
  });
});
