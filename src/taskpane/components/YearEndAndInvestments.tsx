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
import { FlagBadge } from "./FlagBadge";
import { ScrollTable } from "./ScrollTable";
import { useStyles } from "./styles";

export function YearEndAndInvestments({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const { yearEnd, investments } = summary;
  const flagged = investments?.rows.filter((r) => r.flag !== "GRØN" && r.flag !== "–") ?? [];
  return (
    <>
      {yearEnd && (
        <section className={styles.section} aria-label="Regnskab">
          <Subtitle2 as="h2">Regnskab ({summary.unit})</Subtitle2>
          <ScrollTable>
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
          </ScrollTable>
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
            <ScrollTable>
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
            </ScrollTable>
          )}
        </section>
      )}
    </>
  );
}
