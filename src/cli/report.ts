import { describeLocation, Diagnostic, formatDanishNumber, TOTAL_COLUMN } from "../domain";
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

/**
 * A column of the report: a label longer than its column is cut with "…"; a right-aligned figure never
 * is (a cut amount could be misread) — it takes the room it needs.
 */
function pad(text: string, width: number, right = false): string {
  if (right) return text.padStart(width);
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

function flag(word: string, options: ReportOptions): string {
  const padded = pad(word, 5);
  const colour = ANSI[word as keyof typeof ANSI];
  return options.color && colour && word !== "–" ? `${colour}${padded}${ANSI.reset}` : padded;
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
  out.push(`Enhed: ${summary.unit}`);
  if (summary.followUp) {
    heading("Opfølgning: mer-/mindreforbrug pr. ydelsesområde (+ = mindreforbrug)");
    out.push(
      `${pad("Område", 48)} ${pad("Pulje", 22)} ${pad("Afvigelse", 10, true)}  Økonomi Mængder Refusion`,
    );
    for (const r of summary.followUp.rows) {
      out.push(
        `${pad(r.område, 48)} ${pad(r.pulje, 22)} ${pad(n(r.afvigelse), 10, true)}  ${flag(r.økonomi, options)}   ${flag(r.mængder, options)}   ${flag(r.refusion, options)}`,
      );
    }
    out.push("");
    for (const [pool, g] of Object.entries(summary.followUp.groups))
      out.push(`${pad(`  I alt ${pool}`, 71)} ${pad(n(g.afvigelse), 10, true)}`);
    out.push(
      `${pad("  I alt i puljerne (uden for puljen ikke medregnet)", 71)} ${pad(n(summary.followUp.total), 10, true)}`,
    );
  }
  if (summary.followUp?.changes)
    for (const c of summary.followUp.changes) {
      heading(`Ændring siden ${c.siden} (${c.år}; tidligere − nu, + = lavere forventede udgifter)`);
      for (const [pool, value] of Object.entries(c.groups))
        out.push(`${pad(`  ${pool}`, 71)} ${pad(n(value), 10, true)}`);
      out.push(`${pad("  I alt i puljerne", 71)} ${pad(n(c.total), 10, true)}`);
    }
  if (summary.years) {
    heading("Årene side om side: Samlet og reservationspuljen pr. kolonne");
    const width = Math.max(...summary.years.map((y) => y.kolonne.length), 10);
    out.push(`${pad("Kolonne", width)} ${pad("Samlet", 12, true)} ${pad("Reservationspulje", 18, true)}`);
    for (const y of summary.years)
      out.push(
        `${pad(y.kolonne, width)} ${pad(n(y.samlet), 12, true)} ${pad(y.reservationspulje === null ? "–" : n(y.reservationspulje), 18, true)}  ${y.grundlag}`,
      );
  }
  const otherYears = Object.entries(summary.pool?.byYear ?? {});
  if (otherYears.length > 1) {
    heading("Puljeregnskaber pr. år (årene lægges ikke sammen)");
    for (const [år, y] of otherYears) out.push(`${år}  Resultat ${pad(n(y.result[TOTAL_COLUMN]), 12, true)}`);
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
    const poolHeaders = pool.pools.map((p) => pad(p, 14, true)).join(" ");
    out.push(`${pad("Post", 46)} ${pad("Type", 12)} ${poolHeaders} ${pad("I alt", 10, true)}`);
    pool.lines.forEach((l, i) => {
      const s = bars.get(i);
      const a = s ? x(Math.min(s.from, s.to)) : 0;
      const b = s ? Math.max(a + 1, x(Math.max(s.from, s.to))) : 0;
      const zero = x(0);
      const bar = Array.from({ length: width + 1 }, (_, k) =>
        k >= a && k < b ? (s?.kind === "balance" ? "▒" : "█") : k === zero ? "│" : " ",
      ).join("");
      const prognose = l.status === "Prognose" ? " (prognose)" : "";
      const values = pool.pools.map((p) => pad(n(l.values[p]), 14, true)).join(" ");
      out.push(
        `${pad(l.post + prognose, 46)} ${pad(l.type, 12)} ${values} ${pad(n(l.values["I alt"]), 10, true)}  ${bar}`,
      );
    });
    heading("Resultat");
    out.push(`Forventet resultat:              ${pad(n(pool.result["I alt"]), 10, true)}`);
    out.push(`Resultat uden prognoser:         ${pad(n(pool.resultExcludingPrognoses["I alt"]), 10, true)}`);
    out.push(
      `Budgetværn:                      ${pad(n(pool.budgetvaern), 10, true)}  (heraf brugt ${n(pool.budgetvaernBrugt)})`,
    );
    out.push(
      `Kassefinansiering:               ${pad(n(pool.kassefinansiering), 10, true)}  (uden prognoser ${n(pool.kassefinansieringExcludingPrognoses)})`,
    );
    out.push(`Puljens lyskryds:                ${flag(pool.flag, options)}`);
  }
  if (summary.indicators) {
    heading("Hovedindikatorer (forslag efter reglerne, valgt af forvaltningen)");
    out.push(`${pad("Indikator", 22)} Forslag Valgt   Farve`);
    // An accounts case leaves out the indicators it has no inputs for, as the Sag sheet does (R15.6).
    const shown = summary.indicators.filter(
      (i) => summary.sagstype?.type !== "Regnskab" || i.valgt !== undefined || i.forslag !== "–",
    );
    for (const i of shown) {
      out.push(
        `${pad(i.indikator, 22)} ${flag(i.forslag, options)}   ${flag(i.valgt ?? "", options)}   ${flag(i.farve, options)}`,
      );
      // Why a proposal could not be made is said, not left as a bare "–".
      if (i.forslag === "–") out.push(`${" ".repeat(23)}Forslag: ${i.grundlag}`);
      if (i.bemærkning) out.push(`${" ".repeat(23)}${i.bemærkning}`);
    }
  }
  if (summary.pool) out.push("", `Områdets eget resultat (uden reguleringer): ${n(summary.pool.areaResult)}`);
  const regulations = summary.regulations;
  if (regulations && regulations.scenarios.length > 0) {
    heading("Scenarier: puljens resultat pr. prognose (I alt)");
    out.push(
      `${pad("Scenarie", 46)} ${pad("Regulering", 19)} ${pad("Beløb", 10, true)} ${pad("Resultat", 10, true)} ${pad("Værn brugt", 10, true)} ${pad("Kassefin.", 10, true)}  Lyskryds`,
    );
    for (const r of regulations.scenarios) {
      const amount = Object.values(r.amounts).reduce((a, b) => a + b, 0);
      out.push(
        `${pad(r.scenarie + (r.valgt ? " (valgt)" : ""), 46)} ${pad(r.regulering, 19)} ${pad(n(amount), 10, true)} ${pad(n(r.result["I alt"]), 10, true)} ${pad(n(r.budgetvaernBrugt), 10, true)} ${pad(n(r.kassefinansiering), 10, true)}  ${flag(r.flag, options)}`,
      );
    }
  }
  for (const table of regulations?.sensitivity ?? []) {
    heading(`Følsomhed: ${table.regulering} på ${table.pulje}`);
    out.push(
      `${pad("Beløb", 10, true)} ${pad("Resultat", 10, true)} ${pad("Kassefin.", 10, true)}  Lyskryds`,
    );
    for (const r of table.rows) {
      const note = r.budgetvaernOpbrugt ? "  ← budgetværnet er netop opbrugt" : "";
      out.push(
        `${pad(n(r.beløb), 10, true)} ${pad(n(r.resultat), 10, true)} ${pad(n(r.kassefinansiering), 10, true)}  ${flag(r.flag, options)}${note}`,
      );
    }
  }
  const estimate = regulations?.estimate;
  if (estimate) {
    heading("Egen beregning (§ 23 a)");
    for (const line of estimate) {
      const value =
        line.value === null
          ? `mangler: ${line.missing.join("; ")}`
          : line.key === "garantiAndel"
            ? `${formatDanishNumber(line.value * 100, 3)} %`
            : n(line.value);
      out.push(`${pad(line.label, 52)} ${value}`);
    }
  }
  if (summary.budgetModel) {
    heading("Budgetmodel: oprindelig reservationspulje (KL's skøn − forvaltningens skøn)");
    for (const r of summary.budgetModel)
      out.push(`${r.år}  ${pad(r.pulje, 30)} ${pad(n(r.reservationspulje), 12, true)}`);
  }
  if (summary.yearEnd) {
    heading("Regnskab");
    const y = summary.yearEnd;
    out.push(
      `${pad("Styringsområde", 40)} ${pad("Afvigelse", 12, true)} ${pad("Kassen", 12, true)} ${pad("Overførsel", 12, true)}`,
    );
    const rows: [string, { afvigelse: number; kassen: number; overførsel: number }][] = [
      ...Object.entries(y.perStyringsområde),
      ["I alt", y],
    ];
    for (const [area, t] of rows)
      out.push(
        `${pad(area, 40)} ${pad(n(t.afvigelse), 12, true)} ${pad(n(t.kassen), 12, true)} ${pad(n(t.overførsel), 12, true)}`,
      );
    if (y.ledgerLine)
      out.push(
        `Linje til reservationspuljen (Regnskab): ${Object.entries(y.ledgerLine)
          .map(([pool, v]) => `${pool} ${n(v)}`)
          .join(", ")}`,
      );
  }
  if (summary.investments) {
    const i = summary.investments;
    heading("Investeringsprojekter (kr.)");
    for (const r of i.rows) {
      const ratio = r.afkastgrad === null ? "" : formatDanishNumber(r.afkastgrad, 2);
      out.push(
        `${pad(r.projekt, 48)} ${pad(n(r.nettogevinst), 12, true)} ${pad(ratio, 6, true)} ${pad(n(r.realiseretNettogevinst), 12, true)}  ${flag(r.flag, options)}`,
      );
    }
    out.push(
      `${pad("I alt", 48)} ${pad(n(i.nettogevinst), 12, true)} ${pad("", 6)} ${pad(n(i.realiseretNettogevinst), 12, true)}`,
    );
  }
  if (summary.overførsel) {
    const t = summary.overførsel;
    heading(`Overførsel af mer- og mindreforbrug fra ${t.regnskabsår} (kr.)`);
    const years = t.år.map((y) => pad(`Overf. ${y}`, 13, true)).join(" ");
    out.push(
      `${pad("", 40)} ${pad(`Afvig. ${t.regnskabsår}`, 13, true)} ${pad("Kassen", 13, true)} ${years}`,
    );
    for (const r of [...t.rows, { beskrivelse: "I alt", ...t.total }])
      out.push(
        `${pad(r.beskrivelse, 40)} ${pad(n(r.afvigelse), 13, true)} ${pad(n(r.kassen), 13, true)} ${r.overførsel.map((x) => pad(n(x), 13, true)).join(" ")}`,
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
