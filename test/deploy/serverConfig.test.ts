import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { tempDir } from "../helpers/workbooks";

const ROOT = resolve(__dirname, "..", "..");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

/** Every ```nginx block of the docs, with where it stands. */
function nginxBlocks(): { file: string; line: number; text: string }[] {
  const blocks: { file: string; line: number; text: string }[] = [];
  for (const file of ["docs/deployment.md", "README.md"]) {
    const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim() !== "```nginx") return;
      const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
      blocks.push({ file, line: i + 1, text: lines.slice(i + 1, end).join("\n") });
    });
  }
  return blocks;
}

describe("the web server examples IT copies pass the server's own config check", () => {
  it("the docs hold at least one nginx example", () => {
    expect(nginxBlocks().length).toBeGreaterThan(0);
  });

  it.each(nginxBlocks().map((b) => [`${b.file}:${b.line}`, b.text]))(
    "nginx -t accepts %s",
    (_where, text) => {
      if (!NGINX)
        throw new Error(
          "nginx is not installed: `apt-get install -y --no-install-recommends nginx-light` (.ci/run does this).",
        );
      const dir = tempDir();
      mkdirSync(join(dir, "logs"), { recursive: true });
      // A location example wrapped in the smallest server that can hold it.
      const body = /^\s*server\s*\{/m.test(text) ? text : `server {\n  listen 8443;\n${text}\n}`;
      const conf = `pid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "logs/error.log")};\nevents {}\nhttp {\n  access_log off;\n${body}\n}\n`;
      writeFileSync(join(dir, "nginx.conf"), conf);
      const result = spawnSync(NGINX, ["-t", "-c", join(dir, "nginx.conf"), "-p", dir], { encoding: "utf8" });
      expect([result.status, result.stderr]).toEqual([0, expect.stringContaining("test is successful")]);
    },
  );
});
