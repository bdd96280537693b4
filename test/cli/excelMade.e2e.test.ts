import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readSampleCsv, SAMPLE_DIR } from "../../src/cli/sampleWorkbook";
import { emptyPlan } from "../../src/workbook/port";
import { PackagePatcher } from "../../src/workbook/packagePatch";
import { runCli, tempDir } from "../helpers/workbooks";
import { sheetPartPath } from "../helpers/injectParts";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";

/** Workbooks saved by Excel itself, with charts, pivots, slicers, sparklines, VBA … (SOURCES.md). */
const FIXTURES = join(__dirname, "..", "fixtures", "excel-made");
const SOFFICE = "/usr/bin/soffice";

/**
 * The fixture with the contract's two main tables added the way a user would: a sheet each, with a plain
 * block (headers in row 1) of the 2018 rows. Written by patching too, so the rest of the package is
 * Excel's own bytes.
 */
async function withContractTables(fixture: Buffer): Promise<Buffer> {
  const patcher = await PackagePatcher.open(fixture);
  const plan = emptyPlan();
  for (const [sheet, file] of [
    ["Opfølgning", "opfoelgning.csv"],
    ["Reservationspulje", "reservationspulje.csv"],
  ] as const) {
    const table = readSampleCsv(join(SAMPLE_DIR, file));
    plan.sheets.push({ name: sheet, replace: false });
    plan.blocks.push({ sheet, row: 1, col: 1, values: [table.headers], bold: true });
    plan.blocks.push({
      sheet,
      row: 2,
      col: 1,
      values: table.rows.map((r) => table.headers.map((_, i) => r[i] ?? null)),
    });
  }
  expect(await patcher.unpatchable(plan)).toBeUndefined();
  await patcher.apply(plan);
  return patcher.toBuffer();
}

const files = readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f));

describe("Excel-made workbooks: every part the tool does not write comes out byte for byte", () => {
  const dir = tempDir();

  it("has the fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)(
    "%s",
    async (name) => {
      const input = join(dir, `in-${name}`);
      writeFileSync(input, await withContractTables(readFileSync(join(FIXTURES, name))));
      const output = join(dir, `out-${name}`);
      const run = await runCli(input, output, ["--quiet"]);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      expect(run.summary!.diagnostics.filter((d) => d.code === "PART_LOST")).toEqual([]);
      expect(run.summary!.pool!.result["I alt"]).toBe(-86093);

      const before = await JSZip.loadAsync(readFileSync(input));
      const after = await JSZip.loadAsync(readFileSync(output));
      // What the tool writes: the two sheets it reads and adds columns to, the workbook's sheet list and
      // calculation flag, its relationships and content types, and styles.xml (entries appended).
      const touched = new Set([
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",
        ...(await Promise.all(
          ["Opfølgning", "Reservationspulje"].map((name) => sheetPartPath(before, name)),
        )),
      ]);
      const changed: string[] = [];
      for (const [path, entry] of Object.entries(before.files)) {
        if (entry.dir) continue;
        const out = after.file(path);
        expect([path, out !== null]).toEqual([path, true]);
        if (touched.has(path)) continue;
        if (!(await out!.async("nodebuffer")).equals(await entry.async("nodebuffer"))) changed.push(path);
      }
      expect(changed).toEqual([]);
      // The touched parts keep what was there: every sheet of the workbook, every style entry.
      const sheetsBefore = [
        ...(await before.file("xl/workbook.xml")!.async("string")).matchAll(/<sheet\b[^>]*>/g),
      ].map((m) => m[0]);
      const workbookAfter = await after.file("xl/workbook.xml")!.async("string");
      for (const tag of sheetsBefore) expect(workbookAfter).toContain(tag);
      const stylesBefore = await before.file("xl/styles.xml")!.async("string");
      const stylesAfter = await after.file("xl/styles.xml")!.async("string");
      for (const part of ["borders", "cellStyleXfs", "cellStyles"])
        expect(new RegExp(`<${part}\\b[\\s\\S]*?</${part}>`).exec(stylesAfter)?.[0]).toBe(
          new RegExp(`<${part}\\b[\\s\\S]*?</${part}>`).exec(stylesBefore)?.[0],
        );

      // The file workbook reads the result back: the generated summary sheet is there.
      const reread = await FileWorkbook.fromBuffer(readFileSync(output));
      expect((await reread.names()).sheetNames).toEqual(expect.arrayContaining(["Resultat", "Opfølgning"]));

      // LibreOffice opens it and saves it in its own format (a load that fails or needs repair exits 1).
      // Not PDF: LibreOffice's PDF export crashes on the original data-bar workbook already.
      expect(existsSync(SOFFICE)).toBe(true);
      const converted = spawnSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${dir}/lo-profile`,
          "--headless",
          "--convert-to",
          "ods",
          "--outdir",
          dir,
          output,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(converted.status).toBe(0);
      const ods = join(dir, `out-${name.replace(/\.xls[xm]$/, "")}.ods`);
      expect(existsSync(ods) && statSync(ods).size > 1000).toBe(true);
    },
    180_000,
  );
});
