import ExcelJS from "exceljs";
import { rulesSheetRows } from "../../src/domain";

/**
 * The reliability corpus: bad and odd workbooks, each the 2018 sample (plain header blocks unless
 * asTables) changed in one way, with the exact diagnostics both workbook implementations must give.
 * Opfølgning: header row 4, data rows 5–29, columns A Område, B Pulje, C Vedtaget budget, D Korrigeret
 * budget, E Forventet regnskab. Reservationspulje: header row 4, rows 5–14 (14 = Resultat), D Kilde,
 * E Budgetgaranti, F Beskæftigelsestilskud.
 */
export type Expected = [level: "error" | "warning", code: string, sheet?: string, cell?: string];

export interface CorpusCase {
  name: string;
  asTables?: boolean;
  change: (wb: ExcelJS.Workbook) => void;
  /** Whether the run succeeds (outputs written) or stops before writing anything. */
  ok: boolean;
  expected: Expected[];
  /** Diagnostics only the .xlsx implementation gives (parts ExcelJS cannot write back). */
  fileOnly?: Expected[];
  /** Add a chart and a pivot table to the saved input file's Investeringer sheet (file implementation only). */
  inject?: boolean;
  /** Each must match the message of some diagnostic (the Danish wording users read). */
  messages?: RegExp[];
  /** Further checks on the JSON summary of a successful run. */
  summary?: (summary: SummaryLike) => void;
}

export interface SummaryLike {
  followUp?: {
    total: number;
    rows: { område: string; afvigelse: number; økonomi: string; mængder: string }[];
  };
  pool?: {
    result: Record<string, number>;
    kassefinansiering: number;
    lines: { post: string; fedFrom?: string; values: Record<string, number> }[];
  };
  appropriations?: { pulje: string; beløbKr: number }[];
  diagnostics: { level: string; code: string; message: string }[];
}

const opf = (wb: ExcelJS.Workbook) => wb.getWorksheet("Opfølgning")!;
const ledger = (wb: ExcelJS.Workbook) => wb.getWorksheet("Reservationspulje")!;
const rules = (wb: ExcelJS.Workbook) => wb.getWorksheet("Regler")!;
const O = "Opfølgning";
/** The last row of the Regler block: header in row 4, one row per parameter. */
const RULES_END = 4 + rulesSheetRows().length;
const L = "Reservationspulje";

