/**
 * Patterns that must never reach a user (the Danish pass): internal rule codes and spec files, English
 * Excel error values, ISO dates, the old word "helårspersoner" in output, JavaScript leaking through,
 * "(er)"-style plurals — and the forms a finance officer should not meet: tables by their code names,
 * "Forslag: Intet forslag", double full stops, the repository's paths, the docx library's "Un-named", text
 * cut with "…", a figure by another of its names, a pool's subtotal by its short key.
 */
export const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "regelkode", pattern: /\(R\d+(\.\d+)?\)|\bR\d+\.\d+\b|DOMAIN\.md|STYLE\.md|WORKBOOK\.md/ },
  { name: "engelsk fejlværdi", pattern: /#VALUE!|#N\/A|#DIV\/0!|#REF!|#NAME\?|#NULL!/ },
  { name: "ISO-dato", pattern: /\b\d{4}-\d{2}-\d{2}\b/ },
  { name: "helårspersoner", pattern: /helårspersoner/i },
  { name: "JavaScript", pattern: /\bundefined\b|\bNaN\b|\[object Object\]/ },
  { name: "(er)-flertal", pattern: /\w\((er|e|r)\)/ },
  {
    name: "tabellens kodenavn",
    pattern: /\b[Tt]abel(len)? [A-ZÆØÅ]|\b(Opfoelgning|Foelsomhed|Tilskudsberegning|Tillaegsbevillinger)\b/,
  },
  { name: "forslag om intet forslag", pattern: /Forslag: Intet forslag/ },
  { name: "dobbelt punktum", pattern: /[^.]\.\.(?!\.)/ },
  { name: "sti i repository", pattern: /\b(docs|src|test|samples|scripts)\/[\w./-]+|\b[\w-]+\.(md|tsx?)\b/ },
  { name: "Un-named", pattern: /Un-named/ },
  { name: "afskåret tekst", pattern: /[\wæøåÆØÅ.,)]…/ },
  {
    name: "figur med andet navn",
    pattern: /\bVærn brugt|\bheraf brugt|Heraf dækket af budgetværnet|Kassefin\./,
  },
  {
    name: "puljens kortnavn i Samlet",
    pattern: /Samlet (Budgetgaranti|Beskæftigelsestilskud|Uden for puljen)\b/,
  },
];

/** The forbidden patterns a text holds, as "name: excerpt". */
export function badText(text: string): string[] {
  return FORBIDDEN.flatMap(({ name, pattern }) => {
    const match = pattern.exec(text);
    return match ? [`${name}: …${text.slice(Math.max(0, match.index - 30), match.index + 40)}…`] : [];
  });
}
