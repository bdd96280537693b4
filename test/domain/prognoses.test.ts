import fc from "fast-check";
import {
  compareScenarios,
  computeLedger,
  defaultParameters,
  Diagnostics,
  estimateGrant,
  feedLedger,
  finalRegulation,
  GrantMunicipality,
  midYearRegulation,
  Prognosis,
  RawPrognosisRecord,
  readGrantInputs,
  readPrognoses,
  readSensitivitySpecs,
  sensitivityGrid,
  sensitivityRows,
  SensitivitySpec,
} from "../../src/domain";
import { ledger2018, LEDGER_POOLS_2018 } from "../helpers/fixtures2018";
import { GRANT_EXAMPLE_A } from "../helpers/grantExample";

const [GUARANTEE, EMPLOYMENT] = LEDGER_POOLS_2018 as [string, string];
const thresholds = { ...defaultParameters(), budgetvaern: 50000 }; // as the 2018 document

// The three municipalities of regulation.test.ts, seen from A (landsdel Fyn): Σ grundtilskud 60
// (Fyn 30), Σ ledige 1.000 (Fyn 400).
const municipalities: GrantMunicipality[] = [
  { name: "A", landsdel: "Fyn", grundtilskud: 10, ledige: 100 },
  { name: "B", landsdel: "Fyn", grundtilskud: 20, ledige: 300 },
  { name: "C", landsdel: "Jylland", grundtilskud: 30, ledige: 600 },
];
const inputsA = GRANT_EXAMPLE_A;

describe("R6.2 the § 23 a estimate for one municipality (the Tilskudsberegning block)", () => {
  it("gives merudgiftsbehov, midtvejsregulering and efterregulering by hand: 100 → 110, +10, +15", () => {
    const e = estimateGrant(inputsA);
    const value = (key: string) => e.lines.find((l) => l.key === key)!.value;
    expect(value("merudgiftsbehovBudget")).toBe(100); // (1.060 − 60) × 100 / 1.000
    expect(value("beskaeftigelsestilskudBudget")).toBe(110);
    expect(value("merudgiftsbehovMidtvejs")).toBe(110); // (1.160 − 60) × 100 / 1.000
    expect(e.midtvejsBeskaeftigelse).toBe(10);
    expect(value("merudgiftsbehovFaktisk")).toBe(125); // (530 − 30) × 100 / 400
    expect(e.efterregulering).toBe(15);
    expect(value("garantiAndel")).toBe(0.04);
    expect(e.midtvejsGaranti).toBe(-80);
  });

  it("agrees with the multi-municipality model for every municipality, so the shares sum to the totals", () => {
    const mid = midYearRegulation(municipalities, 1060, 1160);
    const fin = finalRegulation(
      municipalities,
      1160,
      new Map([
        ["Fyn", 530],
        ["Jylland", 630],
      ]),
    );
    const totals = { Fyn: { g: 30, l: 400, u: 530 }, Jylland: { g: 30, l: 600, u: 630 } } as const;
    for (const m of municipalities) {
      const t = totals[m.landsdel as keyof typeof totals];
      const e = estimateGrant({
        ...inputsA,
        grundtilskud: m.grundtilskud,
        ledige: m.ledige,
        grundtilskudLandsdel: t.g,
        ledigeLandsdel: t.l,
        udgifterLandsdel: t.u,
      });
      expect(e.midtvejsBeskaeftigelse).toBeCloseTo(mid.get(m.name)!, 9);
      expect(e.efterregulering).toBeCloseTo(fin.get(m.name)!, 9);
    }
  });

  it("names the inputs each missing result still needs, and uses a given share over the population share", () => {
    const e = estimateGrant({
      udgifterBudget: 1060,
      grundtilskudLand: 60,
      garantiAendring: -2000,
      garantiAndel: 0.1,
    });
    const line = (key: string) => e.lines.find((l) => l.key === key)!;
    expect(line("merudgiftsbehovBudget").value).toBeUndefined();
    expect(line("merudgiftsbehovBudget").missing).toEqual([
      "Ledige, kommunen (to år før tilskudsåret)",
      "Ledige, hele landet (to år før tilskudsåret)",
    ]);
    expect(e.efterregulering).toBeUndefined();
    expect(e.midtvejsGaranti).toBe(-200);
  });

  it("reads the labelled block: labels match loosely, unknown labels warn, negative counts and text are errors", () => {
    const d = new Diagnostics();
    const row = (label: string, value: unknown, r: number) => ({
      label: { value: label, at: { sheet: "Reguleringer", cell: `A${r}` } },
      value: { value: value as number, at: { sheet: "Reguleringer", cell: `B${r}` } },
    });
    const inputs = readGrantInputs(
      [
        row("ledige, KOMMUNEN", 100, 2),
        row("Budgetgaranti, kommunens andel (tom = befolkningsandel)", "3,5 %", 3),
        row("Ledige, hele landet", -5, 4),
        row("Udgifter i alt", 1, 5),
        row("Grundtilskud, kommunen", "mange", 6),
      ],
      d,
    );
    expect(inputs).toEqual({ ledige: 100, garantiAndel: 0.035 });
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([
      ["warning", "TEXT_NUMBER", "B3"],
      ["error", "PARAMETER_OUT_OF_BOUNDS", "B4"],
      ["warning", "UNKNOWN_PARAMETER", "A5"],
      ["error", "NOT_A_NUMBER", "B6"],
    ]);
  });
});

