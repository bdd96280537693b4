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
  accountsDecision,
  yearEndPoolShare,
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
        { punkt: 2, beskrivelse: "", styringsområde: "A", udvalg: "U", år: 2019, beløbKr: 7 },
        { punkt: 2, beskrivelse: "", styringsområde: "B", udvalg: "U", år: 2019, beløbKr: -10 },
      ],
      d,
    );
    expect(d.items.map((i) => [i.code, i.message])).toEqual([
      [
        "UNBALANCED_APPROPRIATION",
        "Indstillingspunkt 1 i bevillingstabellen summer til 1 kr. i 2019, ikke 0; tabellen skrives ikke. Kontrollér puljens linjer og bevillingernes beløb, og beregn igen.",
      ],
      [
        "UNBALANCED_APPROPRIATION",
        "Indstillingspunkt 2 i bevillingstabellen summer til -3 kr. i 2019, ikke 0; tabellen skrives ikke. Kontrollér puljens linjer og bevillingernes beløb, og beregn igen.",
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

describe("R15.4 the accounts case's decision (Regnskab on the accounts of N, decided in N+1)", () => {
  const kr = { ...defaultParameters(), unit: "kr." as const };
  // Two lines converted from Særlig drift med overførsel to Service: Mentorordning (no year: 2019) and a
  // second one carried to 2019 too — one konvertering punkt, not two.
  const lines: YearEndLine[] = [
    ...yearEndLines,
    {
      ...line("Jobrotation", "Særlig drift med overførsel", true, 1_000_000, 750_000),
      konverteresTil: "Service",
    },
  ];
  const result = computeYearEnd(lines, 2018);
  const decision = accountsDecision(result, 2018, { amount: yearEndPoolShare(result, kr)! }, kr);

  it("points 1–4: årsberetning, overførsel, one konvertering per (from, to, year), the afregning in N+1", () => {
    expect(decision.points.map((pt) => [pt.nr, pt.kind])).toEqual([
      [1, "godkendelse"],
      [2, "overførsel"],
      [3, "konvertering"],
      [4, "afregning"],
    ]);
    expect(decision.points[2]!.tekst).toBe(
      "Der flyttes budget på 750.000 kr. fra styringsområdet Særlig drift med overførsel til styringsområdet Service i 2019.",
    );
    // Kassen = 10.949.667 − 14.041.321 = −3.091.654: a merforbrug, settled in 2019 (N+1), not 2018.
    expect(byPunkt(decision.table)).toEqual({
      3: [
        ["Service", 2019, 750_000],
        ["Særlig drift med overførsel", 2019, -750_000],
      ],
      4: [
        ["Særlige driftsområder", 2019, -3_091_654],
        ["Særlige driftsområder", 2019, 3_091_654],
      ],
    });
    expect(decision.table.filter((r) => r.punkt === 4).map((r) => r.udvalg)).toEqual([
      "Kassen",
      kr.committee,
    ]);
    expect(decision.table.some((r) => r.år === 2018)).toBe(false);
    expect(decision.appropriations).toEqual([]);
    const diagnostics = new Diagnostics();
    checkAppropriationTable(decision.table, diagnostics);
    expect(diagnostics.items).toEqual([]);
  });

  it("the overførsel table per line, its I alt the sum of the rows, Kassen I alt the pool's share", () => {
    const t = decision.transfers!;
    expect(t.years).toEqual([2019, 2020]);
    expect(t.rows.map((r) => [r.beskrivelse, r.kassen, ...r.overførsel])).toEqual([
      ["Kontanthjælp", 10_949_667, 0, 0],
      ["A-dagpenge", -14_041_321, 0, 0],
      ["Projekter med ekstern finansiering", 0, -6_990_333, 0],
      ["Jobcenter drift", 0, 1_592_594, 1_061_729],
      ["Mentorordning", 0, 500_000, 0],
      ["Jobrotation", 0, 250_000, 0],
    ]);
    expect(t.total.overførsel).toEqual([-6_990_333 + 1_592_594 + 750_000, 1_061_729]);
    expect(t.total.kassen).toBe(-3_091_654);
    expect(decision.points[1]!.tekst).toBe(
      "At det samlede merforbrug på 3.586.010 kr. fra 2018 overføres til kommende budgetår. Der overføres et merforbrug på 4.647.739 kr. til 2019 og 1.061.729 kr. til 2020.",
    );
  });

  it("the afregning follows the ledger's Regnskab line and shows the table's own figure beside it where they differ", () => {
    const d = accountsDecision(
      result,
      2018,
      { amount: -3_000_000, post: "Regnskab 2018", yearEndSum: -3_091_654 },
      kr,
    );
    expect(d.table.filter((r) => r.punkt === 4).map((r) => r.beløbKr)).toEqual([-3_000_000, 3_000_000]);
    expect(d.figureNotes).toEqual([
      'Afregningen er puljens linje "Regnskab 2018": -3.000.000 (kr.). Regnskabets kassebeløb for Særlige driftsområder er -3.091.654, en forskel på 91.654.',
    ]);
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

  it("in 1.000 kr. every row is whole kr., every punkt sums to 0, points are numbered 1, 2, 3 … (property)", () => {
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
          const r = computeYearEnd(input, 2024);
          const share = yearEndPoolShare(r, p);
          const d = accountsDecision(r, 2024, share === undefined ? undefined : { amount: share }, p);
          for (const row of d.table) expect(Number.isInteger(row.beløbKr)).toBe(true);
          expect(d.points.map((pt) => pt.nr)).toEqual(d.points.map((_, i) => i + 1));
          expect(new Set(d.table.map((row) => row.punkt)).size).toBe(
            d.points.filter((pt) => pt.kind === "konvertering" || pt.kind === "afregning").length,
          );
          // The afregning, when any, is in N+1 and its Kassen row is the pool's share in whole kr.
          const kassen = d.table.filter((row) => row.udvalg === "Kassen");
          expect(kassen.every((row) => row.år === 2025)).toBe(true);
          expect(kassen.reduce((s2, row) => s2 + row.beløbKr, 0)).toBe(Math.round((share ?? 0) * 1000) + 0);
          const diagnostics = new Diagnostics();
          checkAppropriationTable(d.table, diagnostics);
          expect(diagnostics.items).toEqual([]);
        },
      ),
    );
  });
});
