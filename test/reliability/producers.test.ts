import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { conformanceProblems, readWithOpenpyxl } from "../helpers/conformance";
import { runCli, sampleFile, tempDir } from "../helpers/workbooks";
import { PRODUCERS } from "./producers";
import type { Summary } from "../../src/app/summary";

/**
 * A corpus of producers (docs/reliability.md): the 2018 sample written by ExcelJS, LibreOffice and
 * openpyxl, in strict OOXML, and in valid XML a text-pattern reader misreads. Each goes through the
 * headless command and must give the same figures, the same output cells, every input cell kept, and a
 * conformant package that openpyxl reads.
 */

type Cells = Record<string, Record<string, string>>;

/** Every sheet's cells through the tool's own reader (for strict OOXML, which openpyxl cannot read). */
async function ownReader(path: string): Promise<Cells> {
  const workbook = (await FileWorkbook.fromFile(path)).workbook;
  const out: Cells = {};
  workbook.eachSheet((ws) => {
    const cells: Record<string, string> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        const value = v && typeof v === "object" && "result" in v ? v.result : v;
        if (value !== null && value !== undefined && value !== "") cells[cell.address] = String(value);
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

const figures = (s: Summary) => ({
  diagnostics: s.diagnostics.map((d) => [d.level, d.code, d.sheet, d.cell]),
  pool: JSON.stringify((s as unknown as { pool?: unknown }).pool),
  followUp: JSON.stringify(s.followUp),
});

describe("a corpus of producers: the same workbook, written by different programs", () => {
  const dir = tempDir();
  let sample: string;
  let baseline: { summary: Summary; cells: Cells };

  beforeAll(async () => {
    sample = await sampleFile(dir, true, undefined, "sample.xlsx");
    const output = join(dir, "baseline-out.xlsx");
    const run = await runCli(sample, output);
    expect(run.code).toBe(0);
    baseline = { summary: run.summary!, cells: readWithOpenpyxl(output) };
  }, 120_000);

  describe.each(PRODUCERS.map((p) => [p.name, p] as const))("%s", (_name, producer) => {
    it("is read with the same figures, patched in place, conformant, read by openpyxl", async () => {
      const input = join(dir, `${PRODUCERS.indexOf(producer)}-in.xlsx`);
      const output = join(dir, `${PRODUCERS.indexOf(producer)}-out.xlsx`);
      await producer.make(sample, input, dir);
      const run = await runCli(input, output);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      expect(figures(run.summary!)).toEqual(figures(baseline.summary));
      // Patched, not rewritten by ExcelJS: every part the tool does not write comes out byte for byte.
      const [inZip, outZip] = await Promise.all([input, output].map((p) => JSZip.loadAsync(readFileSync(p))));
      const kept = Object.keys(inZip!.files).filter(
        (p) =>
          !inZip!.files[p]!.dir &&
          !/^(\[Content_Types\]\.xml|xl\/(workbook\.xml|styles\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml|tables\/[^/]+\.xml))$/.test(
            p,
          ),
      );
      expect(kept.length).toBeGreaterThan(2);
      for (const part of kept)
        expect([part, await outZip!.file(part)?.async("base64")]).toEqual([
          part,
          await inZip!.file(part)!.async("base64"),
        ]);
      expect(await conformanceProblems(readFileSync(output))).toEqual([]);
      const read = producer.noOpenpyxl ? ownReader : async (p: string) => readWithOpenpyxl(p);
      const before = await read(input);
      const after = await read(output);
      // Every input cell is in the output with the same value.
      for (const [sheet, cells] of Object.entries(before))
        for (const [address, value] of Object.entries(cells))
          expect([`${sheet}!${address}`, after[sheet]?.[address]]).toEqual([`${sheet}!${address}`, value]);
      // The tool's cells are the baseline's: the output columns and the generated sheets.
      for (const [sheet, cells] of Object.entries(baseline.cells))
        for (const [address, value] of Object.entries(cells)) {
          const got = after[sheet]?.[address];
          expect([`${sheet}!${address}`, normalizeNumber(got)]).toEqual([
            `${sheet}!${address}`,
            normalizeNumber(value),
          ]);
        }
    }, 180_000);
  });
});

/** "12.0" and "12" are one number (openpyxl reads LibreOffice's integers as floats). */
function normalizeNumber(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "" || Number.isNaN(Number(value))) return value;
  return String(Number(value));
}
