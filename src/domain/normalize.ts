/**
 * Normalises a header, sheet, table, parameter or pool name for matching (docs/workbook.md, "Finding tables"):
 * case-insensitive, surrounding/repeated spaces and line breaks ignored, æ/ae ø/oe å/aa and '/’ treated
 * alike, and a trailing unit in parentheses ignored ("Korrigeret budget (1.000 kr.)" = "Korrigeret budget").
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*\([^()]*\)$/, "")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[’‘`´]/g, "'")
    .trim();
}

/** True when two names match under {@link normalizeName}. */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** The unit in a trailing parenthesis of a header, e.g. "1.000 kr." of "Korrigeret budget (1.000 kr.)". */
export function trailingParenthesis(name: string): string | undefined {
  const match = /\(([^()]*)\)\s*$/.exec(name.trim());
  return match?.[1]?.trim();
}

/** "økonomi" → "Økonomi": a label or sentence part at the start of a line. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
