import {
  appropriations,
  appropriationTable,
  AppropriationTableRow,
  checkAppropriationTable,
  computeYearEnd,
  defaultParameters,
  Diagnostics,
  transfersPerYear,
  YearEndLine,
  yearEndAppropriationTable,
} from "../../src/domain";
import fc from "fast-check";

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

/** The year-end test workbook's lines (whole kr.), and a conversion of the Administration line to Service. */
const yearEndLines: YearEndLine[] = [
  line("Kontanthjælp", "Særlige driftsområder", false, 659_160_123, 648_210_456),
  line("A-dagpenge", "Særlige driftsområder", false, 409_623_000, 423_664_321),
  line("Projekter med ekstern finansiering", "Særlig drift med overførsel", true, -5_352_000, 1_638_333, [
    { år: 2019, andel: 1 },
  ]),
  line("Jobcenter drift", "Service", true, 120_000_001, 117_345_678, [
    { år: 2019, andel: 0.6 },
    { år: 2020, andel: 0.4 },
  ]),
  // No "Overføres til år": carried to the accounts' year + 1; converted to Service.
  {
    ...line("Mentorordning", "Særlig drift med overførsel", true, 3_000_000, 2_500_000),
    konverteresTil: "Service",
  },
];

function line(
  område: string,
  styringsområde: string,
  overførselsadgang: boolean,
  korrigeret: number,
  regnskab: number,
  fordeling: { år: number; andel: number }[] = [],
): YearEndLine {
  return { område, styringsområde, overførselsadgang, korrigeret, regnskab, fordeling };
}

/** Punkt → styringsområde → "år: beløb" entries, to read the table at a glance. */
function byPunkt(rows: readonly AppropriationTableRow[]): Record<number, [string, number, number][]> {
  const out: Record<number, [string, number, number][]> = {};
  for (const r of rows) (out[r.punkt] ??= []).push([r.styringsområde, r.år, r.beløbKr]);
  return out;
}

describe("R14.1 the bevillingstabel from the year-end", () => {
  const kr = { ...defaultParameters(), unit: "kr." as const };
  const result = computeYearEnd(yearEndLines, 2018);
  const rows = yearEndAppropriationTable(result, 2018, kr, 3);

  it("overførsel per styringsområde and year against the treasury, konvertering, the kassen afregning", () => {
    expect(byPunkt(rows)).toEqual({
      3: [
        ["Særlig drift med overførsel", 2019, -6_990_333 + 500_000],
        ["Service", 2019, 1_592_594],
        ["Service", 2020, 1_061_729],
        ["Kassen", 2019, 6_490_333 - 1_592_594],
        ["Kassen", 2020, -1_061_729],
      ],
      // Mentorordning's 500.000 (no year given: 2019) moves from its styringsområde to Service.
      4: [
        ["Særlig drift med overførsel", 2019, -500_000],
        ["Service", 2019, 500_000],
      ],
      // Kassen = 10.949.667 − 14.041.321 = −3.091.654: a merforbrug the treasury pays.
      5: [
        ["Særlige driftsområder", 2018, 3_091_654],
        ["Kassen", 2018, -3_091_654],
      ],
    });
    const diagnostics = new Diagnostics();
    checkAppropriationTable(rows, diagnostics);
    expect(diagnostics.items).toEqual([]);
    expect(rows.find((r) => r.styringsområde === "Kassen")!.udvalg).toBe(kr.poolCommittee);
    expect(rows.find((r) => r.punkt === 4)!.beskrivelse).toBe(
      "Konvertering af overførslen vedrørende Mentorordning fra Særlig drift med overførsel til Service.",
    );
  });

  it("the overførsel punkt's area rows per year are the year-end's overførsel per year", () => {
    const perYear = transfersPerYear(result.lines);
    for (const [år, total] of Object.entries(perYear))
      expect(
        rows
          .filter((r) => r.punkt === 3 && r.år === Number(år) && r.styringsområde !== "Kassen")
          .reduce((s, r) => s + r.beløbKr, 0),
      ).toBe(total);
  });

  it("without a year to carry to, the overførsel is a warning at its line, not a silent 0", () => {
    const diagnostics = new Diagnostics();
    const noYear = computeYearEnd([yearEndLines[4]!], undefined, diagnostics);
    expect(noYear.lines[0]!.overførselPerÅr).toEqual([]);
    expect(diagnostics.items.map((d) => [d.level, d.message])).toEqual([
      [
        "warning",
        'Linjens overførsel ("Mentorordning") kan ikke fordeles på år: angiv Overføres til år, eller Budgetår i Regler (så overføres den til året efter).',
      ],
    ]);
  });

  it("in 1.000 kr. every row is whole kr. and every punkt sums to 0 (property)", () => {
    const amount = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 1000) / 1000);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            adgang: fc.boolean(),
            area: fc.constantFrom("Service", "Særlige driftsområder", "Særlig drift med overførsel"),
            korrigeret: amount,
            regnskab: amount,
            share: fc.integer({ min: 0, max: 100 }),
            convert: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const input = specs.map((s, i): YearEndLine => ({
            ...line(`Linje ${i}`, s.area, s.adgang, s.korrigeret, s.regnskab, [
              { år: 2025, andel: s.share / 100 },
              { år: 2026, andel: 1 - s.share / 100 },
            ]),
            ...(s.adgang && s.convert ? { konverteresTil: "Service" } : {}),
          }));
          const table = yearEndAppropriationTable(computeYearEnd(input, 2024), 2024, p, 1);
          for (const r of table) expect(Number.isInteger(r.beløbKr)).toBe(true);
          const diagnostics = new Diagnostics();
          checkAppropriationTable(table, diagnostics);
          expect(diagnostics.items).toEqual([]);
        },
      ),
    );
  });
});
