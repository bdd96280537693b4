import ExcelJS from "exceljs";
import { join } from "path";
import { buildYearsSampleWorkbook, readSampleCsv, YEARS_SAMPLE_DIR } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import type { Summary } from "../../src/app/summary";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { cellMap, changedCells, columnOf, load, runCli, tempDir } from "../helpers/workbooks";

/** The August 2024 follow-up as committed: rows with their four year columns (null = blank). */
const followUp = readSampleCsv(join(YEARS_SAMPLE_DIR, "opfoelgning.csv"));
const column = (header: string) => followUp.headers.indexOf(header);
const sumOf = (header: string) =>
  followUp.rows.reduce((s, r) => s + ((r[column(header)] as number | null) ?? 0), 0);

describe("R11/R12 the August 2024 case: years side by side, one pool, ledgers for 2023 and 2024", () => {
  let dir: string;
  let input: string;
  let output: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let out: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = tempDir();
    input = join(dir, "aug2024.xlsx");
    output = join(dir, "aug2024-out.xlsx");
    await buildYearsSampleWorkbook({ asTables: true }).xlsx.writeFile(input);
    run = await runCli(input, output);
    out = await load(output);
  });

  it("runs without errors: blank cells of lines that do not exist in a year are not errors (R0.5)", () => {
    expect(run.code).toBe(0);
    expect(run.summary!.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
    // The three integration lines of 2025 are no lines of 2024: not in the follow-up's rows.
    const rows = run.summary!.followUp!.rows.map((r) => r.område);
    expect(rows).not.toContain("Driftsudgifter til integration");
    expect(rows).toContain("Integrationsprogrammet - indsatser og tilskud");
  });

  it("the linked Vurdering takes the follow-up's deviation (vedtaget − forventet, no korrigeret in 2024)", () => {
    const deviation = sumOf("Vedtaget budget 2024") - sumOf("Forventet regnskab 2024");
    expect(deviation).toBe(134_228); // "Udgiftsskønnet er reduceret med 134,2 mio. kr."
    const line = run.summary!.pool!.lines.find((l) => l.type === "Vurdering")!;
    expect(line.values).toEqual({ Budgetgaranti: deviation, "I alt": deviation });
    expect(line.fedFrom).toBe("opfølgningens mer-/mindreforbrug pr. pulje for 2024");
    // Written into the ledger's pool cell (the input cell was blank: the tool's to fill).
    const ws = out.getWorksheet("Reservationspulje")!;
    const col = columnOf(ws, 4, "Budgetgaranti");
    let found = false;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("Vurdering ved Økonomisk Status 2024")) {
        expect(row.getCell(col).value).toBe(deviation);
        found = true;
      }
    });
    expect(found).toBe(true);
  });

  it("one ledger per year, each with its own result; pool describes the Budgetår; years never add up", () => {
    const pool = run.summary!.pool!;
    expect(pool.result["I alt"]).toBe(129_221);
    expect(Object.fromEntries(Object.entries(pool.byYear!).map(([y, v]) => [y, v.result["I alt"]]))).toEqual({
      "2023": 131_936,
      "2024": 129_221,
    });
    // 2024: opening + the linked Vurdering + midtvejsregulering + the hand-typed rest.
    expect(26_739 + 134_228 - 28_000 - 3_746).toBe(129_221);
  });

  it("the years overview and the Overblik sheet: Samlet per column, and the minutes' pool row", () => {
    const years = run.summary!.years!;
    expect(years.map((y) => [y.kolonne, y.samlet, y.reservationspulje])).toEqual([
      ["Regnskab 2023", sumOf("Regnskab 2023"), 131_936],
      ["Vedtaget budget 2024", sumOf("Vedtaget budget 2024"), 26_739],
      ["Forventet regnskab 2024", sumOf("Forventet regnskab 2024"), 129_221],
      ["Budget 2025", sumOf("Budget 2025"), 118_190],
    ]);
    const ws = out.getWorksheet("Overblik")!;
    expect(ws.getCell("A1").value).toBe("Reservationspuljen – årene side om side");
    expect([2, 3, 4, 5].map((c) => ws.getCell(4, c).value)).toEqual([
      "Regnskab 2023",
      "Vedtaget budget 2024",
      "Forventet regnskab 2024",
      "Budget 2025",
    ]);
    expect([2, 3, 4, 5].map((c) => ws.getCell(6, c).value)).toEqual([131_936, 26_739, 129_221, 118_190]);
    expect(ws.getCell(7, 5).value).toBe("Budgetmodellen for 2025 (KL's skøn − forvaltningens skøn).");
    // Reads and prints as written: frozen headers, A4 landscape one page wide, long texts wrapped.
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.length > 24 && Number(cell.row) > 2)
          expect([cell.address, cell.alignment?.wrapText]).toEqual([cell.address, true]);
      }),
    );
  });

  it("the case shows the years table, and the follow-up with the budget columns the table has", () => {
    const ws = out.getWorksheet("Sag")!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))),
    );
    expect(texts).toContain("Udvikling i udgifter og reservationspulje (1.000 kr.)");
    expect(texts).toContain("Vedtaget budget");
    expect(texts).not.toContain("Korrigeret budget"); // the August table has none
  });

  it("changes no input cell", async () => {
    expect(changedCells(cellMap(await load(input)), cellMap(out))).toEqual([]);
  });

  it("in Excel (simulated): the same overview, the same linked Vurdering, the Overblik sheet", async () => {
    const fake = fakeExcelFrom(buildYearsSampleWorkbook({ asTables: true }));
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
    expect(outcome.ok).toBe(true);
    const summary: Summary = outcome.summary;
    expect(summary.years!.map((y) => y.reservationspulje)).toEqual([131_936, 26_739, 129_221, 118_190]);
    expect(summary.pool!.lines.find((l) => l.type === "Vurdering")!.values["I alt"]).toBe(134_228);
    expect(fake.sheet("Overblik").cells.get("E6")?.value).toBe(118_190);
  });
});

