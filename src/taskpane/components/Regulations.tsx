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
import { formatDanishNumber } from "../../domain";
import type { Summary } from "../../app/summary";
import { formatAmount as amount } from "../../app/report";
import { FlagBadge } from "./FlagBadge";
import { ScrollTable } from "./ScrollTable";
import { useStyles } from "./styles";

export function Regulations({ regulations }: { regulations: NonNullable<Summary["regulations"]> }) {
  const styles = useStyles();
  const first = regulations.sensitivity[0];
  const breakEven = first?.rows.find((r) => r.budgetvaernOpbrugt);
  return (
    <>
      {regulations.scenarios.length > 0 && (
        <section className={styles.section} aria-label="Scenarier">
          <Subtitle2 as="h2">Scenarier</Subtitle2>
          <ScrollTable>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.wide}>Scenarie</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Kassefinansiering</TableHeaderCell>
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
          </ScrollTable>
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
          <ScrollTable>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.number}>Beløb</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Kassefinansiering</TableHeaderCell>
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
          </ScrollTable>
          <Caption1>Alle følsomhedstabeller og gitteret står på arket Scenarier.</Caption1>
        </section>
      )}
      {regulations.estimate && (
        <section className={styles.section} aria-label="Egen beregning">
          <Subtitle2 as="h2">Egen beregning (§ 23 a)</Subtitle2>
          <ScrollTable>
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
          </ScrollTable>
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