function prognosisRecord(r: number, cells: (string | number | null)[]): RawPrognosisRecord {
  const fields = ["scenarie", "regulering", "kilde", "dato", "status", "valgt"] as const;
  const at = (c: number) => ({ sheet: "Reguleringer", cell: `${String.fromCharCode(65 + c)}${r}` });
  return {
    cells: Object.fromEntries(fields.map((f, i) => [f, { value: cells[i], at: at(i) }])),
    poolCells: [6, 7].map((c) => ({ value: cells[c], at: at(c) })),
    at: at(0),
  };
}

describe("R6.1 prognoses of a regulation (the Prognoser table)", () => {
  const pools = LEDGER_POOLS_2018;

  it("reads prognoses; Status defaults to Prognose, Valgt to Nej; a date serial becomes a date", () => {
    const d = new Diagnostics();
    const read = readPrognoses(
      pools,
      [
        prognosisRecord(5, ["KL sep. 2018", "Efterregulering", "KL", 43374, null, "Ja", null, -29501]),
        prognosisRecord(6, ["Ingen", "efterregulering", null, "forår 2019", "Endelig", null, null, 0]),
        prognosisRecord(7, ["# kommentar", "x", null, null, null, null, null, null]),
      ],
      d,
    );
    expect(d.items).toEqual([]);
    expect(read.map((p) => [p.scenario.name, p.scenario.type, p.scenario.status, p.chosen, p.dato])).toEqual([
      // A date cell reads as the minutes write dates (never 2018-10-01).
      ["KL sep. 2018", "Efterregulering", "Prognose", true, "1/10 2018"],
      ["Ingen", "Efterregulering", "Endelig", false, "forår 2019"],
    ]);
    expect(read[0]!.scenario.amounts).toEqual({ [GUARANTEE]: 0, [EMPLOYMENT]: -29501 });
  });

  it("reports an unknown or computed regulation, a second chosen prognosis and a bad Valgt at their cells", () => {
    const d = new Diagnostics();
    const read = readPrognoses(
      pools,
      [
        prognosisRecord(5, ["a", "Efterregulering", null, null, null, "Ja", null, 1]),
        prognosisRecord(6, ["b", "Efterregulering", null, null, null, "ja", null, 2]),
        prognosisRecord(7, ["c", "Saldo", null, null, null, null, null, 3]),
        prognosisRecord(8, ["d", "Midtvejsregulering", null, null, null, "måske", null, 4]),
        prognosisRecord(9, ["e", "Midtvejsregulering", null, null, "Gæt", null, null, 4]),
      ],
      d,
    );
    expect(read.map((p) => p.scenario.name)).toEqual(["a"]);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([
      ["DUPLICATE_CHOICE", "F6"],
      ["UNKNOWN_TYPE", "B7"],
      ["NOT_A_YES_NO", "F8"],
      ["UNKNOWN_STATUS", "E9"],
    ]);
  });
});

