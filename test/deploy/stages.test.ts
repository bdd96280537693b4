import { spawnSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { checkManifest } from "../../src/deploy/manifestCheck";
import { STAGE_NAMES, STAGE_SETTINGS } from "../../src/deploy/stages";
import { tempDir } from "../helpers/workbooks";

const ROOT = resolve(__dirname, "..", "..");
const BASE = "https://addin.kommune.example/reservationspuljen/";

function build(args: string[]): string {
  const dist = tempDir();
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--output-path", dist, ...args],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return dist;
}

const idOf = (manifest: string) => /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
const namespaceOf = (manifest: string) =>
  /id="Functions\.Namespace" DefaultValue="([^"]+)"/.exec(manifest)?.[1];
const nameOf = (manifest: string) => /<DisplayName DefaultValue="([^"]+)"/.exec(manifest)?.[1];

describe("one add-in per environment: production, test and development", () => {
  it("the three stages have three Ids and three namespaces; production keeps today's Id and PULJE", () => {
    expect(new Set(STAGE_NAMES.map((s) => STAGE_SETTINGS[s].id)).size).toBe(3);
    expect(new Set(STAGE_NAMES.map((s) => STAGE_SETTINGS[s].namespace)).size).toBe(3);
    expect(STAGE_SETTINGS.production).toMatchObject({
      id: "f95990cd-d31d-4850-84bc-d4c8985a217b",
      namespace: "PULJE",
    });
    // The committed manifest is production's.
    const committed = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect([idOf(committed), namespaceOf(committed)]).toEqual([STAGE_SETTINGS.production.id, "PULJE"]);
  });

  it("a test build (ADDIN_STAGE=test) has the test Id, name and namespace, and its template writes PULJETEST.*", () => {
    const dist = build([
      "--mode",
      "production",
      "--env",
      `ADDIN_BASE_URL=${BASE}`,
      "--env",
      "ADDIN_STAGE=test",
    ]);
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect([idOf(manifest), namespaceOf(manifest), nameOf(manifest)]).toEqual([
      STAGE_SETTINGS.test.id,
      "PULJETEST",
      "Reservationspuljen (test)",
    ]);
    const problems = checkManifest(manifest, { baseUrl: BASE, readAsset: () => new Uint8Array() });
    expect(problems.filter((p) => p.code === "STAGE_MISMATCH")).toEqual([]);
    // The template's formulas are in the pane's engine chunk (loaded on the first click).
    const engine = readdirSync(dist).find((f) => /^engine\..*\.js$/.test(f))!;
    const code = readFileSync(join(dist, engine), "utf8");
    expect(code).toContain("PULJETEST");
  }, 180_000);

  it("a development build has the development Id and PULJEDEV", () => {
    const dist = build(["--mode", "development"]);
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect([idOf(manifest), namespaceOf(manifest), nameOf(manifest)]).toEqual([
      STAGE_SETTINGS.development.id,
      "PULJEDEV",
      "Reservationspuljen (udvikling)",
    ]);
  }, 180_000);

  it("the offline check refuses a manifest whose Id and namespace belong to different stages", () => {
    const committed = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const mixed = committed.replace(STAGE_SETTINGS.production.id, STAGE_SETTINGS.test.id);
    const problems = checkManifest(mixed, {
      baseUrl: "https://localhost:3000/",
      readAsset: () => new Uint8Array(),
    });
    expect(problems.map((p) => p.code)).toContain("STAGE_MISMATCH");
  });

  it("refuses an unknown stage", () => {
    expect(() =>
      build(["--mode", "production", "--env", `ADDIN_BASE_URL=${BASE}`, "--env", "ADDIN_STAGE=staging"]),
    ).toThrow(/ADDIN_STAGE must be one of production, test, development/);
  }, 180_000);
});
