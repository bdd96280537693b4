import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatDanishNumber, TOTAL_COLUMN } from "../domain";
import type { Summary } from "../app/summary";
import { BarKind, formatAmount, summaryLines, waterfallBars } from "../app/report";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  waterfall: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 5fr) minmax(0, 4fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  breakEven: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  // Fluent's table shares its width equally: the scenario's name and source need more.
  wide: { width: "46%" },
  sub: { display: "block", margin: 0, color: tokens.colorNeutralForeground3 },
});

export const amount = formatAmount;

export function FlagBadge({ flag }: { flag: string }) {
  const color =
    flag === "GRØN" ? "success" : flag === "GUL" ? "warning" : flag === "RØD" ? "danger" : "informative";
  return (
    <Badge appearance="filled" color={color} aria-label={`Lyskryds: ${flag}`}>
      {flag}
    </Badge>
  );
}

const BAR_FILL: Record<BarKind, string> = {
  final: "#0F6CBD",
  prognosis: "url(#prognose-stribet)",
  balance: "#8A8886",
};

function BarSwatch({ kind }: { kind: BarKind }) {
  return (
    <svg width="14" height="10" aria-hidden="true">
      <rect width="14" height="10" fill={BAR_FILL[kind]} stroke={kind === "prognosis" ? "#0F6CBD" : "none"} />
    </svg>
  );
}

/** R4/R5.3: the ledger as a waterfall; prognosis movements are striped, and a switch leaves them out. */
export function Waterfall({ pool, unit }: { pool: NonNullable<Summary["pool"]>; unit: string }) {
  const styles = useStyles();
  const [withPrognoses, setWithPrognoses] = React.useState(true);
  const bars = waterfallBars(summaryLines(pool.lines, TOTAL_COLUMN), withPrognoses);
  const lo = Math.min(0, ...bars.flatMap((b) => [b.from, b.to]));
  const hi = Math.max(0, ...bars.flatMap((b) => [b.from, b.to]));
  const x = (v: number) => ((v - lo) / (hi - lo || 1)) * 100;
  return (
    <section className={styles.section} aria-label="Vandfald">
      <Subtitle2 as="h2">Reservationspuljen som vandfald ({unit})</Subtitle2>
      <Switch
        checked={withPrognoses}
        onChange={(_, data) => setWithPrognoses(data.checked)}
        label={withPrognoses ? "Med prognoser" : "Uden prognoser"}
      />
      <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
        <defs>
          <pattern
            id="prognose-stribet"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#CFE4FA" />
            <rect width="3" height="6" fill="#0F6CBD" />
          </pattern>
        </defs>
      </svg>
      <div className={styles.waterfall} role="list" aria-label="Vandfaldets linjer">
        {bars.map((bar, i) => {
          const left = x(Math.min(bar.from, bar.to));
          const width = Math.max(0.5, x(Math.max(bar.from, bar.to)) - left);
          return (
            <React.Fragment key={i}>
              <span className={styles.label} title={bar.label} role="listitem" data-kind={bar.kind}>
                {bar.label}
              </span>
              <svg
                width="100%"
                height="14"
                viewBox="0 0 100 14"
                preserveAspectRatio="none"
                aria-hidden="true"
              >
                <line x1={x(0)} x2={x(0)} y1="0" y2="14" stroke="#605E5C" strokeWidth="0.4" />
                <rect
                  x={left}
                  width={width}
                  y="2"
                  height="10"
                  fill={BAR_FILL[bar.kind]}
                  stroke={bar.kind === "prognosis" ? "#0F6CBD" : "none"}
                  strokeWidth="0.5"
                  strokeDasharray={bar.kind === "prognosis" ? "2 1" : undefined}
                />
              </svg>
              <span className={styles.number}>{amount(bar.value)}</span>
            </React.Fragment>
          );
        })}
      </div>
      <div className={styles.legend}>
        <Caption1>
          <BarSwatch kind="final" /> Endelig
        </Caption1>
        <Caption1>
          <BarSwatch kind="prognosis" /> Prognose
        </Caption1>
        <Caption1>
          <BarSwatch kind="balance" /> Saldo / resultat
        </Caption1>
      </div>
    </section>
  );
}

