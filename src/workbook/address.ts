/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A1" from 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "D7" → { row: 7, col: 4 }. */
export function parseA1(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** "A1:C9" → bounds. A single cell is a one-cell range. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(":");
  const a = parseA1(from!);
  const b = parseA1(to!);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** An address as Office.js gives it ("'Opfølgning'!$K$5:$K$29") without sheet and "$": "K5:K29". */
export function localAddress(address: string): string {
  return address.split("!").pop()!.replace(/\$/g, "");
}
