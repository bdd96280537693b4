import ExcelJS from "exceljs";
import { join } from "path";
import { cellMap, changedCells, columnOf, load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

/** A workbook in whole kr.: Regler (Enhed kr.), a ledger whose Regnskab line asks for the Regnskab table. */
async function yearEndWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet("Regler");
  rules.addRows([
    ["Parameter", "Værdi"],
    ["Enhed", "kr."],
    ["Budgetår", 2018],
    ["Budgetværn", 50_000_000],
  ]);
  const ledger = wb.addWorksheet("Reservationspulje");
  ledger.addRows([
    ["Post", "Type", "Status", "Kilde", "Budgetgaranti", "Beskæftigelsestilskud"],
    ["Oprindelig reservationspulje", "Oprindelig", "Endelig", null, 103_898_000, -78_446_000],
    ["Regnskab 2018", "Regnskab", "Endelig", "Regnskab", null, null],
    ["Resultat", "Resultat", null, null, null, null],
  ]);
  const accounts = wb.addWorksheet("Regnskab");
  accounts.addRows([
    [
      "Område",
      "Styringsområde",
      "Overførselsadgang",
      "Korrigeret budget",
      "Regnskab",
      "Overføres til år",
      "Pulje",
    ],
    ["Kontanthjælp", "Særlige driftsområder", "Nej", 659_160_123, 648_210_456, null, "Budgetgaranti"],
    ["A-dagpenge", "Særlige driftsområder", "Nej", 409_623_000, 423_664_321, null, "Beskæftigelsestilskud"],
    [
      "Projekter med ekstern finansiering",
      "Særlige driftsområder",
      "Ja",
      -5_352_000,
      1_638_333,
      "2019",
      null,
    ],
    ["Jobcenter drift", "Service", "Ja", 120_000_001, 117_345_678, "2019: 60 %; 2020: 40 %", null],
    ["Administration", "Service", "Ja", 10_000_000, 10_000_001, "2019", null],
  ]);
  const path = join(dir, "regnskab.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("year-end (R7) through the headless command, in whole kr.", () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let out: ExcelJS.Workbook;
  let input: string;
  beforeAll(async () => {
    dir = tempDir();
    input = await yearEndWorkbook(dir);
    run = await runCli(input, join(dir, "regnskab-out.xlsx"));
    out = await load(join(dir, "regnskab-out.xlsx"));
  });

  it("writes Afvigelse, Kassen and Overførsel; Kassen + Overførsel = Afvigelse to the krone on every line", () => {
    expect(run.code).toBe(0);
    const ws = out.getWorksheet("Regnskab")!;
    const [a, k, o] = ["Afvigelse", "Kassen", "Overførsel"].map((h) => columnOf(ws, 1, h)) as [
      number,
      number,
      number,
    ];
    const rows = [2, 3, 4, 5, 6].map((r) => [a, k, o].map((c) => ws.getCell(r, c).value as number));
    expect(rows).toEqual([
      [10_949_667, 10_949_667, 0],
      [-14_041_321, -14_041_321, 0],
      [-6_990_333, 0, -6_990_333],
      [2_654_323, 0, 2_654_323],
      [-1, 0, -1],
    ]);
    for (const [afvigelse, kassen, overførsel] of rows) expect(kassen! + overførsel!).toBe(afvigelse);
    for (const r of run.summary!.yearEnd!.lines)
      expect(r.overførselPerÅr.reduce((s, x) => s + x.beløb, 0)).toBe(r.overførsel);
    // 2.654.323 split 60/40 in whole kroner, the parts adding up exactly.
    expect(run.summary!.yearEnd!.lines[3]!.overførselPerÅr).toEqual([
      { år: 2019, beløb: 1_592_594 },
      { år: 2020, beløb: 1_061_729 },
    ]);
    // R14.1: the overførsel per target year over all lines (the minutes' "Overførsel T+1 · T+2").
    expect(run.summary!.yearEnd!.overførselPerÅr).toEqual({ "2019": -5_397_740, "2020": 1_061_729 });
  });

  it("totals per styringsområde, and the Regnskab ledger line from the kassen part of Særlige driftsområder", () => {
    const y = run.summary!.yearEnd!;
    expect(y.perStyringsområde).toEqual({
      "Særlige driftsområder": { afvigelse: -10_081_987, kassen: -3_091_654, overførsel: -6_990_333 },
      Service: { afvigelse: 2_654_322, kassen: 0, overførsel: 2_654_322 },
    });
    expect(y.ledgerLine).toEqual({ Budgetgaranti: 10_949_667, Beskæftigelsestilskud: -14_041_321 });
    expect(run.summary!.pool!.fedLines).toEqual(["Regnskab 2018"]);
    const ledger = out.getWorksheet("Reservationspulje")!;
    expect([ledger.getCell("E3").value, ledger.getCell("F3").value, ledger.getCell("G3").value]).toEqual([
      10_949_667, -14_041_321, -3_091_654,
    ]);
    expect(run.summary!.pool!.result["I alt"]).toBe(103_898_000 - 78_446_000 - 3_091_654);
  });

  it("R15.4: an accounts case (chosen: no follow-up) — overførsel per line, the afregning once, in N+1", () => {
    expect(run.summary!.sagstype).toEqual({ type: "Regnskab", valgtAf: "tabellerne" });
    expect(run.summary!.indstilling!.punkter.map((p) => [p.nr, p.art, p.tekst])).toEqual([
      [
        1,
        "godkendelse",
        "Årsberetning 2018 (økonomisk regnskab og effektregnskab) for Beskæftigelses- og Socialudvalget.",
      ],
      [
        2,
        "overførsel",
        "At det samlede merforbrug på 4.336.011 kr. fra 2018 overføres til kommende budgetår. Der overføres et merforbrug på 5.397.740 kr. til 2019 og 1.061.729 kr. til 2020.",
      ],
      [
        3,
        "afregning",
        "Der tilføres 3.091.654 kr. fra kassen til styringsområdet Særlige driftsområder under Beskæftigelses- og Socialudvalget; reservationspuljen under Økonomiudvalget forringes tilsvarende i 2019.",
      ],
    ]);
    // The overførsel table, per line, as the minutes print it: Afvigelse · Kassen · Overførsel 2019 · 2020.
    const t = run.summary!.overførsel!;
    expect(t.år).toEqual([2019, 2020]);
    expect(t.rows.map((r) => [r.beskrivelse, r.afvigelse, r.kassen, ...r.overførsel])).toEqual([
      ["Kontanthjælp", 10_949_667, 10_949_667, 0, 0],
      ["A-dagpenge", -14_041_321, -14_041_321, 0, 0],
      ["Projekter med ekstern finansiering", -6_990_333, 0, -6_990_333, 0],
      ["Jobcenter drift", 2_654_323, 0, 1_592_594, 1_061_729],
      ["Administration", -1, 0, -1, 0],
    ]);
    expect(t.total).toEqual({
      afvigelse: -7_427_665,
      kassen: -3_091_654,
      overførsel: [-5_397_740, 1_061_729],
    });
    // The bevillingstabel: only the afregning, in 2019 (the overførsel is its own table, without Kassen rows).
    const rows = run.summary!.appropriationTable!.map((r) => [
      r.punkt,
      r.styringsområde,
      r.udvalg,
      r.år,
      r.beløbKr,
    ]);
    expect(rows).toEqual([
      [3, "Særlige driftsområder", "Kassen", 2019, -3_091_654],
      [3, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2019, 3_091_654],
    ]);
    const ws = out.getWorksheet("Bevillinger")!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "Indstillingspunkt",
      "Beskrivelse",
      "Styringsområde",
      "Udvalg",
      "2019",
    ]);
    expect(ws.getCell("B4").value).toBe("Afregning - Reservationspuljen");
  });

  it("changes no input cell", async () => {
    const changed = changedCells(cellMap(await load(input)), cellMap(out));
    expect(changed).toEqual([]);
  });
});

