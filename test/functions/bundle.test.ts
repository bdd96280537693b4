import { build } from "esbuild";
import { join } from "path";
import { gzipSync } from "zlib";

describe("the custom-functions bundle", () => {
  it("contains only the functions and the engine: no React, no Fluent, no Office.js UI code, no package at all", async () => {
    const result = await build({
      entryPoints: [join(__dirname, "../../src/functions/register.ts")],
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      platform: "browser",
      format: "iife",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => !/^src\/(domain|functions)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => /react|fluent|taskpane|workbook/.test(p))).toEqual([]);
    const code = result.outputFiles[0]!.contents;
    // Measured, not a speed test: a size far above this would mean something unwanted was pulled in.
    expect(gzipSync(code).length).toBeLessThan(50_000);
  });
});
