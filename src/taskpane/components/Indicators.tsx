import * as React from "react";
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { Summary } from "../../app/summary";
import { FlagBadge } from "./FlagBadge";
import { useStyles } from "./styles";

/**
 * R13: the five headline indicators — the rule's proposal beside the colour that counts (the user's
 * where chosen), each with its sentence under it at full width.
 */
export function Indicators({ indicators }: { indicators: NonNullable<Summary["indicators"]> }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Hovedindikatorer">
      <Subtitle2 as="h2">Hovedindikatorer</Subtitle2>
      {indicators.map((i) => (
        <div key={i.indikator}>
          <Body1 block>
            <strong>{i.indikator}</strong> forslag <FlagBadge flag={i.forslag} /> · farve{" "}
            <FlagBadge flag={i.farve} />
            {i.valgt ? " (valgt)" : ""}
          </Body1>
          <Caption1 className={styles.sub}>{i.bemærkning ?? i.grundlag}</Caption1>
        </div>
      ))}
      <Caption1>Forslaget følger reglerne; en farve skrevet i Valgt på arket Indikatorer gælder.</Caption1>
    </section>
  );
}
