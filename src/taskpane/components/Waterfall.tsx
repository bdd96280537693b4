import * as React from "react";
import { Caption1, Subtitle2, Switch } from "@fluentui/react-components";
import { TOTAL_COLUMN } from "../../domain";
import type { Summary } from "../../app/summary";
import { BarKind, formatAmount as amount, summaryLines, waterfallBars } from "../../app/report";
import { useStyles } from "./styles";

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
