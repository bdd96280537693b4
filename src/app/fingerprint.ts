import { capitalize, isComputedType, RawValue } from "../domain";
import { a1 } from "../workbook/address";
import type { ContractResults } from "./compute";
import { TableContract, tableLabel } from "./contract";
import { cellValue } from "./locate";
import { ContractInputs, poolColumnsOf, rowOf } from "./readContract";
import { quoteSheet } from "./report/trace";

/**
 * What Beregn read, table by table, as a fingerprint (issue 30): stored with the results on the Spor
 * sheet, compared with the tables as they are now by the pane on opening and by `--check`. A table's
 * fingerprint covers every cell the rules read — its header row and its input columns — and none the
 * tool writes (output columns, the ledger's Saldo and Resultat lines and the lines it feeds), so a run
 * over its own output finds the same fingerprint.
 */
export interface TableFingerprint {
  key: TableContract["key"];
  /** How users name the table: "Opfølgningen på arket Opfølgning". */
  label: string;
  /** Where it stood: "'Opfølgning'!A4:K20". */
  range: string;
  rows: number;
  /** 16 hexadecimal digits. */
  hash: string;
}

export function fingerprintInputs(inputs: ContractInputs, results: ContractResults): TableFingerprint[] {
  const out: TableFingerprint[] = [];
  for (const [key, table] of inputs.tables) {
    const columns = new Set<number>([...table.columns.values()]);
    for (const y of table.yearColumns ?? []) columns.add(y.col);
    // Pool columns (the ledger, Prognoser) are read; the ledger's computed and fed lines are the tool's.
    const poolColumns = key === "ledger" || key === "prognoses" ? poolColumnsOf(table) : [];
    const toolRows = key === "ledger" ? ledgerRowsWritten(results) : new Set<number>();
    const hash = new Hasher();
    // Not the table's right edge: Beregn appends its output columns there.
    hash.add(`${table.sheet.name}|${table.headerRow}|${table.firstDataRow}|${table.lastDataRow}`);
    const sorted = [...columns].sort((x, y) => x - y);
    const right = Math.max(table.left, ...sorted, ...poolColumns);
    for (const col of [...sorted, ...poolColumns])
      hash.add(`h${col}:${text(cellValue(table.sheet, table.headerRow, col))}`);
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      hash.add(`r${row}`);
      for (const col of sorted) hash.add(text(cellValue(table.sheet, row, col)));
      if (!toolRows.has(row)) for (const col of poolColumns) hash.add(text(cellValue(table.sheet, row, col)));
    }
    out.push({
      key,
      label: capitalize(tableLabel(table.contract)),
      range: `${quoteSheet(table.sheet.name)}!${a1(table.headerRow, table.left)}:${a1(Math.max(table.headerRow, table.lastDataRow), right)}`,
      rows: Math.max(0, table.lastDataRow - table.firstDataRow + 1),
      hash: hash.digest(),
    });
  }
  return out;
}

/** The ledger rows whose pool cells the tool writes: Saldo and Resultat lines, and lines fed from a source. */
function ledgerRowsWritten(results: ContractResults): Set<number> {
  const rows = new Set<number>();
  for (const year of results.ledgerYears ?? []) {
    const fed = new Set(year.fedLines);
    year.ledger.lines.forEach((line, i) => {
      if ((isComputedType(line.type) || fed.has(i)) && line.at?.cell) rows.add(rowOf(line.at));
    });
  }
  return rows;
}

function text(value: RawValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return `d${value.toISOString()}`;
  if (typeof value === "object") return `e${JSON.stringify(value)}`;
  return `${typeof value === "number" ? "n" : typeof value === "boolean" ? "b" : "s"}${String(value)}`;
}

/** Two FNV-1a 32-bit hashes with different offsets, over the UTF-16 units: 64 bits, no dependency. */
class Hasher {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  add(part: string): void {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      this.a = Math.imul(this.a ^ c, 0x01000193) >>> 0;
      this.b = Math.imul(this.b ^ c, 0x01000193) >>> 0;
    }
    // A separator no cell text can forge alone: the length of the part.
    this.a = Math.imul(this.a ^ (part.length & 0xffff), 0x01000193) >>> 0;
    this.b = Math.imul(this.b ^ 0x1f, 0x01000193) >>> 0;
  }

  digest(): string {
    return this.a.toString(16).padStart(8, "0") + this.b.toString(16).padStart(8, "0");
  }
}

/** A table whose fingerprint differs from the stored one, or that came or went. */
export interface TableChange {
  label: string;
  change: "ændret" | "ny" | "fjernet";
}

/** Which tables changed between the fingerprint stored with the results and the one of the tables now. */
export function compareFingerprints(
  stored: readonly Pick<TableFingerprint, "label" | "hash">[],
  now: readonly Pick<TableFingerprint, "label" | "hash">[],
): TableChange[] {
  const changes: TableChange[] = [];
  for (const s of stored) {
    const n = now.find((x) => x.label === s.label);
    if (!n) changes.push({ label: s.label, change: "fjernet" });
    else if (n.hash !== s.hash) changes.push({ label: s.label, change: "ændret" });
  }
  for (const n of now)
    if (!stored.some((s) => s.label === n.label)) changes.push({ label: n.label, change: "ny" });
  return changes;
}

/** "5/12 2026 kl. 19.30", Danish time, as the minutes write a date and time. */
export function danishDateTime(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("da-DK", {
      timeZone: "Europe/Copenhagen",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts["day"]}/${parts["month"]} ${parts["year"]} kl. ${parts["hour"]}.${parts["minute"]}`;
}
