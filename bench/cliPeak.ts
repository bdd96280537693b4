/**
 * Runs the headless command once on a file in this process and prints the process's peak RSS in MB:
 * the command's own memory, apart from the benchmarks' baselines (spawned by bench/headless.ts).
 */
import { main } from "../src/cli/workbook";

void (async () => {
  const [input, output] = process.argv.slice(2);
  const code = await main([input!, "-o", output!, "--quiet"], {
    out: () => undefined,
    err: () => undefined,
    color: false,
  });
  process.stdout.write(JSON.stringify({ code, peakMb: process.resourceUsage().maxRSS / 1024 }));
})();
