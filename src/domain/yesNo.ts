import { normalizeName } from "./normalize";

/** Reads "Ja"/"Nej" (also yes/no, true/false, 1/0). */
export function parseYesNo(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const n = normalizeName(text);
  if (["ja", "j", "yes", "true", "sand", "1"].includes(n)) return true;
  if (["nej", "n", "no", "false", "falsk", "0"].includes(n)) return false;
  return undefined;
}
