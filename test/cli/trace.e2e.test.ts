import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { readFileSync } from "fs";
import { join } from "path";
import {
  buildAccountsSampleWorkbook,
  buildSampleWorkbook,
  buildYearsSampleWorkbook,
  SampleOptions,
} from "../../src/cli/sampleWorkbook";
import { parseRange } from "../../src/workbook/address";
import { sheetPartPath } from "../helpers/injectParts";
import { load, mainRun, runCli, tempDir } from "../helpers/workbooks";

/** The hyperlinks a sheet part holds, by cell: ref → location (read from the XML, not by the writer's code). */
async function hyperlinks(path: string, sheet: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file(await sheetPartPath(zip, sheet))!.async("string");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const links = new Map<string, string>();
  const list = doc.getElementsByTagName("hyperlink");
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i)!;
    links.set(el.getAttribute("ref")!, el.getAttribute("location")!);
  }
  return links;
}

function numberOf(value: ExcelJS.CellValue): number | undefined {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "result" in value && typeof value.result === "number")
    return value.result;
  return undefined;
}

/** "'Opfølgning'!E5:E16" → sheet and bounds. */
function reference(ref: string): { sheet: string; range: string } {
  const bang = ref.lastIndexOf("!");
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, range: ref.slice(bang + 1) };
}

