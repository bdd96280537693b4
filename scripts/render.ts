/**
 * Renders a workbook as its pages, to look at what users will print: LibreOffice (headless) converts it
 * to PDF with each sheet's own page setup, poppler's pdftoppm turns the pages into PNGs.
 *
 *   npm run render -- [workbook.xlsx] [out-dir]     (default: the demo's output, into out/render/)
 *
 * Needs the Debian packages libreoffice-calc-nogui and poppler-utils (.ci/run installs LibreOffice).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "fs";
import { basename, join, resolve } from "path";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (result.error || result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} gik galt: ${result.error?.message ?? result.stderr}`);
}

const input = resolve(process.argv[2] ?? "out/reservationspulje-2018-resultat.xlsx");
const dir = resolve(process.argv[3] ?? "out/render");
if (!existsSync(input)) {
  process.stderr.write(`Projektmappen findes ikke: ${input} (kør npm run demo først).\n`);
  process.exit(2);
}
for (const tool of ["/usr/bin/soffice", "/usr/bin/pdftoppm"])
  if (!existsSync(tool)) {
    process.stderr.write(`${tool} mangler: apt-get install libreoffice-calc-nogui poppler-utils\n`);
    process.exit(2);
  }
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
run("/usr/bin/soffice", [
  `-env:UserInstallation=file://${dir}/.profile`,
  "--headless",
  "--convert-to",
  "pdf",
  "--outdir",
  dir,
  input,
]);
const pdf = join(dir, basename(input).replace(/\.xls[xm]$/i, ".pdf"));
run("/usr/bin/pdftoppm", ["-r", "70", "-png", pdf, join(dir, "side")]);
const pages = readdirSync(dir).filter((f) => f.endsWith(".png")).length;
process.stdout.write(`${pages} sider: ${pdf} og ${dir}/side-*.png\n`);