describe("R14.1 konvertering: a line's overførsel moved to another styringsområde", () => {
  it("a Konverteres til on a line with overførselsadgang is its own punkt; on a kassen line it is an error at the cell", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Regler").addRows([
      ["Parameter", "Værdi"],
      ["Enhed", "1.000 kr."],
      ["Budgetår", 2023],
    ]);
    const accounts = wb.addWorksheet("Regnskab");
    accounts.addRows([
      ["Område", "Styringsområde", "Overførselsadgang", "Korrigeret budget", "Regnskab", "Konverteres til"],
      ["Mentorordning", "Særlig drift med overførsel", "Ja", 3_000.5, 2_500, "Service"],
      ["Kontanthjælp", "Særlige driftsområder", "Nej", 659_160, 648_210, null],
    ]);
    const input = join(dir, "konvertering.xlsx");
    await wb.xlsx.writeFile(input);
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    // Punkt 2 is the overførsel (its own table); the konvertering (3) and the afregning (4) in N+1.
    expect(run.summary!.indstilling!.punkter.map((p) => [p.nr, p.art])).toEqual([
      [1, "godkendelse"],
      [2, "overførsel"],
      [3, "konvertering"],
      [4, "afregning"],
    ]);
    expect(run.summary!.indstilling!.punkter[2]!.tekst).toBe(
      "Der flyttes budget på 500.500 kr. fra styringsområdet Særlig drift med overførsel til styringsområdet Service i 2024.",
    );
    expect(
      run.summary!.appropriationTable!.map((r) => [r.punkt, r.styringsområde, r.udvalg, r.år, r.beløbKr]),
    ).toEqual([
      [3, "Service", "Beskæftigelses- og Socialudvalget", 2024, 500_500],
      [3, "Særlig drift med overførsel", "Beskæftigelses- og Socialudvalget", 2024, -500_500],
      [4, "Særlige driftsområder", "Kassen", 2024, 10_950_000],
      [4, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2024, -10_950_000],
    ]);

    accounts.getCell("F3").value = "Service";
    await wb.xlsx.writeFile(input);
    const refused = await runCli(input, join(dir, "out2.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.summary!.diagnostics.find((d) => d.code === "NOT_CONVERTIBLE")).toMatchObject({
      sheet: "Regnskab",
      cell: "F3",
      message:
        'Linjen "Kontanthjælp" har ikke overførselsadgang; kun en overførsel kan konverteres til et andet styringsområde. Slet Konverteres til, eller sæt Overførselsadgang til Ja.',
    });
  });
});