/** The sum of a range's numbers in the workbook (blank and text cells count 0). */
function sumOf(wb: ExcelJS.Workbook, ref: string): number {
  const { sheet, range } = reference(ref);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} (${ref})`);
  const b = parseRange(range);
  let total = 0;
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) total += numberOf(ws.getCell(r, c).value) ?? 0;
  return total;
}

interface Walk {
  figures: number;
  sums: number;
  computed: number;
}

/**
 * Every number on Sag (column A holds labels and point numbers) links to a Spor row that names it back,
 * shows the same figure, and lists its sources; each source's "Kildens tal" is what its cells hold in the
 * output workbook, and where every source has a factor the figure is Σ factor × source.
 */
async function walk(output: string): Promise<Walk> {
  const wb = await load(output);
  const sag = wb.getWorksheet("Sag")!;
  const spor = wb.getWorksheet("Spor")!;
  const sagLinks = await hyperlinks(output, "Sag");
  const sporLinks = await hyperlinks(output, "Spor");
  const result: Walk = { figures: 0, sums: 0, computed: 0 };
  const problems: string[] = [];
  sag.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const value = numberOf(cell.value);
      if (value === undefined || c === 1) return;
      result.figures++;
      const address = cell.address;
      const link = sagLinks.get(address);
      const m = link && /^Spor!A(\d+):J\1$/.exec(link);
      if (!m) return void problems.push(`Sag!${address} (${value}) has no link to Spor: ${link}`);
      const at = Number(m[1]);
      const back = spor.getCell(at, 2).value;
      if (back !== `Sag!${address}` || sporLinks.get(`B${at}`) !== `Sag!${address}`)
        problems.push(
          `Spor row ${at} names ${String(back)} (link ${sporLinks.get(`B${at}`)}), not Sag!${address}`,
        );
      if (numberOf(spor.getCell(at, 4).value) !== value)
        problems.push(`Spor row ${at} shows ${String(spor.getCell(at, 4).value)}, Sag!${address} ${value}`);
      // The figure's sources: its own row and the rows under it until the next figure.
      let sum = 0;
      let all = true;
      let sources = 0;
      for (
        let s = at;
        s === at || (spor.getCell(s, 1).value === null && spor.getCell(s, 7).value !== null);
        s++
      ) {
        const ref = String(spor.getCell(s, 7).value ?? "");
        if (ref === "") continue;
        sources++;
        if (sporLinks.get(`G${s}`) !== ref)
          problems.push(`Spor!G${s}: link ${sporLinks.get(`G${s}`)} ≠ ${ref}`);
        const shown = numberOf(spor.getCell(s, 10).value);
        const actual = sumOf(wb, ref);
        if (shown !== undefined && Math.abs(shown - actual) > 1e-6)
          problems.push(`Spor!J${s}: ${shown}, the cells ${ref} sum to ${actual}`);
        const factor = numberOf(spor.getCell(s, 9).value);
        if (factor === undefined) all = false;
        else sum += factor * actual;
      }
      if (sources === 0) problems.push(`Spor row ${at} (Sag!${address}) lists no source`);
      if (all && sources > 0) {
        result.sums++;
        if (Math.abs(sum - value) > 1e-6)
          problems.push(
            `Sag!${address} = ${value}, its sources give Σ factor × cells = ${sum} (Spor row ${at})`,
          );
      } else result.computed++;
      void r;
    }),
  );
  expect(problems).toEqual([]);
  return result;
}

async function run(build: (o: SampleOptions) => ExcelJS.Workbook) {
  const dir = tempDir();
  const input = join(dir, "input.xlsx");
  await build({ asTables: true }).xlsx.writeFile(input);
  const output = join(dir, "out.xlsx");
  const docx = join(dir, "sag.docx");
  const cli = await runCli(input, output, ["--docx", docx]);
  expect(cli.code).toBe(0);
  return { dir, input, output, docx, cli };
}

describe("issue 30: every figure of the case leads to its inputs", () => {
  test.each([
    // The accounts case's Kassen, Overførsel and bevillinger follow a rule, not a sum: fewer plain sums.
    ["2018", buildSampleWorkbook, 60, 0.5],
    ["2024", buildYearsSampleWorkbook, 20, 0.5],
    ["accounts 2023", buildAccountsSampleWorkbook, 20, 0.4],
  ])(
    "%s: each number on Sag links to a Spor row whose sources reproduce it",
    async (_, build, least, share) => {
      const { output } = await run(build);
      const walked = await walk(output);
      // Not a walk over nothing: the follow-up's and the ledger's figures are plain sums of their cells.
      expect(walked.figures).toBeGreaterThanOrEqual(least);
      expect(walked.sums).toBeGreaterThanOrEqual(walked.figures * share);
    },
  );

  test("2018: the pool's result is traced to the ledger's movements, the afvigelse to budget − forecast", async () => {
    const { output } = await run(buildSampleWorkbook);
    const spor = (await load(output)).getWorksheet("Spor")!;
    const rows: string[] = [];
    spor.eachRow((row) => rows.push(row.values.toString()));
    const text = rows.join("\n");
    expect(text).toMatch(/Resultat: sum af bevægelserne over linjen/);
    expect(text).toMatch(/Korrigeret budget − Forventet regnskab/);
    expect(text).toMatch(/Budgetværn brugt = det mindste af budgetværnet og puljens underskud/);
    // The fingerprint block names every table read, with a 16-digit fingerprint.
    expect(text).toMatch(/Opfølgningen på arket Opfølgning,[0-9a-f]{16}/);
  });
});

describe("issue 30: a changed input is said, an unchanged workbook is not", () => {
  test("--check: 0 on the output as written, 3 and the table after one input cell changed", async () => {
    const { dir, output } = await run(buildSampleWorkbook);
    let out = "";
    const { main } = await import("../../src/cli/workbook");
    const code = await main(["--check", output], {
      out: (t) => (out += t),
      err: () => undefined,
      color: false,
    });
    expect(code).toBe(0);
    expect(out).toMatch(/Tallene er beregnet 30\/10 2018 kl\. 14\.02; ingen af tabellerne er ændret siden\./);
    // Re-saving by another program (ExcelJS) changes nothing the rules read.
    const copy = join(dir, "copy.xlsx");
    const wb = await load(output);
    await wb.xlsx.writeFile(copy);
    expect((await mainRun(["--check", copy])).code).toBe(0);
    // One forecast changed: the follow-up is reported, nothing else.
    const ws = wb.getWorksheet("Opfølgning")!;
    ws.getCell("E6").value = numberOf(ws.getCell("E6").value)! + 1;
    const changed = join(dir, "changed.xlsx");
    await wb.xlsx.writeFile(changed);
    const stale = await mainRun(["--check", changed]);
    expect(stale.code).toBe(3);
    expect(stale.err).toContain(
      "Opfølgningen på arket Opfølgning er ændret efter beregningen 30/10 2018 kl. 14.02 — beregn igen.",
    );
    expect(stale.err.match(/ÆNDRET/g)).toHaveLength(1);
  });

  test("--check: a parameter changed is reported as the parameters; an output cell changed is not an input", async () => {
    const { dir, output } = await run(buildSampleWorkbook);
    const wb = await load(output);
    // The tool's own output (Mer-/mindreforbrug) overwritten by hand: not an input, the next Beregn rewrites it.
    const follow = wb.getWorksheet("Opfølgning")!;
    follow.getCell("F5").value = 1;
    const outputOnly = join(dir, "output-only.xlsx");
    await wb.xlsx.writeFile(outputOnly);
    expect((await mainRun(["--check", outputOnly])).code).toBe(0);
    const regler = wb.getWorksheet("Regler")!;
    let budgetvaern = 0;
    regler.eachRow((row, r) => {
      if (row.getCell(1).value === "Budgetværn") budgetvaern = r;
    });
    expect(budgetvaern).toBeGreaterThan(0);
    regler.getCell(budgetvaern, 2).value = 1;
    const changed = join(dir, "parameter.xlsx");
    await wb.xlsx.writeFile(changed);
    const stale = await mainRun(["--check", changed]);
    expect(stale.code).toBe(3);
    expect(stale.err).toContain("Parametrene på arket Regler er ændret efter beregningen");
  });

  test("--check on a workbook Beregn never ran on: exit 1, said", async () => {
    const dir = tempDir();
    const input = join(dir, "input.xlsx");
    await buildSampleWorkbook({ asTables: true }).xlsx.writeFile(input);
    const run = await mainRun(["--check", input]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/intet ark Spor fra Reservationspuljen/);
  });
});
