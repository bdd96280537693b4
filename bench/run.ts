/**
 * npm run bench: how fast, how big, how it grows. Prints one table and writes bench/results.json.
 * Sizes and repetitions: BENCH_RUNS (default 5), BENCH_ENGINE_SIZES, BENCH_HEADLESS_SIZES,
 * BENCH_OFFICE_SIZES, BENCH_SKIP (comma list of groups: engine, headless, office, functions, bundle).
 * A measurement, never a test: nothing here fails on time.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { cpus, tmpdir } from "os";
import { join } from "path";
import { bundleBench } from "./bundle";
import { engineBench } from "./engine";
import { functionsBench } from "./functions";
import { headlessBench } from "./headless";
import { officeBench } from "./office";
import { Row } from "./stats";

const env = process.env;
const sizes = (name: string, fallback: number[]) => (env[name] ? env[name].split(",").map(Number) : fallback);
const RUNS = Number(env["BENCH_RUNS"] ?? 5);
const SKIP = new Set((env["BENCH_SKIP"] ?? "").split(",").filter(Boolean));

const n = (v: number, digits = 1) =>
  Number.isNaN(v)
    ? "–"
    : v.toLocaleString("da-DK", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pad = (s: string, w: number, right = false) => (right ? s.padStart(w) : s.padEnd(w));

function print(rows: Row[]): void {
  console.log(
    `${pad("gruppe", 10)} ${pad("måling", 44)} ${pad("størrelse", 10, true)} ${pad("median", 10, true)} ${pad("min–max", 19, true)} ${pad("enhed", 6)} ${pad("vækst/enhed", 11, true)}  sammenligning / budget`,
  );
  for (const r of rows) {
    const range = r.min === undefined ? "" : `${n(r.min)}–${n(r.max!)}`;
    const extra = [
      r.baseline ? `${r.baseline.name}: ${n(r.baseline.value)} (×${n(r.baseline.ratio, 2)})` : "",
      r.budget ? `budget < ${n(r.budget.limit, 0)} ${r.unit}: ${r.budget.ok ? "OK" : "OVER"}` : "",
      r.note ?? "",
    ]
      .filter(Boolean)
      .join("; ");
    console.log(
      `${pad(r.group, 10)} ${pad(r.measure, 44)} ${pad(r.size === undefined ? "" : n(r.size, 0), 10, true)} ${pad(n(r.value), 10, true)} ${pad(range, 19, true)} ${pad(r.unit, 6)} ${pad(r.perUnitGrowth === undefined ? "" : n(r.perUnitGrowth, 2), 11, true)}  ${extra}`,
    );
  }
}

const GROUPS: Record<string, (dir: string) => Promise<Row[]>> = {
  engine: () => engineBench(sizes("BENCH_ENGINE_SIZES", [1_000, 10_000, 100_000, 1_000_000]), RUNS),
  office: () => officeBench(sizes("BENCH_OFFICE_SIZES", [10, 1_000, 10_000])),
  functions: () => functionsBench(RUNS),
  bundle: (dir) => bundleBench(dir, RUNS),
  headless: (dir) =>
    headlessBench(dir, sizes("BENCH_HEADLESS_SIZES", [1_000, 10_000, 100_000]), Math.min(RUNS, 3)),
};

/**
 * Each group runs in its own process, so that its peak memory is its own (sizes ascend within a group, so
 * the peak after a size is that size's peak). The child prints its rows as JSON on stdout.
 */
function runGroup(group: string, dir: string): Row[] {
  process.stderr.write(`… ${group}\n`);
  const output = execFileSync(
    join(__dirname, "..", "node_modules", ".bin", "tsx"),
    [__filename, "--group", group, dir],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(output) as Row[];
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--group") {
    const rows = await GROUPS[argv[1]!]!(argv[2]!);
    process.stdout.write(JSON.stringify(rows));
    return;
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "pulje-bench-"));
  const rows = Object.keys(GROUPS)
    .filter((g) => !SKIP.has(g))
    .flatMap((g) => runGroup(g, dir));
  print(rows);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nvækst/enhed: omkostning pr. række i forhold til den mindste størrelse (1 = lineær).`);
  console.log(`${n(seconds, 0)} s i alt; ${cpus().length} kerner; Node ${process.version}`);
  const out = join(__dirname, "results.json");
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        seconds,
        rows,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`Skrevet: ${out}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
