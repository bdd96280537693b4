import { join, resolve } from "path";
import { build } from "esbuild";
import { Browser, chromium } from "playwright-core";

/** Debian's Chromium (.ci/run installs it); never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(__dirname, "..", "..");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The simulated Excel host (test/browser/simulatedHost.ts) bundled to stand in for office.js. */
export async function simulatedOfficeJs(): Promise<string> {
  const host = await build({
    entryPoints: [join(ROOT, "test/browser/simulatedHost.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    alias: { "office-addin-manifest": join(ROOT, "test/stubs/office-addin-manifest.js") },
  });
  return host.outputFiles[0]!.text;
}
