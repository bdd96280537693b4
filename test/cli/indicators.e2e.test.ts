import { join } from "path";
import { columnOf, load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

describe("R13 in the 2018 sample: five indicators, proposal and chosen, and the area's own result", () => {
  it("the JSON summary, the Indikatorer table's output columns and the Resultat sheet", async () => {
    const dir = tempDir();
    const output = join(dir, "out.xlsx");
    const run = await runCli(await sampleFile(dir, true), output);
    expect(run.code).toBe(0);
    expect(run.summary!.indicators!.map((i) => [i.indikator, i.forslag, i.valgt, i.farve])).toEqual([
      ["Økonomi", "GRØN", "GUL", "GUL"],
      ["Antal ledige", "–", "GRØN", "GRØN"],
      ["Refusion", "–", "GRØN", "GRØN"],
      ["Ledighedsudvikling", "GUL", "GUL", "GUL"],
      ["Reservationspulje", "RØD", "RØD", "RØD"],
    ]);
    expect(run.summary!.indicators![0]!.bemærkning).toMatch(/^Der forventes et merforbrug på 6,9 mio\. kr\./);
    expect(run.summary!.pool!.areaResult).toBe(13825);
    expect(run.out).toMatch(/\nOmrådets eget resultat \(uden reguleringer\)\s+13\.825\n/);
    // A "–" proposal says why in the report.
    expect(run.out).toContain(
      "  Antal ledige: Intet forslag, fordi fuldtidspersoner i opfølgningen (arket Opfølgning) mangler.",
    );
    // … and the diagnostics say it once, not the committee's page (R15.6).
    expect(run.summary!.diagnostics.map((d) => [d.level, d.code, d.message])).toContainEqual([
      "info",
      "NO_PROPOSAL",
      expect.stringContaining("Hovedindikatoren Antal ledige: Intet forslag"),
    ]);

    const wb = await load(output);
    const ws = wb.getWorksheet("Indikatorer")!;
    const forslag = columnOf(ws, 4, "Forslag");
    const farve = columnOf(ws, 4, "Farve");
    expect([5, 6, 7, 8, 9].map((r) => [ws.getCell(r, forslag).value, ws.getCell(r, farve).value])).toEqual([
      ["GRØN", "GUL"],
      ["–", "GRØN"],
      ["–", "GRØN"],
      ["GUL", "GUL"],
      ["RØD", "RØD"],
    ]);
    expect((ws.getCell(5, farve).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFEB9C");
    const result = wb.getWorksheet("Resultat")!;
    const values: unknown[] = [];
    result.eachRow((row) => values.push(row.getCell(1).value));
    expect(values).toContain("Hovedindikatorer");
    expect(values).toContain("Områdets eget resultat (uden reguleringer)");
    // The Resultat sheet says why there is no proposal, under the indicator.
    const antal = values.indexOf("Antal ledige");
    expect(values[antal + 1]).toBe(
      "   Intet forslag, fordi fuldtidspersoner i opfølgningen (arket Opfølgning) mangler.",
    );
  });
});

describe("R14.1 in the 2018 sample: the bevillingstabel", () => {
  it("the JSON appropriationTable and the Bevillinger sheet, each punkt with its I alt of 0", async () => {
    const dir = tempDir();
    const output = join(dir, "out.xlsx");
    const run = await runCli(await sampleFile(dir, true), output);
    expect(run.code).toBe(0);
    expect(run.summary!.appropriationTable!.map((r) => [r.punkt, r.udvalg, r.beløbKr])).toEqual([
      [2, "Beskæftigelses- og Socialudvalget", -8_132_000],
      [2, "Økonomiudvalget", 8_132_000],
      [3, "Beskæftigelses- og Socialudvalget", 15_011_000],
      [3, "Økonomiudvalget", -15_011_000],
    ]);
    const ws = (await load(output)).getWorksheet("Bevillinger")!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "Indstillingspunkt",
      "Beskrivelse",
      "Styringsområde",
      "Udvalg",
      "2018",
    ]);
    const table = [4, 5, 6, 8, 9, 10].map((r) => [
      ws.getCell(r, 1).value,
      ws.getCell(r, 3).value,
      ws.getCell(r, 5).value,
    ]);
    expect(table).toEqual([
      [2, "Særlige driftsområder", -8_132_000],
      [null, "Reservationspuljen vedrørende budgetgaranterede områder og øvrige overførsler", 8_132_000],
      [null, "I alt", 0],
      [3, "Særlige driftsområder", 15_011_000],
      [null, "Reservationspuljen vedrørende beskæftigelsestilskuddet", -15_011_000],
      [null, "I alt", 0],
    ]);
    // R0.6: the kroner come from 1.000 kr. rows: said under the table.
    expect(ws.getCell("B12").value).toBe(
      "Beløbene i kr. er omregnet fra tabellernes 1.000 kr. række for række og er derfor afrundet til hele tusinde kroner.",
    );
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
  });
});
