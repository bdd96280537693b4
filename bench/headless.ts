import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { join } from "path";
import { Diagnostics } from "../src/domain";
import { computeContract } from "../src/app/compute";
import { FileWorkbook } from "../src/workbook/fileWorkbook";
import { planWrites } from "../src/app/plan";
import { readContract } from "../src/app/readContract";
import { READ_REQUEST } from "../src/app/contract";
import { followUpRows } from "./engine";
import { peakRssMb, Row, summarize, withGrowth } from "./stats";

/** A generated workbook: the Opfoelgning table with n rows and a Regler sheet. */
export async function generateWorkbook(rows: number, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const headers = [
    "Område",
    "Pulje",
    "Korrigeret budget",
    "Forventet regnskab",
    "Budgetterede fuldtidspersoner",
    "Forventede fuldtidspersoner",
  ];
  wb.addWorksheet("Opfølgning").addTable({
    name: "Opfoelgning",
    ref: "A1",
    headerRow: true,
    columns: headers.map((name) => ({ name, filterButton: true })),
    // The same rows the engine bench computes, with persons for the Mængder flag.
    rows: followUpRows(rows).map((r) => [
      r.område,
      r.pulje,
      r.korrigeret,
      r.forventet,
      r.budgetPersoner!,
      r.forventedePersoner!,
    ]),
  });
  wb.addWorksheet("Regler").addRows([
    ["Parameter", "Værdi"],
    ["Budgetår", 2025],
  ]);
  await wb.xlsx.writeFile(path);
}

/** The headless command's pipeline on one file: read, compute, plan + apply + save. */
async function once(path: string, out: string) {
  const t0 = performance.now();
  const workbook = await FileWorkbook.fromFile(path);
  const snapshot = await workbook.snapshot(READ_REQUEST);
  const diagnostics = new Diagnostics();
  const inputs = readContract(snapshot, diagnostics);
  const t1 = performance.now();
  const results = computeContract(inputs, diagnostics);
  const t2 = performance.now();
  await workbook.apply(planWrites(snapshot, inputs, results, diagnostics));
  await workbook.save(out);
  const t3 = performance.now();
  if (diagnostics.hasErrors) throw new Error(JSON.stringify(diagnostics.items.slice(0, 3)));
  return { read: t1 - t0, compute: t2 - t1, write: t3 - t2, total: t3 - t0 };
}

/** The baseline: ExcelJS alone reading the same file and writing it back, no rules. */
async function excelJsAlone(path: string, out: string): Promise<number> {
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  await wb.xlsx.writeFile(out);
  return performance.now() - t0;
}

/** The headless command's peak RSS in a process of its own (MB). */
function commandPeak(input: string, output: string): number {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "cliPeak.ts"), input, output], {
    encoding: "utf8",
  });
  const result = JSON.parse(run.stdout || "{}") as { code?: number; peakMb?: number };
  if (result.code !== 0) throw new Error(`the command failed on ${input}: ${run.stderr}`);
  return result.peakMb!;
}

export async function headlessBench(dir: string, sizes: number[], runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const path = join(dir, `opf-${n}.xlsx`);
    await generateWorkbook(n, path);
    const r = n >= 100_000 ? Math.min(runs, 3) : runs;
    const ours: Awaited<ReturnType<typeof once>>[] = [];
    const alone: number[] = [];
    for (let i = 0; i < r; i++) {
      ours.push(await once(path, join(dir, `out-${n}.xlsx`)));
      alone.push(await excelJsAlone(path, join(dir, `plain-${n}.xlsx`)));
    }
    const command = commandPeak(path, join(dir, `cmd-${n}.xlsx`));
    const total = summarize(ours.map((o) => o.total));
    const base = summarize(alone);
    for (const part of ["read", "compute", "write"] as const) {
      const t = summarize(ours.map((o) => o[part]));
      rows.push({
        group: "headless",
        measure: part,
        size: n,
        value: t.median,
        min: t.min,
        max: t.max,
        unit: "ms",
      });
    }
    rows.push({
      group: "headless",
      measure: "total",
      size: n,
      value: total.median,
      min: total.min,
      max: total.max,
      unit: "ms",
      baseline: { name: "ExcelJS read+write alone", value: base.median, ratio: total.median / base.median },
      ...(n === 10_000 ? { budget: { limit: 5000, ok: total.median < 5000 } } : {}),
      note: `peak RSS of the command alone ${command.toFixed(0)} MB (this process, baselines included: ${peakRssMb().toFixed(0)} MB)`,
    });
  }
  // Growth per measure, each relative to its own smallest size.
  return ["read", "compute", "write", "total"].flatMap((m) =>
    withGrowth(rows.filter((r) => r.measure === m)),
  );
}
