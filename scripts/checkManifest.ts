/**
 * Offline manifest check for IT and CI: npm run check:manifest -- [manifest.xml] [--base-url URL]
 * Files (icons) are looked up below the manifest's folder; the base URL defaults to the folder of the
 * task pane's page. Exit code 0 when the manifest passes, 1 with the problems listed otherwise.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { checkManifest } from "../src/deploy/manifestCheck";
import { manifestVersion } from "../src/deploy/version";

function main(argv: string[]): number {
  const args = [...argv];
  const at = args.indexOf("--base-url");
  const given = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const path = resolve(args[0] ?? "manifest.xml");
  if (!existsSync(path)) {
    console.error(`Manifestet ${path} findes ikke.`);
    return 2;
  }
  const xml = readFileSync(path, "utf8");
  const page = /<DefaultSettings>\s*<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1];
  const baseUrl = given ?? page?.replace(/[^/]*$/, "");
  if (!baseUrl) {
    console.error("Angiv --base-url (manifestet har ingen DefaultSettings/SourceLocation).");
    return 2;
  }
  const root = dirname(path);
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string };
  const problems = checkManifest(xml, {
    baseUrl: baseUrl.replace(/\/?$/, "/"),
    version: manifestVersion(pkg.version),
    readAsset: (rel) => {
      const file = join(root, ...rel.split("/"));
      return existsSync(file) ? readFileSync(file) : undefined;
    },
  });
  if (problems.length === 0) {
    console.log(`${path}: ingen fejl (basisadresse ${baseUrl}).`);
    return 0;
  }
  for (const p of problems) console.error(`${p.code}: ${p.message}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
