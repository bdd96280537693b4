/**
 * Patterns that must never reach a user (the Danish pass): internal rule codes and spec files, English
 * Excel error values, ISO dates, the old word "helårspersoner" in output, JavaScript leaking through, and
 * "(er)"-style plurals.
 */
export const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "regelkode", pattern: /\(R\d+(\.\d+)?\)|\bR\d+\.\d+\b|DOMAIN\.md|STYLE\.md|WORKBOOK\.md/ },
  { name: "engelsk fejlværdi", pattern: /#VALUE!|#N\/A|#DIV\/0!|#REF!|#NAME\?|#NULL!/ },
  { name: "ISO-dato", pattern: /\b\d{4}-\d{2}-\d{2}\b/ },
  { name: "helårspersoner", pattern: /helårspersoner/i },
  { name: "JavaScript", pattern: /\bundefined\b|\bNaN\b|\[object Object\]/ },
  { name: "(er)-flertal", pattern: /\w\((er|e|r)\)/ },
];

/** The forbidden patterns a text holds, as "name: excerpt". */
export function badText(text: string): string[] {
  return FORBIDDEN.flatMap(({ name, pattern }) => {
    const match = pattern.exec(text);
    return match ? [`${name}: …${text.slice(Math.max(0, match.index - 30), match.index + 40)}…`] : [];
  });
}
