import { parseYesNo } from "./yesNo";
import { cellText, ColumnSpec, fieldCell, RawRecord, readNumber } from "./cells";
import { difference, sum } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { nearPool } from "./poolNames";
import { parseNumberText } from "./danishNumber";
import { Amount } from "./units";

export type YearEndField =
  | "område"
  | "styringsområde"
  | "overførselsadgang"
  | "korrigeret"
  | "regnskab"
  | "overføresTilÅr"
  | "pulje"
  | "konverteresTil";

export const YEAR_END_COLUMNS: readonly ColumnSpec<YearEndField>[] = [
  { field: "område", header: "Område", required: true },
  { field: "styringsområde", header: "Styringsområde", required: true },
  { field: "overførselsadgang", header: "Overførselsadgang", required: true },
  { field: "korrigeret", header: "Korrigeret budget", required: true },
  { field: "regnskab", header: "Regnskab", required: true },
  { field: "overføresTilÅr", header: "Overføres til år", required: false },
  { field: "pulje", header: "Pulje", required: false },
  { field: "konverteresTil", header: "Konverteres til", required: false },
];

/** A share of a carry-over to one year. */
export interface CarryOverShare {
  år: number;
  andel: number;
}

export interface YearEndLine {
  område: string;
  styringsområde: string;
  overførselsadgang: boolean;
  korrigeret: Amount;
  regnskab: Amount;
  /** How the carry-over is split over years; empty = not stated. */
  fordeling: CarryOverShare[];
  /** The sub-pool whose ledger takes the line's kassen part (optional). */
  pulje?: string;
  /** R14.1 konvertering: the styringsområde the line's overførsel is moved to (optional). */
  konverteresTil?: string;
  at?: Location;
}

export interface YearEndLineResult {
  line: YearEndLine;
  afvigelse: Amount;
  kassen: Amount;
  overførsel: Amount;
  overførselPerÅr: { år: number; beløb: Amount }[];
}

export interface YearEndTotals {
  afvigelse: Amount;
  kassen: Amount;
  overførsel: Amount;
}

export interface YearEndResult {
  lines: YearEndLineResult[];
  perStyringsområde: Map<string, YearEndTotals>;
  total: YearEndTotals;
}

/**
 * R7: afvigelse = korrigeret budget − regnskab (+ = mindreforbrug). Lines without overførselsadgang send
 * the whole afvigelse to kassen; lines with it carry it over, split over the stated years so that the
 * parts add up to the afvigelse exactly.
 */
export function computeYearEnd(
  lines: readonly YearEndLine[],
  accountsYear?: number,
  diagnostics?: DiagnosticSink,
): YearEndResult {
  const results = lines.map((line): YearEndLineResult => {
    const afvigelse = difference(line.korrigeret, line.regnskab);
    const kassen = line.overførselsadgang ? 0 : afvigelse;
    const overførsel = line.overførselsadgang ? afvigelse : 0;
    // Without "Overføres til år" the overførsel goes to the next year (the accounts' year + 1).
    let fordeling = line.fordeling;
    if (fordeling.length === 0 && overførsel !== 0) {
      if (accountsYear !== undefined) fordeling = [{ år: accountsYear + 1, andel: 1 }];
      else diagnostics?.warning("MISSING_VALUE", messages.carryOverWithoutYear(line.område), line.at);
    }
    return {
      line,
      afvigelse,
      kassen,
      overførsel,
      overførselPerÅr: splitCarryOver(overførsel, fordeling),
    };
  });
  const perStyringsområde = new Map<string, YearEndTotals>();
  for (const area of new Set(lines.map((l) => l.styringsområde))) {
    perStyringsområde.set(area, totals(results.filter((r) => r.line.styringsområde === area)));
  }
  return { lines: results, perStyringsområde, total: totals(results) };
}

function totals(results: readonly YearEndLineResult[]): YearEndTotals {
  return {
    afvigelse: sum(results.map((r) => r.afvigelse)),
    kassen: sum(results.map((r) => r.kassen)),
    overførsel: sum(results.map((r) => r.overførsel)),
  };
}