function prognosis(name: string, amount: number, chosen = false): Prognosis {
  return {
    scenario: { name, type: "Efterregulering", amounts: { [EMPLOYMENT]: amount }, status: "Prognose" },
    chosen,
    at: {},
  };
}

describe("the 2018 story on the Reguleringer sheet", () => {
  it("side by side: −86.093 with KL's prognosis of −29.501, −56.592 without; kassen 36.093 and 6.592", () => {
    const { ledger } = ledger2018();
    const rows = compareScenarios(
      ledger,
      [prognosis("KL", -29501, true), prognosis("Ingen", 0)],
      undefined,
      thresholds,
    );
    expect(
      rows.map((r) => [
        r.outcome.resultat,
        r.outcome.budgetvaernBrugt,
        r.outcome.kassefinansiering,
        r.outcome.flag,
      ]),
    ).toEqual([
      [-86093, 50000, 36093, "RØD"],
      [-56592, 50000, 6592, "RØD"],
    ]);
  });

  it("feeds the chosen prognosis into a ledger line with Kilde Reguleringer, and the estimate into 'egen beregning'", () => {
    const { ledger } = ledger2018();
    const efter = ledger.lines.findIndex((l) => l.type === "Efterregulering");
    const mid = ledger.lines.findIndex((l) => l.type === "Midtvejsregulering");
    ledger.lines[efter] = { ...ledger.lines[efter]!, kilde: "reguleringer" };
    ledger.lines[mid] = { ...ledger.lines[mid]!, kilde: "Egen beregning" };
    const d = new Diagnostics();
    const estimate = estimateGrant(inputsA); // midtvejs +10 beskæftigelse, −80 budgetgaranti
    const fed = feedLedger(
      ledger,
      { prognoses: [prognosis("KL", -29501), prognosis("Forår", -20000, true)], estimate },
      d,
    );
    expect(d.items).toEqual([]);
    expect(fed.fedLines).toEqual([mid, efter]);
    expect(fed.ledger.lines[efter]!.values).toEqual([0, -20000]);
    expect(fed.ledger.lines[mid]!.values).toEqual([-80, 10]);
    // −86.093 − (−29.501 − −20.000) − (−96.128 − −70)
    expect(computeLedger(fed.ledger).result.total).toBe(-86093 + 9501 + 96058);
    expect(ledger.lines[efter].values).toEqual([0, -29501]); // the input ledger is unchanged
  });

  it("keeps a line's own amounts, with a warning at the line, when its source has nothing to give", () => {
    const { ledger } = ledger2018();
    const efter = ledger.lines.findIndex((l) => l.type === "Efterregulering");
    ledger.lines[efter] = {
      ...ledger.lines[efter]!,
      kilde: "Reguleringer",
      at: { sheet: "Reservationspulje", cell: "A13" },
    };
    const d = new Diagnostics();
    const fed = feedLedger(ledger, { prognoses: [prognosis("KL", -1)] }, d);
    expect(fed.fedLines).toEqual([]);
    expect(fed.ledger.lines[efter]!.values).toEqual([0, -29501]);
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([["error", "NO_SOURCE", "A13"]]);
  });

  it("a sensitivity row on one pool keeps the other pools' parts: midtvejsregulering on Budgetgaranti at −77.288 gives the ledger's −86.093", () => {
    const { ledger } = ledger2018();
    const spec: SensitivitySpec = {
      type: "Midtvejsregulering",
      pool: GUARANTEE,
      amounts: [-77288, -70000],
      at: {},
    };
    const rows = sensitivityRows(ledger, spec, thresholds);
    const actual = rows.find((r) => r.amount === -77288)!;
    // The beskæftigelsestilskud part (−18.840) stays in: the result equals the ledger's.
    expect(actual.outcome.resultat).toBe(-86093);
    expect(rows.find((r) => r.amount === -70000)!.outcome.resultat).toBe(-86093 + 7288);
  });

  it("a sensitivity row shows the efterregulering at which the budgetværn of 50.000 is exactly used up: +6.592", () => {
    const { ledger } = ledger2018();
    const spec: SensitivitySpec = {
      type: "Efterregulering",
      pool: EMPLOYMENT,
      amounts: [-30000, 0, 10000],
      at: {},
    };
    const rows = sensitivityRows(ledger, spec, thresholds);
    expect(
      rows.map((r) => [
        r.amount,
        r.outcome.resultat,
        r.outcome.budgetvaernBrugt,
        r.outcome.kassefinansiering,
        r.outcome.flag,
        r.breakEven,
      ]),
    ).toEqual([
      [-30000, -86592, 50000, 36592, "RØD", false],
      [0, -56592, 50000, 6592, "RØD", false],
      [6592, -50000, 50000, 0, "GUL", true],
      [10000, -46592, 46592, 0, "GUL", false],
    ]);
  });

  it("the grid is the result without both varied parts plus the two amounts, for any amounts (fast-check)", () => {
    const { ledger } = ledger2018();
    // Without the efterregulering (Beskæftigelsestilskud) and the Budgetgaranti part of the
    // midtvejsregulering; its Beskæftigelsestilskud part (−18.840) stays in.
    const base = -86093 + 29501 + 77288;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -200000, max: 200000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: -200000, max: 200000 }), { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const rows: SensitivitySpec = { type: "Efterregulering", pool: EMPLOYMENT, amounts: a, at: {} };
          const columns: SensitivitySpec = {
            type: "Midtvejsregulering",
            pool: GUARANTEE,
            amounts: b,
            at: {},
          };
          const grid = sensitivityGrid(ledger, rows, columns, thresholds);
          grid.results.forEach((line, i) =>
            line.forEach((r, j) => expect(r.outcome.resultat).toBe(base + a[i]! + b[j]!)),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it("reads sensitivity ranges: Fra..Til by Trin, the efterregulering on the beskæftigelsestilskud by default", () => {
    const d = new Diagnostics();
    const record = (r: number, values: (string | number | null)[]) => ({
      cells: Object.fromEntries(
        (["regulering", "fra", "til", "trin", "pulje"] as const).map((f, i) => [
          f,
          { value: values[i], at: { sheet: "Reguleringer", cell: `${"ABCDE"[i]}${r}` } },
        ]),
      ),
      at: { sheet: "Reguleringer", cell: `A${r}` },
    });
    const specs = readSensitivitySpecs(
      LEDGER_POOLS_2018,
      [
        record(2, ["Efterregulering", -20000, 0, 10000, null]),
        record(3, ["Midtvejsregulering", 0, 1, 0, null]),
        record(4, ["Midtvejsregulering", 0, 1000000, 1, null]),
        record(5, ["DUT", 0, 10, 5, "Ukendt pulje"]),
      ],
      d,
    );
    expect(specs.map((s) => [s.type, s.pool, s.amounts])).toEqual([
      ["Efterregulering", EMPLOYMENT, [-20000, -10000, 0]],
    ]);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([
      ["PARAMETER_OUT_OF_BOUNDS", "D3"],
      ["PARAMETER_OUT_OF_BOUNDS", "D4"],
      ["UNKNOWN_POOL", "E5"],
    ]);
  });
});