describe("investment projects (R8) through the headless command", () => {
  it("writes the change in expected net gain and feeds it to the Investeringsprojekter line: Efterværn −938.985 kr.", async () => {
    const dir = tempDir();
    const input = await sampleFile(
      dir,
      false,
      (wb) => {
        const inv = wb.getWorksheet("Investeringer")!;
        inv.getCell("G4").value = "Tidligere nettogevinst (kr.)";
        inv.getCell("H4").value = "Pulje";
        // Efterværn (row 8): nettogevinst 4.293.000, previously 938.985 kr. more.
        inv.getCell("G8").value = 4_293_000 + 938_985;
        inv.getCell("H8").value = "Beskæftigelsestilskud";
        const ledger = wb.getWorksheet("Reservationspulje")!;
        ledger.getCell("D6").value = "Investeringer";
      },
      "investments.xlsx",
    );
    const output = join(dir, "investments-out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    const inv = (await load(output)).getWorksheet("Investeringer")!;
    const change = columnOf(inv, 4, "Ændring i nettogevinst");
    expect(inv.getCell(8, change).value).toBe(-938_985);
    expect(inv.getCell(5, change).value).toBeNull(); // no previous figure, no change
    expect(run.summary!.pool!.fedLines).toEqual(["3. opfølgning på investeringsprojekter, BYR 16/5-18"]);
    const ledger = (await load(output)).getWorksheet("Reservationspulje")!;
    // In the ledger's unit (1.000 kr.): −938,985 on the beskæftigelsestilskud, 0 on the budgetgaranti.
    expect([ledger.getCell("E6").value, ledger.getCell("F6").value]).toEqual([0, -938.985]);
    expect(run.summary!.pool!.result["I alt"]).toBeCloseTo(-86093 - 451 - 938.985, 6);
  });
});
