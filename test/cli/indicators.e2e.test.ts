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
    expect(run.out).toContain("Områdets eget resultat (Vurdering og Investeringsprojekter): 13.825");

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
    expect(values).toContain("Områdets eget resultat (Vurdering og Investeringsprojekter)");
  });
});