/**
 * Splits a carry-over over years by shares, rounding each part but the last to whole units; the last
 * takes the remainder, so the parts always add up to the amount.
 */
export function splitCarryOver(
  amount: Amount,
  shares: readonly CarryOverShare[],
): { år: number; beløb: Amount }[] {
  if (shares.length === 0 || amount === 0) return shares.map((s) => ({ år: s.år, beløb: 0 }));
  const parts = shares.slice(0, -1).map((s) => ({ år: s.år, beløb: Math.round(amount * s.andel) + 0 }));
  const last = shares[shares.length - 1]!;
  parts.push({ år: last.år, beløb: difference(amount, sum(parts.map((p) => p.beløb))) });
  return parts;
}

/**
 * A steering area's name compared by its stem (R7.1): normalised, each word cut to its first five letters
 * ("Særlige driftsområder" and "Særlig drift" are both "saerl drift").
 */
export function steeringAreaStem(name: string): string {
  return normalizeName(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.slice(0, 5))
    .join(" ");
}

/** Whether a year-end line's steering area is the parameter's, by stem or one of the synonyms (";"-separated). */
export function matchesSteeringArea(name: string, steeringArea: string, synonyms = ""): boolean {
  const stem = steeringAreaStem(name);
  return [steeringArea, ...synonyms.split(";")]
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .some((s) => steeringAreaStem(s) === stem);
}

/**
 * R7: a line whose afvigelse is the pool's — without overførselsadgang (it goes to the kassen) and of the
 * pool's steering area (by stem or a synonym). The ledger's Regnskab line and the accounts case's afregning
 * are made of these lines.
 */
export function isPoolKassenLine(r: YearEndLineResult, steeringArea: string, synonyms = ""): boolean {
  return !r.line.overførselsadgang && matchesSteeringArea(r.line.styringsområde, steeringArea, synonyms);
}

/** R7's ledger line per pool, with how many year-end lines it took and the steering areas it saw. */
export interface YearEndMovement {
  values: Amount[];
  /** Lines without overførselsadgang in the steering area: the ones the movement is made of. */
  matched: number;
  /** Every steering area of the table (as written), for the message when none matched. */
  found: string[];
}

/**
 * R7's ledger line: the kassen part of the lines of the given steering area (Særlige driftsområder) without
 * overførselsadgang, per sub-pool. Lines without a Pulje go to the only pool, or are reported when there
 * are several.
 */
export function yearEndMovement(
  result: YearEndResult,
  pools: readonly string[],
  steeringArea: string,
  diagnostics: DiagnosticSink,
  synonyms = "",
): YearEndMovement {
  const values: Amount[][] = pools.map(() => []);
  let matched = 0;
  for (const r of result.lines) {
    if (!isPoolKassenLine(r, steeringArea, synonyms)) continue;
    matched++;
    const index = poolIndex(r.line.pulje, pools);
    if (index < 0) {
      diagnostics.error("UNKNOWN_POOL", messages.unknownPool(r.line.pulje ?? "", pools), r.line.at);
      continue;
    }
    values[index]!.push(r.kassen);
  }
  const found = [
    ...new Set(
      result.lines.map(
        (r) => r.line.styringsområde + (r.line.overførselsadgang ? " (med overførselsadgang)" : ""),
      ),
    ),
  ];
  return { values: values.map((v) => sum(v)), matched, found };
}

/**
 * The ledger pool a line belongs to: its named Pulje (names compared normalised), or the only pool when
 * it names none; -1 when neither.
 */
export function poolIndex(pulje: string | undefined, pools: readonly string[]): number {
  if (pulje === undefined) return pools.length === 1 ? 0 : -1;
  return pools.findIndex((p) => normalizeName(p) === normalizeName(pulje));
}