/** A small follow-up with year columns, written as plain blocks, for the change and bad-input cases. */
async function yearsWorkbook(
  dir: string,
  follow: (string | number | null)[][],
  ledger: (string | number | null)[][],
  name = "years.xlsx",
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Regler").addRows([
    ["Parameter", "Værdi"],
    ["Enhed", "1.000 kr."],
    ["Budgetår", 2024],
  ]);
  wb.addWorksheet("Opfølgning").addRows(follow);
  if (ledger.length > 0) wb.addWorksheet("Reservationspulje").addRows(ledger);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("R12.1 successive follow-ups: the change since an earlier forecast", () => {
  it("per row (output column), per pool and in total: earlier − current (+ = expenditure fell)", async () => {
    const dir = tempDir();
    const input = await yearsWorkbook(
      dir,
      [
        [
          "Område",
          "Pulje",
          "Korrigeret budget 2024",
          "Forventet regnskab 2024 ved Økonomisk Status",
          "Forventet regnskab 2024",
        ],
        ["Kontanthjælp", "Budgetgaranti", 1_000, 980, 950],
        ["Sygedagpenge", "Budgetgaranti", 500, 520, 530],
        ["A-dagpenge", "Beskæftigelsestilskud", 300, 310, 290],
        ["Projekter", "Uden for puljen", 0, 5, 1],
        ["Ny linje", "Budgetgaranti", 100, null, 90],
      ],
      [],
    );
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    expect(run.summary!.followUp!.changes).toEqual([
      {
        siden: "Økonomisk Status",
        år: 2024,
        total: 30 - 10 + 20,
        groups: { Budgetgaranti: 30 - 10, Beskæftigelsestilskud: 20, "Uden for puljen": 4 },
      },
    ]);
    const ws = (await load(join(dir, "out.xlsx"))).getWorksheet("Opfølgning")!;
    const col = columnOf(ws, 1, "Ændring siden Økonomisk Status");
    expect([2, 3, 4, 5, 6].map((r) => ws.getCell(r, col).value)).toEqual([30, -10, 20, 4, null]);
    // A re-run finds its own column and writes it again, never a second one.
    const again = await runCli(join(dir, "out.xlsx"), join(dir, "out2.xlsx"));
    expect(again.code).toBe(0);
    const ws2 = (await load(join(dir, "out2.xlsx"))).getWorksheet("Opfølgning")!;
    const headers = (ws2.getRow(1).values as unknown[]).filter((v) => v === "Ændring siden Økonomisk Status");
    expect(headers).toHaveLength(1);
    // In Excel (simulated): the same column, the same values.
    const fake = fakeExcelFrom(await load(input));
    expect((await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics())).ok).toBe(true);
    const cells = fake.sheet("Opfølgning").cells;
    const header = [...cells].find(([, c]) => c.value === "Ændring siden Økonomisk Status")![0];
    const letter = header.replace(/\d+/g, "");
    expect([2, 3, 4, 5, 6].map((r) => cells.get(`${letter}${r}`)?.value ?? null)).toEqual([
      30,
      -10,
      20,
      4,
      null,
    ]);
  });
});

