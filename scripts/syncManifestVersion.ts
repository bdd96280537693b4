/**
 * Writes package.json's version into manifest.xml's <Version> (1.2.3 → 1.2.3.0). Runs as npm's "version"
 * lifecycle script, so `npm version minor` bumps both; the build does the same for dist/manifest.xml.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { manifestVersion } from "../src/deploy/version";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const path = join(root, "manifest.xml");
const xml = readFileSync(path, "utf8");
const updated = xml.replace(
  /<Version>[^<]*<\/Version>/,
  `<Version>${manifestVersion(pkg.version)}</Version>`,
);
writeFileSync(path, updated);
console.log(`manifest.xml: <Version>${manifestVersion(pkg.version)}</Version>`);