/** R6.1: the prognoses side by side, the sensitivity rows and the § 23 a estimate. */
export function Regulations({ regulations }: { regulations: NonNullable<Summary["regulations"]> }) {
  const styles = useStyles();
  const first = regulations.sensitivity[0];
  const breakEven = first?.rows.find((r) => r.budgetvaernOpbrugt);
  return (
    <>
      {regulations.scenarios.length > 0 && (
        <section className={styles.section} aria-label="Scenarier">
          <Subtitle2 as="h2">Scenarier</Subtitle2>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.wide}>Scenarie</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Kassefin.</TableHeaderCell>
                <TableHeaderCell>Lyskryds</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {regulations.scenarios.map((s, i) => (
                <TableRow key={i}>
                  <TableCell>
                    {s.scenarie}
                    {s.valgt ? " (valgt)" : ""}
                    <Caption1 as="p" className={styles.sub}>
                      {s.regulering}
                      {s.kilde ? `, ${s.kilde}` : ""}
                      {s.dato ? `, ${s.dato}` : ""}
                    </Caption1>
                  </TableCell>
                  <TableCell className={styles.number}>{amount(s.result["I alt"])}</TableCell>
                  <TableCell className={styles.number}>{amount(s.kassefinansiering)}</TableCell>
                  <TableCell>
                    <FlagBadge flag={s.flag} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      {first && (
        <section className={styles.section} aria-label="Følsomhed">
          <Subtitle2 as="h2">
            Følsomhed: {first.regulering} på {first.pulje}
          </Subtitle2>
          {breakEven && (
            <Body1>
              Budgetværnet er netop opbrugt ved en {first.regulering.toLowerCase()} på{" "}
              {amount(breakEven.beløb)}.
            </Body1>
          )}
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.number}>Beløb</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Kassefin.</TableHeaderCell>
                <TableHeaderCell>Lyskryds</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {first.rows.map((r, i) => (
                <TableRow key={i} className={r.budgetvaernOpbrugt ? styles.breakEven : undefined}>
                  <TableCell className={styles.number}>{amount(r.beløb)}</TableCell>
                  <TableCell className={styles.number}>{amount(r.resultat)}</TableCell>
                  <TableCell className={styles.number}>{amount(r.kassefinansiering)}</TableCell>
                  <TableCell>
                    <FlagBadge flag={r.flag} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1>Alle følsomhedstabeller og gitteret står på arket Scenarier.</Caption1>
        </section>
      )}
      {regulations.estimate && (
        <section className={styles.section} aria-label="Egen beregning">
          <Subtitle2 as="h2">Egen beregning (§ 23 a)</Subtitle2>
          <Table size="small">
            <TableBody>
              {regulations.estimate.map((line) => (
                <TableRow key={line.key}>
                  <TableCell>{line.label}</TableCell>
                  <TableCell className={styles.number}>
                    {line.value === null
                      ? `mangler ${line.missing.length} ${line.missing.length === 1 ? "forudsætning" : "forudsætninger"}`
                      : line.key === "garantiAndel"
                        ? `${formatDanishNumber(line.value * 100, 3)} %`
                        : amount(line.value)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1>
            Skriv "egen beregning" i Kilde på en linje i Reservationspulje for at indregne beløbet som
            prognose.
          </Caption1>
        </section>
      )}
    </>
  );
}

/** R7 and R8: the year-end split and the investment projects. */
export function YearEndAndInvestments({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const { yearEnd, investments } = summary;
  const flagged = investments?.rows.filter((r) => r.flag !== "GRØN" && r.flag !== "–") ?? [];
  return (
    <>
      {yearEnd && (
        <section className={styles.section} aria-label="Regnskab">
          <Subtitle2 as="h2">Regnskab ({summary.unit})</Subtitle2>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Styringsområde</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Afvigelse</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Kassen</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Overførsel</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...Object.entries(yearEnd.perStyringsområde), ["I alt", yearEnd] as const].map(
                ([area, t]) => (
                  <TableRow key={area}>
                    <TableCell>{area}</TableCell>
                    <TableCell className={styles.number}>{amount(t.afvigelse)}</TableCell>
                    <TableCell className={styles.number}>{amount(t.kassen)}</TableCell>
                    <TableCell className={styles.number}>{amount(t.overførsel)}</TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
          {yearEnd.ledgerLine && (
            <Caption1>
              Linje til reservationspuljen (Regnskab):{" "}
              {Object.entries(yearEnd.ledgerLine)
                .map(([pool, v]) => `${pool} ${amount(v)}`)
                .join(", ")}
            </Caption1>
          )}
        </section>
      )}
      {investments && (
        <section className={styles.section} aria-label="Investeringer">
          <Subtitle2 as="h2">Investeringsprojekter (kr.)</Subtitle2>
          <Body1>
            Nettogevinst {amount(investments.nettogevinst)}; realiseret{" "}
            {amount(investments.realiseretNettogevinst)}.
          </Body1>
          {flagged.length > 0 && (
            <Table size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Projekt</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Realiseret</TableHeaderCell>
                  <TableHeaderCell>Lyskryds</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {flagged.map((r) => (
                  <TableRow key={r.nr + r.projekt}>
                    <TableCell>{r.projekt}</TableCell>
                    <TableCell className={styles.number}>{amount(r.realiseretNettogevinst)}</TableCell>
                    <TableCell>
                      <FlagBadge flag={r.flag} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </>
  );
}
