import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "fs";
import { join } from "path";
import { MAX_INPUT_BYTES } from "../../src/cli/paths";
import { mainRun, sampleFile, tempDir } from "../helpers/workbooks";

/**
 * The user's files are sacred (docs/workbook.md, "Filerne"): no output may be the input (by name, link
 * or hard link) or another output, or anything but a new or ordinary file; JSON and Word only after a
 * run that wrote its workbook; inputs only when they are ordinary files of a sane size.
 */
const call = mainRun;

describe("the headless command never writes over the user's files", () => {
  let dir: string;
  let input: string;
  let original: Buffer;
  beforeEach(async () => {
    dir = tempDir();
    input = await sampleFile(dir, true);
    original = readFileSync(input);
  });
  afterEach(() => {
    // Whatever happened, the input is as it was.
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  const out = () => join(dir, "out.xlsx");

  it.each([
    ["--json is the input", () => ["-o", out(), "--json", input], "JSON-filen må ikke være inputfilen"],
    ["--docx is the input", () => ["-o", out(), "--docx", input], "Word-filen må ikke være inputfilen"],
    [
      "-o is the input, by another name",
      () => ["-o", join(dir, ".", "input.xlsx")],
      "må ikke være inputfilen",
    ],
    ["--docx is the output", () => ["-o", out(), "--docx", out()], "er den samme fil"],
    ["--json is the output", () => ["-o", out(), "--json", out()], "er den samme fil"],
    ["-o is a device", () => ["-o", "/dev/null"], "ikke en almindelig fil"],
    ["-o is a folder", () => ["-o", dir], "ikke en almindelig fil"],
    ["-o in a folder that does not exist", () => ["-o", join(dir, "nej", "out.xlsx")], "findes ikke"],
    ["-o is a .csv", () => ["-o", join(dir, "out.csv")], "skal hedde .xlsx eller .xlsm"],
    ["--docx is not a .docx", () => ["-o", out(), "--docx", join(dir, "sag.pdf")], "skal hedde .docx"],
    ["--json without a file", () => ["-o", out(), "--json"], "Angiv en fil efter --json"],
    ["--json followed by another option", () => ["--json", "-o", out()], "Angiv en fil efter --json"],
    ["-o without a file", () => ["-o"], "Angiv outputfilen"],
  ])("refuses: %s (exit 2, nothing written)", async (_name, args, message) => {
    const run = await call([input, ...args()]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(existsSync(out())).toBe(false);
  });

  it("refuses outputs that are the input through a symbolic or a hard link", async () => {
    const soft = join(dir, "link.json");
    symlinkSync(input, soft);
    expect((await call([input, "-o", out(), "--json", soft])).code).toBe(2);
    expect(lstatSync(soft).isSymbolicLink()).toBe(true);
    const hard = join(dir, "hard.xlsx");
    linkSync(input, hard);
    const run = await call([input, "-o", hard]);
    expect([run.code, run.err]).toEqual([2, expect.stringContaining("må ikke være inputfilen")]);
  });

  it("writes no JSON and no Word file when the run fails (exit 1)", async () => {
    const bad = await sampleFile(
      dir,
      true,
      (wb) => (wb.getWorksheet("Opfølgning")!.getCell("D5").value = "abc"),
      "bad.xlsx",
    );
    const json = join(dir, "s.json");
    const docx = join(dir, "s.docx");
    const run = await call([bad, "-o", out(), "--json", json, "--docx", docx]);
    expect(run.code).toBe(1);
    expect([existsSync(out()), existsSync(json), existsSync(docx)]).toEqual([false, false, false]);
  });

  it("writes the JSON and Word files of a run that succeeds, replacing ordinary files", async () => {
    const json = join(dir, "s.json");
    writeFileSync(json, "old");
    const run = await call([input, "-o", out(), "--json", json, "--docx", join(dir, "s.docx")]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8"))).toHaveProperty("pool");
    expect(existsSync(join(dir, "s.docx"))).toBe(true);
  });
});

describe("the headless command reads only ordinary files of a sane size", () => {
  it.each([
    ["/dev/zero", "ikke en almindelig fil"],
    ["/tmp", "ikke en almindelig fil"],
  ])("refuses %s before reading it", async (input, message) => {
    const dir = tempDir();
    const run = await call([input, "-o", join(dir, "out.xlsx")]);
    expect([run.code, run.err]).toEqual([2, expect.stringContaining(message)]);
  });

  it("refuses an input above the bound, saying the bound", async () => {
    const dir = tempDir();
    const big = join(dir, "stor.xlsx");
    writeFileSync(big, "");
    truncateSync(big, MAX_INPUT_BYTES + 1); // sparse: nothing is written to the disk
    const run = await call([big, "-o", join(dir, "out.xlsx")]);
    expect([run.code, run.err]).toEqual([2, expect.stringContaining("kommandoen læser højst 256 MB")]);
  });
});

describe("a workbook with macros stays one", () => {
  const fixture = join(__dirname, "..", "fixtures", "excel-made", "macro-button.xlsm");

  it("refuses an .xlsx output for an .xlsm input, and an .xlsm output for an .xlsx input", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "m"));
    const xlsm = join(dir, "m", "makro.xlsm");
    copyFileSync(fixture, xlsm);
    const macros = await call([xlsm, "-o", join(dir, "out.xlsx")]);
    expect([macros.code, macros.err]).toEqual([2, expect.stringContaining("skal hedde .xlsm")]);
    const plain = await sampleFile(dir, true);
    const noMacros = await call([plain, "-o", join(dir, "out.xlsm")]);
    expect([noMacros.code, noMacros.err]).toEqual([2, expect.stringContaining("skal hedde .xlsx")]);
    expect(existsSync(join(dir, "out.xlsx")) || existsSync(join(dir, "out.xlsm"))).toBe(false);
  });
});
