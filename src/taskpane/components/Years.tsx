import * as React from "react";
import {
  Caption1,
  Label,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Summary } from "../../app/summary";
import { formatAmount as amount } from "../../app/report";
import { ScrollTable } from "./ScrollTable";
import { useStyles } from "./styles";

/**
 * R11/R12 in the pane: the years side by side (one row per year column of the follow-up: Samlet and the
 * pool, or why the pool is not known), the change since each earlier follow-up per pool with the forecast
 * per follow-up drawn as bars, and the ledger of a chosen year (years never add up).
 */
export function Years({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const years = summary.years ?? [];
  const changes = summary.followUp?.changes ?? [];
  const byYear = Object.entries(summary.pool?.byYear ?? {});
  const [chosen, setChosen] = React.useState(byYear.at(-1)?.[0]);
  const ledger = byYear.find(([år]) => år === chosen)?.[1];
  // The forecast of the Budgetår at each follow-up: the earlier ones ("ved …") and the current one.
  const budgetYear = changes[0]?.år;
  const forecasts = years.filter((y) => y.art === "Forventet regnskab" && y.år === budgetYear);
  const largest = Math.max(1, ...forecasts.map((f) => Math.abs(f.samlet)));
  return (
    <>
      {years.length > 0 && (
        <section className={styles.section} aria-label="Årene side om side">
          <Subtitle2 as="h2">Årene side om side ({summary.unit})</Subtitle2>
          <ScrollTable>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.wide}>Kolonne</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Samlet</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Reservationspulje</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {years.map((y) => (
                <TableRow key={y.kolonne}>
                  <TableCell>
                    {y.kolonne}
                    {y.reservationspulje === null && (
                      <Caption1 as="p" className={styles.sub}>
                        {y.grundlag}
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell className={styles.number}>{amount(y.samlet)}</TableCell>
                  <TableCell className={styles.number}>
                    {y.reservationspulje === null ? "–" : amount(y.reservationspulje)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
          <Caption1>Hvert år har sin egen pulje; den overføres ikke til næste år.</Caption1>
        </section>
      )}
      {changes.length > 0 && (
        <section className={styles.section} aria-label="Ændring siden sidste opfølgning">
          <Subtitle2 as="h2">Ændring siden sidste opfølgning</Subtitle2>
          {changes.map((c) => (
            <div key={c.siden}>
              <Caption1 as="p" className={styles.sub}>
                Siden {c.siden} ({c.år}); + = lavere forventede udgifter
              </Caption1>
              <ScrollTable>
                <TableBody>
                  {Object.entries(c.groups).map(([pool, value]) => (
                    <TableRow key={pool}>
                      <TableCell className={styles.wide}>{pool}</TableCell>
                      <TableCell className={styles.number}>{amount(value)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell>
                      <strong>I alt i puljerne</strong>
                    </TableCell>
                    <TableCell className={styles.number}>
                      <strong>{amount(c.total)}</strong>
                    </TableCell>
                  </TableRow>
                </TableBody>
              </ScrollTable>
            </div>
          ))}
          {forecasts.length > 1 && (
            <div role="img" aria-label="Forventet regnskab pr. opfølgning" className={styles.waterfall}>
              {forecasts.map((f) => (
                <React.Fragment key={f.kolonne}>
                  <span className={styles.label} title={f.kolonne}>
                    {f.ved ? `ved ${f.ved}` : "nu"}
                  </span>
                  <span
                    data-kind="forecast"
                    style={{
                      height: 10,
                      width: `${Math.round((100 * Math.abs(f.samlet)) / largest)}%`,
                      backgroundColor: f.ved ? tokens.colorNeutralStroke1 : tokens.colorBrandBackground,
                    }}
                  />
                  <span className={styles.number}>{amount(f.samlet)}</span>
                </React.Fragment>
              ))}
            </div>
          )}
        </section>
      )}
      {byYear.length > 1 && ledger && (
        <section className={styles.section} aria-label="Puljeregnskab pr. år">
          <Subtitle2 as="h2">Puljeregnskab pr. år</Subtitle2>
          <Label htmlFor="ledger-year">År</Label>
          <select id="ledger-year" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {byYear.map(([år]) => (
              <option key={år} value={år}>
                {år}
              </option>
            ))}
          </select>
          <ScrollTable>
            <TableBody>
              {ledger.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell className={styles.wide}>
                    {l.type === "Resultat" || l.type === "Saldo" ? <strong>{l.post}</strong> : l.post}
                  </TableCell>
                  <TableCell className={styles.number}>{amount(l.values["I alt"])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </section>
      )}
    </>
  );
}
