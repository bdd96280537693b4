import { existsSync, realpathSync, statSync, Stats } from "fs";
import { basename, dirname, extname, resolve } from "path";

/**
 * The user's files are sacred: the headless command writes only new or ordinary files that are not the
 * input and not each other, and reads only an ordinary file of a sane size. Each rule gives a Danish
 * reason (a usage error, exit 2) before anything is read or written.
 */

/** The largest input read (bytes). A budget workbook of 100.000 rows is about 5 MB. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface OutputPath {
  /** The option that named it ("-o", "--json", "--docx"). */
  option: string;
  /** What it is, in Danish ("Outputfilen", "JSON-filen", "Word-filen"). */
  what: string;
  path: string;
  /** Endings allowed (lower case, with the dot); empty for any. */
  endings: readonly string[];
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString("da-DK")} MB`;

/** A file as found on disk (links followed): its real path, and its status when it exists. */
type FileOnDisk = { real: string; stat?: Stats };

/** What a path that is not an ordinary file is, in Danish. */
const notAFile = (stat: Stats) => (stat.isDirectory() ? "en mappe" : "en enhed eller en strøm");

/** The file a path names in the end (symbolic links followed), or undefined when there is none. */
function existing(path: string): { real: string; stat: Stats } | undefined {
  try {
    const real = realpathSync(path);
    return { real, stat: statSync(real) };
  } catch {
    return undefined;
  }
}

/** Why the input cannot be read, or undefined. */
export function inputProblem(input: string): string | undefined {
  if (!existsSync(input)) return `Inputfilen findes ikke: ${input}`;
  const found = existing(input);
  if (!found) return `Inputfilen kan ikke læses: ${input}`;
  if (!found.stat.isFile())
    return `Inputfilen er ikke en almindelig fil (${notAFile(found.stat)}): ${input}. Angiv en .xlsx-projektmappe.`;
  if (found.stat.size > MAX_INPUT_BYTES)
    return `Inputfilen fylder ${mb(found.stat.size)}; kommandoen læser højst ${mb(MAX_INPUT_BYTES)}. Del projektmappen op, eller fjern data, der ikke hører til opfølgningen.`;
  return undefined;
}

/** Why the outputs cannot be written where they are named, or undefined. */
export function outputProblem(input: string, outputs: readonly OutputPath[]): string | undefined {
  // The input as it is on disk (links followed), or by its name when it is not there.
  const inputFile: FileOnDisk = existing(input) ?? { real: resolve(input) };
  const same = (a: FileOnDisk, b: FileOnDisk) =>
    a.real === b.real || (a.stat && b.stat && a.stat.dev === b.stat.dev && a.stat.ino === b.stat.ino);
  const seen: (FileOnDisk & { option: string; what: string })[] = [];
  for (const out of outputs) {
    const found = existing(out.path);
    let target: FileOnDisk;
    if (found) {
      if (!found.stat.isFile())
        return `${out.what} (${out.option}) er ikke en almindelig fil (${notAFile(found.stat)}): ${out.path}. Angiv en ny fil eller en almindelig fil, der må erstattes.`;
      target = found;
    } else {
      const folder = existing(dirname(resolve(out.path)));
      if (!folder || !folder.stat.isDirectory())
        return `Mappen til ${out.what.toLowerCase()} (${out.option}) findes ikke: ${dirname(resolve(out.path))}.`;
      target = { real: resolve(folder.real, basename(out.path)) };
    }
    if (same(target, inputFile)) return `${out.what} må ikke være inputfilen: inputfilen ændres aldrig.`;
    const twice = seen.find((s) => same(s, target));
    if (twice)
      return `${out.what} (${out.option}) og ${twice.what.toLowerCase()} (${twice.option}) er den samme fil. Angiv to forskellige filer.`;
    const ending = extname(out.path).toLowerCase();
    if (out.endings.length > 0 && !out.endings.includes(ending))
      return `${out.what} (${out.option}) skal hedde ${out.endings.join(" eller ")}: ${out.path}.`;
    seen.push({ option: out.option, what: out.what, ...target });
  }
  return undefined;
}
