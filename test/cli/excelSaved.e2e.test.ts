import { join } from "path";
import { load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

/**
 * Excel saves a JavaScript custom function as `_xldudf_<NAMESPACE>_<NAME>(…)` in the file (the dot of the
 * namespace becomes `_`, and the prefix stays while the add-in is not loaded). The template's PULJE
 * formulas in the follow-up's output columns, saved by Excel, are therefore the tool's own too.
 */
describe("a workbook saved by Excel with the template's PULJE formulas", () => {
  it("runs (exit 0) and keeps the _xldudf_PULJE_* formulas as they were written", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, false, (wb) => {
      const ws = wb.getWorksheet("Opfølgning")!;
      ws.getCell("F4").value = "Mer-/mindreforbrug";
      for (let r = 5; r <= 29; r++)
        ws.getCell(`F${r}`).value = { formula: `_xldudf_PULJE_AFVIGELSE(D${r},E${r})`, result: 0 };
    });
    const output = join(dir, "out.xlsx");
    const run = await runCli(input, output);
    expect(run.summary!.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(run.code).toBe(0);
    const ws = (await load(output)).getWorksheet("Opfølgning")!;
    for (const r of [5, 17, 29])
      expect((ws.getCell(`F${r}`).value as { formula?: string }).formula).toBe(
        `_xldudf_PULJE_AFVIGELSE(D${r},E${r})`,
      );
  });

  it("a formula of another function in an output column is still not the tool's", async () => {
    const dir = tempDir();
    const input = await sampleFile(dir, false, (wb) => {
      const ws = wb.getWorksheet("Opfølgning")!;
      ws.getCell("F4").value = "Mer-/mindreforbrug";
      ws.getCell("F5").value = { formula: "_xldudf_ANDET_AFVIGELSE(D5,E5)", result: 0 };
    });
    const run = await runCli(input, join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.summary!.diagnostics.map((d) => [d.code, d.cell])).toContainEqual(["NOT_OWNED", "F5"]);
  });
});
