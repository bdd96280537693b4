import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");

describe("the repository", () => {
  it("holds no secrets: no private keys, certificates, connection strings or tokens in tracked files", () => {
    const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    expect(tracked.length).toBeGreaterThan(50);
    expect(tracked.filter((f) => /\.(pem|pfx|p12|key|crt|cer)$|(^|\/)\.env(\.|$)/i.test(f))).toEqual([]);
    // Built from pieces so that this file does not match its own patterns.
    const secret = new RegExp(
      [
        "-----BEGIN [A-Z ]*PRIVATE KEY-----",
        "Account" + "Key=",
        "SharedAccess" + "Signature=",
        "client_secret\\s*[:=]\\s*[\"'][^\"']{8,}",
        "(ghp|gho|github_pat)_[A-Za-z0-9_]{20,}",
        "xox[bp]-[A-Za-z0-9-]{10,}",
        "AKIA[0-9A-Z]{16}",
      ].join("|"),
    );
    const hits = tracked
      .filter((f) => !/\.(png|xlsx)$/.test(f))
      .filter((f) => secret.test(readFileSync(join(ROOT, f), "utf8")));
    expect(hits).toEqual([]);
  });

  it("keeps the runtime dependencies few and named in docs/deployment.md with a reason", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const doc = readFileSync(join(ROOT, "docs", "deployment.md"), "utf8");
    const names = Object.keys(pkg.dependencies);
    expect(names.length).toBeLessThanOrEqual(6);
    for (const name of names) expect([name, doc.includes(`\`${name}\``)]).toEqual([name, true]);
  });
});
