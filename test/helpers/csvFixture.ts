import { readFileSync } from "fs";
import { join } from "path";

/** Reads a ';'-separated fixture of test/fixtures, skipping '#' comment lines; rows as header → text. */
export function readCsvFixture(name: string): Record<string, string>[] {
  const text = readFileSync(join(__dirname, "..", "fixtures", name), "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const [header, ...rows] = lines.map((l) => l.split(";"));
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""])));
}

/** A fixture cell as a number; "" is undefined. */
export function num(text: string | undefined): number | undefined {
  return text === undefined || text === "" ? undefined : Number(text);
}