export const CORPUS: CorpusCase[] = [
  {
    name: "text in a numeric cell",
    change: (wb) => (opf(wb).getCell("D7").value = "ca. 500"),
    ok: false,
    expected: [["error", "NOT_A_NUMBER", O, "D7"]],
    messages: [/Korrigeret budget.*"ca\. 500"/],
  },
  {
    name: "a Danish number string (read, with a warning)",
    change: (wb) => (opf(wb).getCell("D5").value = "659.160"),
    ok: true,
    expected: [["warning", "TEXT_NUMBER", O, "D5"]],
    messages: [/læst som 659\.160/],
    summary: (s) => expect(s.followUp!.rows[0]!.afvigelse).toBe(10950),
  },
  {
    name: "an English number string (read as English, with a warning)",
    change: (wb) => (opf(wb).getCell("E5").value = "648,210.0"),
    ok: true,
    expected: [["warning", "TEXT_NUMBER", O, "E5"]],
    messages: [/engelsk talformat/],
    summary: (s) => expect(s.followUp!.rows[0]!.afvigelse).toBe(10950),
  },
  {
    name: "a unicode minus in a ledger amount",
    change: (wb) => (ledger(wb).getCell("F5").value = "−78.446"),
    ok: true,
    expected: [["warning", "TEXT_NUMBER", L, "F5"]],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093),
  },
  {
    name: "a percent string in an amount column",
    change: (wb) => (opf(wb).getCell("D6").value = "5 %"),
    ok: false,
    expected: [["error", "PERCENT_NUMBER", O, "D6"]],
  },
  {
    name: "percent strings in the refusion-rate columns (read, with a warning each)",
    change: (wb) => {
      opf(wb).getCell("F4").value = "Budgetteret refusionssats";
      opf(wb).getCell("G4").value = "Forventet refusionssats";
      opf(wb).getCell("F5").value = "21 %";
      opf(wb).getCell("G5").value = "21,0 %";
    },
    ok: true,
    expected: [
      ["warning", "TEXT_NUMBER", O, "F5"],
      ["warning", "TEXT_NUMBER", O, "G5"],
    ],
  },
  {
    name: "#N/A in a numeric cell",
    change: (wb) => (opf(wb).getCell("E6").value = { error: "#N/A" }),
    ok: false,
    expected: [["error", "EXCEL_ERROR", O, "E6"]],
    messages: [/Excel-fejlen #I\/T/],
  },
  {
    name: "#REF! in a ledger amount",
    change: (wb) => (ledger(wb).getCell("E7").value = { error: "#REF!" }),
    ok: false,
    expected: [["error", "EXCEL_ERROR", L, "E7"]],
  },
  {
    name: "#DIV/0! in a numeric cell",
    change: (wb) => (opf(wb).getCell("D9").value = { error: "#DIV/0!" }),
    ok: false,
    expected: [["error", "EXCEL_ERROR", O, "D9"]],
  },
  {
    name: "a formula as input: its value is used, the formula kept",
    change: (wb) => (opf(wb).getCell("D5").value = { formula: "659000+160", result: 659160 }),
    ok: true,
    expected: [],
    summary: (s) => expect(s.followUp!.rows[0]!.afvigelse).toBe(10950),
  },
  {
    name: "a boolean in a numeric cell",
    change: (wb) => (opf(wb).getCell("E8").value = true),
    ok: false,
    expected: [["error", "NOT_A_NUMBER", O, "E8"]],
  },
  {
    name: "a date in an amount column (Danish Excel turns 1.12 into 1 December)",
    change: (wb) => {
      // What Excel stores: the date's serial number, and the cell now formatted as a date.
      opf(wb).getCell("D11").value = new Date(Date.UTC(2025, 11, 1));
      opf(wb).getCell("D11").numFmt = "d-mmm";
    },
    ok: false,
    expected: [["error", "NOT_A_NUMBER", O, "D11"]],
    messages: [/datoen 1\.12\.2025/],
  },
  {
    name: "merged cells in a table (said, and the blank half is reported where it matters)",
    change: (wb) => opf(wb).mergeCells("D7:E7"),
    ok: false,
    expected: [
      ["warning", "MERGED_CELLS", O, "D7"],
      ["error", "MISSING_VALUE", O, "E7"],
    ],
  },
  {
    name: "merged cells in an optional column (a warning; the row still counts)",
    change: (wb) => opf(wb).mergeCells("C7:C8"),
    ok: true,
    expected: [["warning", "MERGED_CELLS", O, "C7"]],
    summary: (s) => expect(s.followUp!.rows).toHaveLength(25),
  },
  {
    name: "hidden rows (still counted, and said so)",
    change: (wb) => {
      opf(wb).getRow(8).hidden = true;
      opf(wb).getRow(9).hidden = true;
    },
    ok: true,
    expected: [["warning", "HIDDEN_ROWS", O, "A8"]],
    summary: (s) => expect(s.followUp!.rows).toHaveLength(25),
  },
  {
    name: "rows hidden by a filter in an Excel table (still counted, and said so)",
    asTables: true,
    change: (wb) => (ledger(wb).getRow(6).hidden = true),
    ok: true,
    expected: [["warning", "HIDDEN_ROWS", L, "A6"]],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093),
  },
  {
    name: "a duplicate header",
    change: (wb) => (opf(wb).getCell("F4").value = "Korrigeret budget"),
    ok: false,
    expected: [["error", "DUPLICATE_HEADER", O, "F4"]],
    messages: [/to gange \(også i D4\)/],
  },
  {
    name: "a missing required column",
    change: (wb) => {
      for (let row = 4; row <= 29; row++) opf(wb).getCell(`E${row}`).value = null;
    },
    ok: false,
    expected: [["error", "MISSING_COLUMN", O, "A4"]],
  },
  {
    name: "a misspelled required column (the nearest header suggested)",
    change: (wb) => (opf(wb).getCell("E4").value = "Forventet regnskb"),
    ok: false,
    expected: [["error", "MISSING_COLUMN", O, "E4"]],
    messages: [/mangler kolonnen "Forventet regnskab"\. Mente du "Forventet regnskb"\?/],
  },
  {
    name: "a table with no data rows (the others are still computed)",
    change: (wb) => {
      for (let row = 5; row <= 29; row++) opf(wb).spliceRows(5, 1);
    },
    ok: true,
    expected: [
      ["warning", "EMPTY_TABLE", O, "A4"],
      // One per pool: the ledger's typed Vurdering against an empty follow-up.
      ["warning", "LEDGER_MISMATCH", L, "A9"],
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => expect(s.followUp!.rows).toEqual([]),
  },
  {
    name: "a pool column entirely blank (0, with a warning)",
    change: (wb) => {
      for (let row = 5; row <= 14; row++) ledger(wb).getCell(`E${row}`).value = null;
    },
    ok: true,
    expected: [
      ["warning", "EMPTY_POOL", L, "E4"],
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-125507),
  },
  {
    name: "an unknown ledger Type",
    change: (wb) => (ledger(wb).getCell("B6").value = "Tilskud"),
    ok: false,
    expected: [["error", "UNKNOWN_TYPE", L, "B6"]],
    messages: [/Ukendt type "Tilskud"/],
  },
  {
    name: "an unknown ledger Status",
    change: (wb) => (ledger(wb).getCell("C13").value = "Gæt"),
    ok: false,
    expected: [["error", "UNKNOWN_STATUS", L, "C13"]],
  },
  {
    name: "two Resultat rows (the first counts)",
    change: (wb) => (ledger(wb).getRow(15).values = ["Resultat igen", "Resultat"]),
    ok: true,
    expected: [["warning", "DUPLICATE_RESULT", L, "B15"]],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093),
  },
  {
    name: "a sub-pool in Opfølgning with no column in Reservationspulje",
    change: (wb) => (opf(wb).getCell("B7").value = "Ny pulje"),
    ok: true,
    expected: [
      ["warning", "UNKNOWN_POOL", O, "A7"],
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    // Its money is not dropped: the pool the ledger lacks keeps a tillægsbevilling of its own sum (670).
    summary: (s) =>
      expect(s.appropriations!.map((a) => [a.pulje, a.beløbKr])).toContainEqual(["Ny pulje", 670_000]),
  },
  {
    name: "zero and negative budgets (flags by the documented rule, no error)",
    change: (wb) => {
      opf(wb).getCell("D5").value = 0;
      opf(wb).getCell("D6").value = -100;
      opf(wb).getCell("E6").value = 2000;
    },
    ok: true,
    expected: [
      // The ledger's typed "Vurdering ved 2. halvår" no longer matches the changed follow-up (R15.5).
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => {
      expect(s.followUp!.rows[0]!.økonomi).toBe("RØD");
      expect(s.followUp!.rows[1]!.økonomi).toBe("RØD");
    },
  },
  {
    name: "a number beyond 2^53",
    change: (wb) => (opf(wb).getCell("D10").value = 2 ** 53 + 2),
    ok: false,
    expected: [["error", "UNSAFE_NUMBER", O, "D10"]],
  },
  {
    name: "a very long label (32.000 characters)",
    change: (wb) => (opf(wb).getCell("A5").value = "Kontanthjælp ".repeat(2462)),
    ok: true,
    expected: [],
  },
  {
    name: "a label of 32.767 characters, the most a cell holds (written whole; rows at most 409 pt)",
    change: (wb) => (opf(wb).getCell("A5").value = "Kontanthjælp ".repeat(2521).slice(0, 32767)),
    ok: true,
    expected: [],
  },
  {
    name: "merged cells where an output column goes (refused, nothing written under them)",
    change: (wb) => opf(wb).mergeCells("F9:G9"),
    ok: false,
    expected: [["error", "MERGED_OUTPUT", O, "F9"]],
    messages: [/Cellerne F9:G9 er flettet/],
  },
  {
    name: "a sheet using all 1.048.576 rows, with a small table at the top",
    change: (wb) => (opf(wb).getCell("A1048576").value = "sidste række"),
    ok: true,
    expected: [],
  },
  {
    name: "a protected sheet (a clear error, nothing half-written)",
    change: (wb) => void opf(wb).protect("hemmelig", {}),
    ok: false,
    expected: [["error", "PROTECTED_SHEET", O]],
    messages: [/beskyttet/],
  },
  {
    name: "an output column whose cells hold user text (refused, nothing overwritten)",
    change: (wb) => {
      opf(wb).getCell("F4").value = "Økonomi";
      opf(wb).getCell("F9").value = "se bilag";
    },
    ok: false,
    expected: [["error", "NOT_OWNED", O, "F9"]],
    messages: [/teksten "se bilag"/],
  },
  {
    name: "a user's cell where an Excel table must grow (refused)",
    asTables: true,
    change: (wb) => (opf(wb).getCell("G10").value = "min note"),
    ok: false,
    expected: [["error", "NOT_OWNED", O, "G10"]],
    messages: [/Kolonnen "Økonomi" kan ikke tilføjes/],
  },
  {
    name: "a sheet named Resultat that is the user's",
    change: (wb) => (wb.addWorksheet("Resultat").getCell("A1").value = "Mine egne tal"),
    ok: false,
    expected: [["error", "SHEET_NOT_OWNED", "Resultat", "A1"]],
  },
  {
    name: "a header in another unit than Enhed",
    change: (wb) => (opf(wb).getCell("D4").value = "Korrigeret budget (kr.)"),
    ok: false,
    expected: [["error", "UNIT_MISMATCH", O, "D4"]],
  },
  {
    name: "an unknown parameter in Regler (ignored, with a warning)",
    change: (wb) => (rules(wb).getRow(RULES_END + 1).values = ["Fortolkning", 5]),
    ok: true,
    expected: [["warning", "UNKNOWN_PARAMETER", "Regler", `A${RULES_END + 1}`]],
  },
  {
    name: "a parameter out of bounds",
    change: (wb) => (rules(wb).getCell("B6").value = 7),
    ok: false,
    expected: [["error", "PARAMETER_OUT_OF_BOUNDS", "Regler", "B6"]],
  },
  {
    name: "two chosen prognoses for one regulation",
    change: (wb) => (wb.getWorksheet("Reguleringer")!.getCell("F5").value = "Ja"),
    ok: false,
    expected: [["error", "DUPLICATE_CHOICE", "Reguleringer", "F5"]],
  },
  {
    name: "a blank required text (Pulje) in a data row",
    change: (wb) => (opf(wb).getCell("B12").value = null),
    ok: false,
    expected: [["error", "MISSING_VALUE", O, "B12"]],
  },
  {
    name: "images, notes, defined names, data validation, charts and pivot tables are all kept (nothing to warn of)",
    asTables: true,
    change: (wb) => {
      const ws = opf(wb);
      ws.getCell("A5").note = "Tal fra økonomisystemet";
      wb.definedNames.add("'Opfølgning'!$D$5:$D$29", "Korrigeret");
      ws.getCell("B5").dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: ['"Budgetgaranti,Beskæftigelsestilskud"'],
      };
      const image = wb.addImage({ base64: PIXEL_PNG, extension: "png" });
      ws.addImage(image, "H2:I3");
    },
    inject: true,
    ok: true,
    expected: [],
  },
  // ---- R13: the Indikatorer table (header row 4, rows 5–9: Økonomi … Reservationspulje) ----
  {
    name: "an indicator name that is not one of the five (a typo) stops the run at its cell",
    change: (wb) => (wb.getWorksheet("Indikatorer")!.getCell("A6").value = "Antal ledig"),
    ok: false,
    expected: [["error", "UNKNOWN_INDICATOR", "Indikatorer", "A6"]],
    messages: [/Indikatoren "Antal ledig" kendes ikke; skriv en af Økonomi, Antal ledige/],
  },
  {
    name: "a chosen colour that is not GRØN, GUL or RØD stops the run; lower case is fine",
    change: (wb) => {
      wb.getWorksheet("Indikatorer")!.getCell("B5").value = "Grønt";
      wb.getWorksheet("Indikatorer")!.getCell("B6").value = "grøn";
    },
    ok: false,
    expected: [["error", "NOT_A_FLAG", "Indikatorer", "B5"]],
    messages: [/Valgt farve for Økonomi skal være GRØN, GUL eller RØD, men er "Grønt"/],
  },
  {
    name: "an indicator written twice (the second would be silently unused) stops the run at the second",
    change: (wb) => (wb.getWorksheet("Indikatorer")!.getCell("A7").value = "Økonomi"),
    ok: false,
    expected: [["error", "DUPLICATE_INDICATOR", "Indikatorer", "A7"]],
    messages: [/Indikatoren Økonomi står to gange \(første gang i række 5\); skriv den kun én gang\./],
  },
  // ---- Nothing silent: inputs in the minutes' own words (issue "Nothing silent") ----
  {
    name: "year-end feed: the Regnskab table says 'Særlig drift' (the minutes' word) — fed, not a silent 0",
    change: (wb) => withYearEnd(wb, "Særlig drift"),
    ok: true,
    expected: [],
    summary: (s) => {
      expect(s.pool!.result["I alt"]).toBe(-86093 - 451 + 68000);
      expect(s.pool!.lines.find((l) => l.post === "Regnskab 2018")!.fedFrom).toContain(
        "regnskabet (arket Regnskab)",
      );
    },
  },
  {
    name: "year-end feed: 'Særlige driftsområder uden overførsel' is a default synonym",
    change: (wb) => withYearEnd(wb, "Særlige driftsområder uden overførsel"),
    ok: true,
    expected: [],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093 - 451 + 68000),
  },
  {
    name: "year-end feed: a steering area named only in the synonym parameter",
    change: (wb) => {
      withYearEnd(wb, "SD uden overførsel");
      rules(wb).getRow(RULES_END + 1).values = ["Styringsområde: synonymer", "SD uden overførsel"];
    },
    ok: true,
    expected: [],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093 - 451 + 68000),
  },
  {
    name: "year-end feed: no line of the steering area is an error at the ledger line naming what was found",
    change: (wb) => withYearEnd(wb, "Service"),
    ok: false,
    expected: [["error", "NO_SOURCE", L, "A6"]],
    messages: [/Fundet: "Service"/, /Styringsområde: synonymer/],
  },
  {
    name: "Kilde Reguleringer without a chosen prognosis is an error naming the prognoses found",
    change: (wb) => {
      ledger(wb).getCell("D13").value = "Reguleringer";
      wb.getWorksheet("Reguleringer")!.getCell("F4").value = "Nej";
    },
    ok: false,
    expected: [["error", "NO_SOURCE", L, "A13"]],
    messages: [/Fundet: "KL's prognose", "Ingen efterregulering"/],
  },
  {
    name: "Kilde egen beregning without the § 23 a inputs is an error at the line",
    change: (wb) => (ledger(wb).getCell("D12").value = "egen beregning"),
    ok: false,
    expected: [["error", "NO_SOURCE", L, "A12"]],
    messages: [/tilskudsberegningen på arket Reguleringer/],
  },
  {
    name: "Kilde Investeringer without Tidligere nettogevinst is an error at the line",
    change: (wb) => (ledger(wb).getCell("D6").value = "Investeringer"),
    ok: false,
    expected: [["error", "NO_SOURCE", L, "A6"]],
  },
  {
    name: "an income line: a mindreindtægt of 300 on a budget of −100.000 is GUL, not RØD",
    change: (wb) => {
      opf(wb).getCell("D5").value = -100000;
      opf(wb).getCell("E5").value = -99700;
    },
    ok: true,
    expected: [
      // The ledger's typed "Vurdering ved 2. halvår" no longer matches the changed follow-up (R15.5).
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => expect(s.followUp!.rows[0]!.økonomi).toBe("GUL"),
  },
  {
    name: "quantities in the minutes' word: Budgetterede/Forventede fuldtidspersoner",
    change: (wb) => withPersons(wb, "Budgetterede fuldtidspersoner", "Forventede fuldtidspersoner"),
    ok: true,
    expected: [],
    summary: (s) => {
      expect(s.followUp!.rows[0]!.mængder).toBe("RØD");
      expect(s.diagnostics.filter((d) => d.code === "FLAG_NOT_COMPUTED").map((d) => d.message)).toEqual([
        expect.stringContaining("Lyskrydset Refusion"),
      ]);
    },
  },
  {
    name: "quantities as antal ledige",
    change: (wb) => withPersons(wb, "Budgetteret antal ledige", "Forventet antal ledige"),
    ok: true,
    expected: [],
    summary: (s) => expect(s.followUp!.rows[0]!.mængder).toBe("RØD"),
  },
  {
    name: "a flag whose columns are absent is said once for the table, naming the columns",
    change: () => undefined,
    ok: true,
    expected: [],
    messages: [
      /Lyskrydset Mængder beregnes ikke.*"Budgetterede fuldtidspersoner".*"Budgetteret antal ledige"/,
    ],
    summary: (s) =>
      expect(s.diagnostics.filter((d) => d.code === "FLAG_NOT_COMPUTED").map((d) => [d.level])).toEqual([
        ["info"],
        ["info"],
      ]),
  },
  {
    name: "the same column under two names (helårspersoner and fuldtidspersoner) is refused",
    change: (wb) => withPersons(wb, "Budgetterede helårspersoner", "Budgetterede fuldtidspersoner"),
    ok: false,
    expected: [["error", "DUPLICATE_HEADER", O, "G4"]],
  },
  {
    name: "nil as printed: an en dash alone in an amount cell is 0, silently",
    change: (wb) => (opf(wb).getCell("E5").value = "–"),
    ok: true,
    expected: [
      // The ledger's typed "Vurdering ved 2. halvår" no longer matches the changed follow-up (R15.5).
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => expect(s.followUp!.rows[0]!.afvigelse).toBe(659160),
  },
  {
    name: "nil as printed: a hyphen alone in a ledger pool cell is 0, silently",
    change: (wb) => (ledger(wb).getCell("E6").value = "-"),
    ok: true,
    expected: [],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093 + 520),
  },
  {
    name: "a Reguleringer sheet holding only a Foelsomhed block is valid",
    change: (wb) => {
      const ws = wb.getWorksheet("Reguleringer")!;
      for (let r = 1; r <= 8; r++) for (let c = 1; c <= 12; c++) ws.getCell(r, c).value = null;
      ledger(wb).getCell("D13").value = null;
    },
    ok: true,
    expected: [],
  },
  {
    name: "a Kilde that nearly names a feed (a typo) is said: the line keeps its own amounts",
    change: (wb) => (ledger(wb).getCell("D13").value = "Regulerigner"),
    ok: true,
    expected: [["warning", "UNKNOWN_SOURCE", L, "A13"]],
    messages: [/ligner "Reguleringer"/],
    summary: (s) => expect(s.pool!.result["I alt"]).toBe(-86093),
  },
  {
    name: "Kilde Regnskab on a line of another type is said: nothing is fetched",
    change: (wb) => (ledger(wb).getCell("D7").value = "Regnskab"),
    ok: true,
    expected: [["warning", "UNKNOWN_SOURCE", L, "A7"]],
    messages: [/kun beløb til en linje af typen Regnskab/],
  },
  {
    name: "Mængder: grøn vinder = Nej is read; a value that is not Ja/Nej is an error at its cell",
    change: (wb) => (rules(wb).getRow(RULES_END + 1).values = ["Mængder: grøn vinder", "Måske"]),
    ok: false,
    expected: [["error", "NOT_A_YES_NO", "Regler", `B${RULES_END + 1}`]],
  },
  // Second edition (R11, R12): years and follow-ups in the minutes' own words.
  {
    name: "year-labelled headers of the Budgetår are the plain columns (Vedtaget/Korrigeret budget 2018, Forventet regnskab 2018)",
    change: (wb) => {
      opf(wb).getCell("C4").value = "Vedtaget budget 2018";
      opf(wb).getCell("D4").value = "Korrigeret budget 2018";
      opf(wb).getCell("E4").value = "Forventet regnskab 2018";
    },
    ok: true,
    expected: [],
    summary: (s) => expect(s.followUp!.total).toBe(-6880),
  },
  {
    name: "two columns for the same art and year (Korrigeret budget and Korrigeret budget 2018) are an error at the second",
    change: (wb) => (opf(wb).getCell("C4").value = "Korrigeret budget 2018"),
    ok: false,
    expected: [["error", "DUPLICATE_HEADER", O, "D4"]],
    messages: [/Korrigeret budget/],
  },
  {
    name: "a line blank in every amount is not a line of this year: skipped with an info, not an error (R0.5)",
    change: (wb) => {
      for (const c of ["C", "D", "E"]) opf(wb).getCell(`${c}6`).value = null;
    },
    ok: true,
    expected: [
      // The ledger's typed "Vurdering ved 2. halvår" no longer matches the changed follow-up (R15.5).
      ["warning", "LEDGER_MISMATCH", L, "A9"],
    ],
    summary: (s) => expect(s.followUp!.rows.map((r) => r.område)).not.toContain("Kontantydelse"),
  },
  {
    name: "the linked Vurdering (Kilde Opfølgning) takes the follow-up's subtotals: 8.131 from the rounded rows, not the minutes' 8.132",
    change: (wb) => {
      ledger(wb).getCell("D9").value = "Opfølgning";
      ledger(wb).getCell("E9").value = null;
      ledger(wb).getCell("F9").value = null;
    },
    ok: true,
    expected: [],
    summary: (s) => {
      expect(s.pool!.lines.find((l) => l.post === "Vurdering ved 2. halvår")!.values).toEqual({
        Budgetgaranti: 8131,
        Beskæftigelsestilskud: -15011,
        "I alt": -6880,
      });
      expect(s.pool!.result["I alt"]).toBe(-86093 - 1);
    },
  },
];