describe("years: bad input is a clear Danish error at its cell, and nothing is written", () => {
  const header = ["Område", "Pulje", "Regnskab 2023", "Vedtaget budget 2024", "Forventet regnskab 2024"];
  const ledgerHeader = ["Post", "Type", "Status", "Kilde", "År", "Budgetgaranti"];
  const cases: [string, (string | number | null)[][], (string | number | null)[][], string, string][] = [
    [
      "two columns for the same art and year",
      [
        [...header, "Regnskab 2023"],
        ["A", "Budgetgaranti", 1, 2, 3, 4],
      ],
      [],
      "Opfølgning!F1",
      "DUPLICATE_HEADER",
    ],
    [
      "a Kilde = Opfølgning line in a year without a follow-up",
      [header, ["A", "Budgetgaranti", 1, 2, 3]],
      [
        ledgerHeader,
        ["Vurdering 2023", "Vurdering", "Endelig", "Opfølgning", 2023, null],
        ["Resultat", "Resultat", null, null, 2023, null],
        ["Oprindelig", "Oprindelig", "Endelig", null, 2024, 10],
      ],
      "Reservationspulje!A2",
      "NO_SOURCE",
    ],
    [
      "an År that is not a year",
      [header, ["A", "Budgetgaranti", 1, 2, 3]],
      [ledgerHeader, ["Oprindelig", "Oprindelig", "Endelig", null, "2O24", 10]],
      "Reservationspulje!E2",
      "NOT_A_YEAR",
    ],
    [
      "a ledger year with two Oprindelig lines",
      [header, ["A", "Budgetgaranti", 1, 2, 3]],
      [
        ledgerHeader,
        ["Oprindelig", "Oprindelig", "Endelig", null, 2024, 10],
        ["Oprindelig igen", "Oprindelig", "Endelig", null, 2024, 5],
      ],
      "Reservationspulje!A3",
      "DUPLICATE_OPENING",
    ],
  ];
  it.each(cases)("%s", async (_, follow, ledger, at, code) => {
    const dir = tempDir();
    const input = await yearsWorkbook(dir, follow, ledger);
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    const error = run.summary!.diagnostics.find((d) => d.level === "error")!;
    expect([`${error.sheet}!${error.cell}`, error.code]).toEqual([at, code]);
    expect(error.message).toMatch(/[æøå]|ikke|mangler|Ret|angiv/i);
    expect(run.err).toContain("Ingen outputfil er skrevet");
  });

  it("a pool named only in another year's rows that the ledger lacks is said, not read as 0", async () => {
    const dir = tempDir();
    const input = await yearsWorkbook(
      dir,
      [
        ["Område", "Pulje", "Vedtaget budget 2024", "Forventet regnskab 2024", "Budget 2025"],
        ["A", "Budgetgaranti", 10, 8, 12],
        ["Ny integration", "Integration", null, null, 5],
      ],
      [
        ["Post", "Type", "Status", "Kilde", "År", "Budgetgaranti"],
        ["Oprindelig", "Oprindelig", "Endelig", null, 2024, 10],
        ["Resultat", "Resultat", null, null, 2024, null],
      ],
    );
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    expect(run.summary!.diagnostics.filter((d) => d.code === "UNKNOWN_POOL")).toMatchObject([
      {
        level: "warning",
        sheet: "Opfølgning",
        cell: "A3",
        message: expect.stringContaining('"Integration"'),
      },
    ]);
  });

  it("a Budget column needs only the budget model; a year whose pool cannot be known says why, never 0", async () => {
    const dir = tempDir();
    const input = await yearsWorkbook(
      dir,
      [
        [
          "Område",
          "Pulje",
          "Regnskab 2023",
          "Forventet regnskab 2024",
          "Vedtaget budget 2024",
          "Budget 2025",
        ],
        ["A", "Budgetgaranti", 10, 20, 25, 30],
      ],
      [],
    );
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    expect(run.summary!.years!.map((y) => [y.kolonne, y.reservationspulje, y.grundlag])).toEqual([
      ["Regnskab 2023", null, "Intet puljeregnskab for 2023 på arket Reservationspulje."],
      ["Forventet regnskab 2024", null, "Intet puljeregnskab for 2024 på arket Reservationspulje."],
      [
        "Vedtaget budget 2024",
        null,
        "Hverken en Oprindelig-linje for 2024 i Reservationspulje eller en budgetmodel for 2024.",
      ],
      ["Budget 2025", null, "Ingen budgetmodel for 2025 på arket Budgetmodel."],
    ]);
    const ws = (await load(join(dir, "out.xlsx"))).getWorksheet("Overblik")!;
    expect([2, 3, 4, 5].map((c) => ws.getCell(6, c).value)).toEqual(["–", "–", "–", "–"]);
  });
});
