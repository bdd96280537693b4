import ExcelJS from "exceljs";
import { join } from "path";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { Diagnostics } from "../src/domain";
import { computeContract } from "../src/workbook/compute";
import { FileWorkbook } from "../src/workbook/fileWorkbook";
import { planWrites } from "../src/workbook/planWrites";
import { readContract } from "../src/workbook/readContract";

/**
 * The headless command's cost on generated follow-up tables: read (load + snapshot + mapping), compute,
 * plan + apply + save, as medians of repeated runs. A measurement, not a test: nothing here fails on time.
 */
const SIZES = (process.env["BENCH_SIZES"] ?? "1000,10000").split(",").map(Number);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

async function generate(rows: number, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Opfølgning");
  const headers = [
    "Område",
    "Pulje",
    "Korrigeret budget",
    "Forventet regnskab",
    "Budgetterede helårspersoner",
    "Forventede helårspersoner",
  ];
  const data = Array.from({ length: rows }, (_, i) => [
    `Område ${i + 1}`,
    i % 3 === 0 ? "Beskæftigelsestilskud" : "Budgetgaranti",
    10_000 + (i % 997) * 13,
    10_000 + (i % 997) * 13 + ((i * 7919) % 601) - 300,
    500 + (i % 211),
    500 + (i % 211) + ((i * 31) % 160) - 40,
  ]);
  ws.addTable({
    name: "Opfoelgning",
    ref: "A1",
    headerRow: true,
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: data,
  });
  const rules = wb.addWorksheet("Regler");
  rules.addRow(["Parameter", "Værdi"]);
  rules.addRow(["Budgetår", 2025]);
  await wb.xlsx.writeFile(path);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function once(path: string, out: string) {
  const t0 = performance.now();
  const workbook = await FileWorkbook.fromFile(path);
  const snapshot = await workbook.snapshot();
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pulje-bench-"));
  console.log(`rows      read ms  compute ms  write ms  total ms  (median of ${RUNS}; min–max total)`);
  for (const rows of SIZES) {
    const path = join(dir, `opf-${rows}.xlsx`);
    await generate(rows, path);
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(path, join(dir, `out-${rows}.xlsx`)));
    const m = (k: keyof (typeof runs)[number]) =>
      median(runs.map((r) => r[k]))
        .toFixed(0)
        .padStart(9);
    const totals = runs.map((r) => r.total);
    console.log(
      `${String(rows).padEnd(8)} ${m("read")} ${m("compute").padStart(11)} ${m("write")} ${m("total")}  (${Math.min(...totals).toFixed(0)}–${Math.max(...totals).toFixed(0)})`,
    );
  }
  console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
