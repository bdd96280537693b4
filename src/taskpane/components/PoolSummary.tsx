import * as React from "react";
import {
  Body1,
  Caption1,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Summary } from "../../app/summary";
import { formatAmount as amount } from "../../app/report";
import { AREA_RESULT, BUDGETVAERN_USED } from "../../domain";
import { FlagBadge } from "./FlagBadge";
import { ScrollTable } from "./ScrollTable";
import { useStyles } from "./styles";

/** The pool's result per pool, with and without prognoses, the budgetværn, the kassefinansiering and the flag. */
export function PoolSummary({ summary }: { summary: Summary & { pool: NonNullable<Summary["pool"]> } }) {
  const styles = useStyles();
  // R12.1: the change since the latest earlier follow-up, beside each pool (I alt: the pools' total).
  const change = summary.followUp?.changes?.at(-1);
  const changeOf = (pool: string) => (pool === "I alt" ? change?.total : change?.groups[pool]);
  return (
    <section className={styles.section} aria-label="Reservationspulje">
      <Subtitle2 as="h2">Reservationspulje ({summary.unit})</Subtitle2>
      <Caption1>-/+ = underskud/overskud i puljen.</Caption1>
      <ScrollTable>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Pulje</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Uden prognoser</TableHeaderCell>
            {change && (
              <TableHeaderCell className={styles.number}>Ændring siden {change.siden}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...summary.pool.pools, "I alt"].map((pool) => (
            <TableRow key={pool}>
              <TableCell>{summary.puljenavne?.[pool] ?? pool}</TableCell>
              <TableCell className={styles.number}>{amount(summary.pool.result[pool])}</TableCell>
              <TableCell className={styles.number}>
                {amount(summary.pool.resultExcludingPrognoses[pool])}
              </TableCell>
              {change && <TableCell className={styles.number}>{amount(changeOf(pool))}</TableCell>}
            </TableRow>
          ))}
          <TableRow>
            <TableCell>Budgetværn</TableCell>
            <TableCell className={styles.number}>{amount(summary.pool.budgetvaern)}</TableCell>
            <TableCell />
            {change && <TableCell />}
          </TableRow>
          <TableRow>
            <TableCell>{BUDGETVAERN_USED}</TableCell>
            <TableCell className={styles.number}>{amount(summary.pool.budgetvaernBrugt)}</TableCell>
            <TableCell />
            {change && <TableCell />}
          </TableRow>
          <TableRow>
            <TableCell>Kassefinansiering</TableCell>
            <TableCell className={styles.number}>{amount(summary.pool.kassefinansiering)}</TableCell>
            <TableCell className={styles.number}>
              {amount(summary.pool.kassefinansieringExcludingPrognoses)}
            </TableCell>
            {change && <TableCell />}
          </TableRow>
        </TableBody>
      </ScrollTable>
      <Body1>
        Puljens lyskryds: <FlagBadge flag={summary.pool.flag} />
      </Body1>
      <Caption1>
        {AREA_RESULT}: {amount(summary.pool.areaResult)}
      </Caption1>
      {summary.pool.fedLines.length > 0 && (
        <Caption1>Linjer hentet efter deres Kilde: {summary.pool.fedLines.join(", ")}.</Caption1>
      )}
    </section>
  );
}