/** Reads "2019" or "2019: 60 %; 2020: 40 %" into shares that sum to 1; undefined when unreadable. */
export function parseCarryOverSplit(text: string): CarryOverShare[] | undefined {
  const single = /^\s*(\d{4})\s*$/.exec(text);
  if (single) return [{ år: Number(single[1]), andel: 1 }];
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const shares: CarryOverShare[] = [];
  for (const part of parts) {
    const match = /^(\d{4})\s*:\s*(.+)$/.exec(part);
    const share = match ? parseNumberText(match[2]!) : undefined;
    if (!match || !share || share.value < 0) return undefined;
    shares.push({ år: Number(match[1]), andel: share.value });
  }
  const total = sum(shares.map((s) => s.andel));
  if (shares.length === 0 || Math.abs(total - 1) > 1e-9) return undefined;
  return shares;
}

export function readYearEndLines(
  records: readonly RawRecord<YearEndField>[],
  diagnostics: DiagnosticSink,
): YearEndLine[] {
  const lines: YearEndLine[] = [];
  const conversions: { to: string; at: Location | undefined }[] = [];
  for (const record of records) {
    const område = cellText(record.cells.område);
    if (område === undefined || område.startsWith("#")) continue;
    const styringsområde = cellText(record.cells.styringsområde);
    if (styringsområde === undefined)
      diagnostics.error(
        "MISSING_VALUE",
        messages.missingValue("Styringsområde"),
        fieldCell(record, "styringsområde").at,
      );
    const adgangText = cellText(record.cells.overførselsadgang);
    const adgang = parseYesNo(adgangText);
    if (adgang === undefined) {
      const at = fieldCell(record, "overførselsadgang").at;
      if (adgangText === undefined)
        diagnostics.error("MISSING_VALUE", messages.missingValue("Overførselsadgang"), at);
      else diagnostics.error("NOT_A_YES_NO", messages.notAYesNo("Overførselsadgang", adgangText), at);
    }
    const korrigeret = readNumber(
      fieldCell(record, "korrigeret"),
      { field: "Korrigeret budget", required: true },
      diagnostics,
    );
    const regnskab = readNumber(
      fieldCell(record, "regnskab"),
      { field: "Regnskab", required: true },
      diagnostics,
    );
    const splitText = cellText(record.cells.overføresTilÅr);
    const fordeling = splitText === undefined ? [] : parseCarryOverSplit(splitText);
    if (fordeling === undefined)
      diagnostics.error(
        "BAD_SPLIT",
        messages.badSplit(splitText ?? ""),
        record.cells.overføresTilÅr?.at ?? record.at,
      );
    if (
      styringsområde === undefined ||
      adgang === undefined ||
      korrigeret === undefined ||
      regnskab === undefined ||
      fordeling === undefined
    )
      continue;
    const pulje = cellText(record.cells.pulje);
    const konverteresTil = cellText(record.cells.konverteresTil);
    if (konverteresTil !== undefined && !adgang) {
      // Only a carried-over amount can be converted; a kassen line has nothing to move.
      diagnostics.error(
        "NOT_CONVERTIBLE",
        messages.notConvertible(område),
        record.cells.konverteresTil?.at ?? record.at,
      );
      continue;
    }
    lines.push({
      område,
      styringsområde,
      overførselsadgang: adgang,
      korrigeret,
      regnskab,
      fordeling,
      at: record.at,
      ...(pulje === undefined ? {} : { pulje }),
      ...(konverteresTil === undefined ? {} : { konverteresTil }),
    });
    if (konverteresTil !== undefined)
      conversions.push({ to: konverteresTil, at: record.cells.konverteresTil?.at ?? record.at });
  }
  // R15.7: a Konverteres til a letter or two from a styringsområde of the table is a slip, not a new area
  // (it would be a konvertering punkt of its own under a wrong name).
  const areas = [...new Set(lines.map((l) => l.styringsområde))];
  for (const { to, at } of conversions) {
    const near = nearPool(to, areas);
    if (near !== undefined) diagnostics.error("POOL_TYPO", messages.steeringAreaTypo(to, near), at);
  }
  return lines;
}
