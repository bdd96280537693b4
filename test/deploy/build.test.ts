import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { checkManifest } from "../../src/deploy/manifestCheck";
import { manifestVersion } from "../../src/deploy/version";
import { tempDir } from "../helpers/workbooks";

const ROOT = resolve(__dirname, "..", "..");
const WEBPACK = join(ROOT, "node_modules/webpack/bin/webpack.js");
const BASE = "https://addin.kommune.example/reservationspuljen/";
const VERSION = manifestVersion(
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const text = (dir: string) => files(dir).filter((f) => /\.(html|js|json|xml|txt)$/.test(f));

describe("the production build for a municipality's web host (npm run build -- --env ADDIN_BASE_URL=…)", () => {
  let dist: string;
  beforeAll(() => {
    dist = tempDir();
    // Without the trailing slash on purpose: the build adds it.
    execFileSync(
      process.execPath,
      [
        WEBPACK,
        "--mode",
        "production",
        "--output-path",
        dist,
        "--env",
        `ADDIN_BASE_URL=${BASE.slice(0, -1)}`,
      ],
      { cwd: ROOT, stdio: "pipe" },
    );
  }, 180_000);

  it("rewrites every development URL in the manifest and the built files: none points at localhost", () => {
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const built = readFileSync(join(dist, "manifest.xml"), "utf8");
    const sourceUrls = source.match(/https:\/\/localhost:3000\/?/g)!.length;
    expect(sourceUrls).toBeGreaterThan(10);
    expect(built.split(BASE.slice(0, -1)).length - 1).toBe(sourceUrls);
    for (const file of text(dist))
      expect([file, readFileSync(file, "utf8").includes("localhost")]).toEqual([file, false]);
    expect(built).toContain(`<Version>${VERSION}</Version>`);
    expect(built).toContain('<DisplayName DefaultValue="Reservationspuljen"/>');
  });

  it("passes the offline manifest check against the production host and the built icons", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    const problems = checkManifest(xml, {
      baseUrl: BASE,
      version: VERSION,
      readAsset: (rel) => (existsSync(join(dist, rel)) ? readFileSync(join(dist, rel)) : undefined),
    });
    expect(problems).toEqual([]);
  });

  it("puts the Content-Security-Policy first in every page: own host and Office.js only, no eval", () => {
    const pages = files(dist).filter((f) => f.endsWith(".html"));
    expect(pages.map((p) => p.slice(dist.length + 1)).sort()).toEqual([
      "commands.html",
      "functions.html",
      "help.html",
      "taskpane.html",
    ]);
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const head = /<head>(.*?)<\/head>/s.exec(html)![1]!;
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
      expect(meta).not.toBeNull();
      // Before any script: a policy set after a script does not cover it.
      expect(head.indexOf("Content-Security-Policy")).toBeLessThan(
        Math.max(0, head.indexOf("<script")) || Infinity,
      );
      const policy = Object.fromEntries(
        meta![1]!.split(";").map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(policy["default-src"]).toEqual(["'none'"]);
      expect(policy["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(policy["connect-src"]).toEqual(["'self'"]);
      expect(meta![1]).not.toContain("unsafe-eval");
      // Every script a page loads is its own or Office.js.
      for (const [, src] of html.matchAll(/<script[^>]*src="?([^" >]+)/g))
        expect(
          src!.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/") || !src!.includes("//"),
        ).toBe(true);
    }
  });

  it("has no eval or new Function in the bundles, and none of the headless command's libraries", () => {
    const scripts = files(dist).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) {
      const code = readFileSync(script, "utf8");
      expect([script, /\beval\s*\(|\bnew Function\s*\(|[^.\w]Function\s*\(\s*["'`]/.test(code)]).toEqual([
        script,
        false,
      ]);
      // exceljs and jszip serve the headless command only.
      expect([script, /JSZip|xl\/worksheets/.test(code)]).toEqual([script, false]);
    }
  });

  it("functions.js is ES2017 (no ?. or ??) and functions.json asks for nothing beyond CustomFunctionsRuntime 1.3", () => {
    const functionsJs = readFileSync(join(dist, "functions.js"), "utf8");
    // A "?." before a letter, "[" or "(" is optional chaining (a ternary's "? ." never is); "??" nullish.
    expect(functionsJs.match(/\?\.[\w$[(]|\?\?/g) ?? []).toEqual([]);
    const metadata = readFileSync(join(dist, "functions.json"), "utf8");
    expect(metadata).not.toContain("allowCustomDataForDataTypeAny");
    expect((JSON.parse(metadata) as { functions: unknown[] }).functions.length).toBeGreaterThan(5);
  });

  it("associates every custom function once (the metadata plugin adds the calls; nothing repeats them)", () => {
    const functionsJs = readFileSync(join(dist, "functions.js"), "utf8");
    const ids = (
      JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect([id, functionsJs.split(`associate("${id}"`).length - 1]).toEqual([id, 1]);
  });

  it("the production manifest has no AppDomain with a path (AppDomains are other origins; it needs none)", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/<AppDomain>[^<]*\/reservationspuljen/);
    expect(manifest).not.toContain("<AppDomains>");
  });

  it("refuses a base URL that is not https, or is localhost", () => {
    for (const bad of ["http://addin.kommune.example/", "https://localhost:3000/"]) {
      const run = spawnSync(
        process.execPath,
        [WEBPACK, "--mode", "production", "--output-path", tempDir(), "--env", `ADDIN_BASE_URL=${bad}`],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr + run.stdout).toContain(
        "ADDIN_BASE_URL must be an https address of the production host",
      );
    }
  });
});
