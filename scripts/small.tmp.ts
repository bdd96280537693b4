import { pagesBySheet, readPages } from "./printedPages";
const bySheet = pagesBySheet(readPages(process.argv[2]!));
for (const [sheet, pages] of bySheet) {
  const words = pages.flatMap((p) => p.words).sort((a, b) => a.size - b.size);
  console.log(
    sheet,
    words
      .slice(0, 4)
      .map((w) => `${w.text}:${w.size.toFixed(1)}`)
      .join(" "),
    "| median",
    words[Math.floor(words.length / 2)]!.size.toFixed(1),
  );
}
