import * as React from "react";
import {
  Caption1,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { FLAGS } from "../../domain/flags";
import type { Summary } from "../../app/summary";
import { flagCountRows, flagHeading, formatAmount as amount } from "../../app/report";
import { ScrollTable } from "./ScrollTable";
import { useStyles } from "./styles";

/** How many rows got each flag, per indicator, in FLAGS order. */
export function FlagCounts({ followUp }: { followUp: NonNullable<Summary["followUp"]> }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Lyskryds">
      <Subtitle2 as="h2">Lyskryds</Subtitle2>
      <ScrollTable>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Indikator</TableHeaderCell>
            {FLAGS.map((f) => (
              <TableHeaderCell key={f} className={styles.number}>
                {flagHeading(f)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {flagCountRows(followUp.flagCounts).map((row) => (
            <TableRow key={row.indicator}>
              <TableCell>{row.indicator}</TableCell>
              {row.counts.map((count, i) => (
                <TableCell key={FLAGS[i]} className={styles.number}>
                  {count}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      <Caption1>Mer-/mindreforbrug i alt (uden for puljen ikke medregnet): {amount(followUp.total)}</Caption1>
    </section>
  );
}
