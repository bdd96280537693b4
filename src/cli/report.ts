import {
  AREA_RESULT,
  BUDGETVAERN_USED,
  describeLocation,
  Diagnostic,
  formatDanishNumber,
  TOTAL_COLUMN,
} from "../domain";
import { formatAmount, summaryLines, waterfallBars } from "../app/report";
import { Summary } from "../app/summary";

export interface ReportOptions {
  color: boolean;
}

const ANSI = {
  GRØN: "\x1b[42;30m",
  GUL: "\x1b[43;30m",
  RØD: "\x1b[41;97m",
  reset: "\x1b[0m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
};

/** The text as it shows in the terminal (without colour codes). */
// eslint-disable-next-line no-control-regex -- the terminal's colour codes start with ESC
const visible = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** Pads to a width by what shows, so coloured flags line up. */
function pad(text: string, width: number, right = false): string {
  const room = " ".repeat(Math.max(0, width - visible(text).length));
  return right ? room + text : text + room;
}

/** A column of a report table: its header, and whether its figures are right-aligned. */
interface Column {
  header: string;
  right?: boolean;
}

/**
 * A table of the report, its headers above: every column as wide as its widest cell, so nothing is ever
 * cut (a cut figure could be misread, a cut name mistaken for another).
 */
function table(columns: readonly Column[], rows: readonly (readonly string[])[], indent = ""): string[] {
  const widths = columns.map((c, i) =>
    Math.max(visible(c.header).length, ...rows.map((r) => visible(r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    (indent + columns.map((c, i) => pad(cells[i] ?? "", widths[i]!, c.right)).join("  ")).trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

function flag(word: string, options: ReportOptions): string {
  const colour = ANSI[word as keyof typeof ANSI];
  return options.color && colour && word !== "–" ? `${colour}${word}${ANSI.reset}` : word;
}

const n = formatAmount;

/** One line per diagnostic: "FEJL  Opfølgning!D7  Feltet …". */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where = describeLocation(d);
    const level = d.level === "error" ? "FEJL     " : d.level === "warning" ? "ADVARSEL " : "OPLYSNING";
    return `${level}  ${where ? `${where}  ` : ""}${d.message}`;
  });
}

/** A readable terminal report of a summary: flags, the pool waterfall, the outcome, the appropriations. */
export function formatReport(summary: Summary, options: ReportOptions): string {
  const out: string[] = [];
  const heading = (text: string) => out.push("", options.color ? `${ANSI.bold}${text}${ANSI.reset}` : text);
  // R0.7: the pools by their names.
  const name = (pool: string) => summary.puljenavne?.[pool] ?? pool;
  const amount = (header: string): Column => ({ header, right: true });
  out.push(`Enhed: ${summary.unit}`);
  if (summary.followUp) {
    heading("Opfølgning: mer-/mindreforbrug pr. ydelsesområde (+ = mindreforbrug)");
    out.push(
      ...table(
        [
          { header: "Område" },
          { header: "Pulje" },
          amount("Mer-/mindreforbrug"),
          { header: "Økonomi" },
          { header: "Mængder" },
          { header: "Refusion" },
        ],
        summary.followUp.rows.map((r) => [
          r.område,
          name(r.pulje),
          n(r.afvigelse),
          flag(r.økonomi, options),
          flag(r.mængder, options),
          flag(r.refusion, options),
        ]),
      ),
      "",
      ...table(
        [{ header: "Pulje" }, amount("Mer-/mindreforbrug")],
        [
          ...Object.entries(summary.followUp.groups).map(([pool, g]) => [name(pool), n(g.afvigelse)]),
          ["I alt i puljerne (uden for puljen ikke medregnet)", n(summary.followUp.total)],
        ],
      ),
    );
  }
  if (summary.followUp?.changes)
    for (const c of summary.followUp.changes) {
      heading(`Ændring siden ${c.siden} (${c.år}; tidligere − nu, + = lavere forventede udgifter)`);
      out.push(
        ...table(
          [{ header: "Pulje" }, amount("Ændring")],
          [
            ...Object.entries(c.groups).map(([pool, value]) => [name(pool), n(value)]),
            ["I alt i puljerne", n(c.total)],
          ],
        ),
      );
    }
  if (summary.years) {
    heading("Årene side om side: Samlet og reservationspuljen pr. kolonne");
    out.push(
      ...table(
        [{ header: "Kolonne" }, amount("Samlet"), amount("Reservationspulje"), { header: "Grundlag" }],
        summary.years.map((y) => [
          y.kolonne,
          n(y.samlet),
          y.reservationspulje === null ? "–" : n(y.reservationspulje),
          y.grundlag,
        ]),
      ),
    );
  }
  const otherYears = Object.entries(summary.pool?.byYear ?? {});
  if (otherYears.length > 1) {
    heading("Puljeregnskaber pr. år (årene lægges ikke sammen)");
    out.push(
      ...table(
        [{ header: "År" }, amount("Resultat")],
        otherYears.map(([år, y]) => [år, n(y.result[TOTAL_COLUMN])]),
      ),
    );
  }
  if (summary.pool) {
    const pool = summary.pool;
    heading("Reservationspuljen: vandfald (I alt)");
    // The one waterfall rule (app/report): balances are running sums; nothing is drawn below Resultat.
    const bars = new Map(
      waterfallBars(summaryLines(pool.lines, TOTAL_COLUMN), true).map((b) => [b.line, b] as const),
    );
    const spans = [...bars.values()].map((b) => ({ from: b.from, to: b.to }));
    const lo = Math.min(0, ...spans.flatMap((s) => [s.from, s.to]));
    const hi = Math.max(0, ...spans.flatMap((s) => [s.from, s.to]));
    const width = 36;
    const x = (v: number) => Math.round(((v - lo) / (hi - lo || 1)) * width);
    out.push(
      ...table(
        [
          { header: "Post" },
          { header: "Type" },
          ...pool.pools.map((p) => amount(name(p))),
          amount(TOTAL_COLUMN),
          { header: "" },
        ],
        pool.lines.map((l, i) => {
          const s = bars.get(i);
          const a = s ? x(Math.min(s.from, s.to)) : 0;
          const b = s ? Math.max(a + 1, x(Math.max(s.from, s.to))) : 0;
          const zero = x(0);
          const bar = Array.from({ length: width + 1 }, (_, k) =>
            k >= a && k < b ? (s?.kind === "balance" ? "▒" : "█") : k === zero ? "│" : " ",
          ).join("");
          const prognose = l.status === "Prognose" ? " (prognose)" : "";
          return [
            l.post + prognose,
            l.type,
            ...pool.pools.map((p) => n(l.values[p])),
            n(l.values[TOTAL_COLUMN]),
            bar,
          ];
        }),
      ),
    );
    heading("Resultat");
    out.push(
      ...table(
        [{ header: "" }, amount(summary.unit)],
        [
          ["Forventet resultat", n(pool.result[TOTAL_COLUMN])],
          ["Resultat uden prognoser", n(pool.resultExcludingPrognoses[TOTAL_COLUMN])],
          ["Budgetværn", n(pool.budgetvaern)],
          [BUDGETVAERN_USED, n(pool.budgetvaernBrugt)],
          ["Kassefinansiering", n(pool.kassefinansiering)],
          ["Kassefinansiering uden prognoser", n(pool.kassefinansieringExcludingPrognoses)],
          ["Puljens lyskryds", flag(pool.flag, options)],
          [AREA_RESULT, n(pool.areaResult)],
        ],
      ).slice(1),
    );
  }
  if (summary.indicators) {
    heading("Hovedindikatorer (forslag efter reglerne, valgt af forvaltningen)");
    // An accounts case leaves out the indicators it has no inputs for, as the Sag sheet does (R15.6).
    const shown = summary.indicators.filter(
      (i) => summary.sagstype?.type !== "Regnskab" || i.valgt !== undefined || i.forslag !== "–",
    );
    out.push(
      ...table(
        [{ header: "Indikator" }, { header: "Forslag" }, { header: "Valgt" }, { header: "Farve" }],
        shown.map((i) => [
          i.indikator,
          flag(i.forslag, options),
          flag(i.valgt ?? "", options),
          flag(i.farve, options),
        ]),
      ),
    );
    // Why a proposal could not be made is said, not left as a bare "–"; then the administration's remark.
    for (const i of shown) {
      if (i.forslag === "–") out.push(`  ${i.indikator}: ${i.grundlag}`);
      if (i.bemærkning) out.push(`  ${i.indikator}: ${i.bemærkning}`);
    }
  }
  const regulations = summary.regulations;
  if (regulations && regulations.scenarios.length > 0) {
    heading("Scenarier: puljens resultat pr. prognose (I alt)");
    out.push(
      ...table(
        [
          { header: "Scenarie" },
          { header: "Regulering" },
          amount("Beløb"),
          amount("Resultat"),
          amount(BUDGETVAERN_USED),
          amount("Kassefinansiering"),
          { header: "Lyskryds" },
        ],
        regulations.scenarios.map((r) => [
          r.scenarie + (r.valgt ? " (valgt)" : ""),
          r.regulering,
          n(Object.values(r.amounts).reduce((a, b) => a + b, 0)),
          n(r.result[TOTAL_COLUMN]),
          n(r.budgetvaernBrugt),
          n(r.kassefinansiering),
          flag(r.flag, options),
        ]),
      ),
    );
  }
  for (const sensitivity of regulations?.sensitivity ?? []) {
    heading(`Følsomhed: ${sensitivity.regulering} på ${name(sensitivity.pulje)}`);
    out.push(
      ...table(
        [
          amount("Beløb"),
          amount("Resultat"),
          amount("Kassefinansiering"),
          { header: "Lyskryds" },
          { header: "Bemærkning" },
        ],
        sensitivity.rows.map((r) => [
          n(r.beløb),
          n(r.resultat),
          n(r.kassefinansiering),
          flag(r.flag, options),
          r.budgetvaernOpbrugt ? "Budgetværnet er netop opbrugt" : "",
        ]),
      ),
    );
  }
  const estimate = regulations?.estimate;
  if (estimate) {
    heading("Egen beregning (§ 23 a)");
    out.push(
      ...table(
        [{ header: "Forudsætning eller resultat" }, { header: "Værdi" }],
        estimate.map((line) => [
          line.label,
          line.value === null
            ? `mangler: ${line.missing.join("; ")}`
            : line.key === "garantiAndel"
              ? `${formatDanishNumber(line.value * 100, 3)} %`
              : n(line.value),
        ]),
      ),
    );
  }
  if (summary.budgetModel) {
    heading("Budgetmodel: oprindelig reservationspulje (KL's skøn − forvaltningens skøn)");
    out.push(
      ...table(
        [{ header: "År" }, { header: "Pulje" }, amount("Reservationspulje")],
        summary.budgetModel.map((r) => [String(r.år), name(r.pulje), n(r.reservationspulje)]),
      ),
    );
  }
  if (summary.yearEnd) {
    heading("Regnskab");
    const y = summary.yearEnd;
    out.push(
      ...table(
        [{ header: "Styringsområde" }, amount("Afvigelse"), amount("Kassen"), amount("Overførsel")],
        [...Object.entries(y.perStyringsområde), [TOTAL_COLUMN, y] as const].map(([area, t]) => [
          area,
          n(t.afvigelse),
          n(t.kassen),
          n(t.overførsel),
        ]),
      ),
    );
    if (y.ledgerLine)
      out.push(
        `Linje til reservationspuljen (Regnskab): ${Object.entries(y.ledgerLine)
          .map(([pool, v]) => `${name(pool)} ${n(v)}`)
          .join(", ")}`,
      );
  }
  if (summary.investments) {
    const i = summary.investments;
    heading("Investeringsprojekter (kr.)");
    out.push(
      ...table(
        [
          { header: "Projekt" },
          amount("Nettogevinst"),
          amount("Afkastgrad"),
          amount("Realiseret nettogevinst"),
          { header: "Lyskryds" },
        ],
        [
          ...i.rows.map((r) => [
            r.projekt,
            n(r.nettogevinst),
            r.afkastgrad === null ? "" : formatDanishNumber(r.afkastgrad, 2),
            n(r.realiseretNettogevinst),
            flag(r.flag, options),
          ]),
          [TOTAL_COLUMN, n(i.nettogevinst), "", n(i.realiseretNettogevinst), ""],
        ],
      ),
    );
  }
  if (summary.overførsel) {
    const t = summary.overførsel;
    heading(`Overførsel af mer- og mindreforbrug fra ${t.regnskabsår} (kr.)`);
    out.push(
      ...table(
        [
          { header: "Linje" },
          amount(`Afvigelse ${t.regnskabsår}`),
          amount("Kassen"),
          ...t.år.map((y) => amount(`Overførsel ${y}`)),
        ],
        [...t.rows, { beskrivelse: TOTAL_COLUMN, ...t.total }].map((r) => [
          r.beskrivelse,
          n(r.afvigelse),
          n(r.kassen),
          ...r.overførsel.map((x) => n(x)),
        ]),
      ),
    );
  }
  if (summary.indstilling) {
    heading(`Indstilling${summary.sagstype ? ` (${summary.sagstype.type})` : ""}`);
    out.push(summary.indstilling.indledning);
    for (const p of summary.indstilling.punkter) out.push(`${p.nr}. ${p.tekst}`);
    if (summary.indstilling.noter.length > 0)
      out.push("", ...summary.indstilling.noter.map((line) => `NB: ${line}`));
  }
  if (summary.diagnostics.length > 0) {
    heading("Bemærkninger");
    out.push(...formatDiagnostics(summary.diagnostics));
  }
  return out.join("\n");
}