/** The sample with a Regnskab table (one line of the steering area given, kassen 68.000) and ledger row 6 fed from it. */
function withYearEnd(wb: ExcelJS.Workbook, area: string): void {
  const ws = wb.addWorksheet("Regnskab");
  ws.addRows([
    ["Område", "Styringsområde", "Overførselsadgang", "Korrigeret budget", "Regnskab", "Pulje"],
    ["Kontanthjælp", area, "Nej", 100000, 32000, "Budgetgaranti"],
    ["Jobcenter drift", "Service", "Ja", 5000, 4000, null],
  ]);
  ledger(wb).getRow(6).values = ["Regnskab 2018", "Regnskab", "Endelig", "Regnskab", null, null];
}

/** Two quantity columns (F, G) on the follow-up: row 5 rises from 1.000 to 1.200 (RØD), the others stay. */
function withPersons(wb: ExcelJS.Workbook, budgetted: string, expected: string): void {
  const ws = opf(wb);
  ws.getCell("F4").value = budgetted;
  ws.getCell("G4").value = expected;
  for (let r = 5; r <= 29; r++) {
    ws.getCell(`F${r}`).value = 1000;
    ws.getCell(`G${r}`).value = r === 5 ? 1200 : 1000;
  }
}

/** A 1×1 PNG. */
const PIXEL_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
