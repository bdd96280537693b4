import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join, resolve } from "path";
import { tempDir } from "../helpers/workbooks";

const ROOT = resolve(__dirname, "..", "..");

describe("a build without a base URL", () => {
  it("is clearly a development build: it says so, and the manifest's name says (udvikling)", () => {
    const dist = tempDir();
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "development", "--output-path", dist],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const output = run.stdout + run.stderr; // webpack's infrastructure log goes to stderr
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).toContain('<DisplayName DefaultValue="Reservationspuljen (udvikling)"/>');
    expect(manifest).toContain("https://localhost:3000/taskpane.html");
    expect(output).toContain("UDVIKLINGSBYGGERI");
  }, 180_000);
});
