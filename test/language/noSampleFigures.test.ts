import { readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { sourceTexts } from "../helpers/sourceTexts";

/**
 * R15.5 One figure, one source: no text in the code carries a sample's year or amount — a sentence such as
 * "(2018: 8.131.000 kr. mod besluttet 8.132.000 kr.)" would be printed in every year's output. The files
 * that build the samples (and say which minutes they come from) are the only ones that may name them.
 */
const SRC = join(__dirname, "..", "..", "src");
const SAMPLE_BUILDERS = ["cli/sampleWorkbook.ts", "cli/demo.ts"];

/** The samples' years and the figures their minutes decide or print, as Danish text would show them. */
const FIGURES = [
  /\b(?:2018|2019|2023|2024|2025)\b/,
  /8[.]?13[12](?:[.]?000)?/,
  /15[.]?011/,
  /6[.]?879/,
  /86[.]?093/,
  /36[.]?093/,
  /134[.]?228/,
  /131[.]?936/,
  /129[.]?221/,
  /118[.]?190/,
  /13[.]?825/,
  /32[.]?150[.]?000/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("no sample's year or amount in a text of the code (R15.5)", () => {
  const sources = files(SRC).filter((f) => !SAMPLE_BUILDERS.includes(relative(SRC, f).replace(/\\/g, "/")));

  it("reads the code's texts (the check can see a figure where there is one)", () => {
    expect(sources.length).toBeGreaterThan(50);
    const all = sources.flatMap((f) => sourceTexts(f));
    expect(all).toContain("Budgetopfølgning");
    // The catalogue of messages is read: a figure put back into it would be found.
    expect(FIGURES.some((f) => f.test("(2018: 8.131.000 kr. mod besluttet 8.132.000 kr.)"))).toBe(true);
  });

  it.each(FIGURES.map((f) => [String(f), f] as const))("%s appears in no string of src/", (_name, figure) => {
    const found = sources.flatMap((f) =>
      sourceTexts(f)
        .filter((t) => figure.test(t))
        .map((t) => `${relative(SRC, f)}: ${t}`),
    );
    expect(found).toEqual([]);
  });
});
