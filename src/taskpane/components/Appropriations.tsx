import * as React from "react";
import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { APPROPRIATIONS_SHEET } from "../../app/contract";
import type { Summary } from "../../app/summary";
import type { PaneServices } from "../services";
import { useStyles } from "./styles";

/** The appropriation texts, to copy into the case, and the way to their sheet. */
export function Appropriations({ summary, services }: { summary: Summary; services: PaneServices }) {
  const styles = useStyles();
  const appropriations = summary.appropriations ?? [];
  return (
    <section className={styles.section} aria-label={APPROPRIATIONS_SHEET}>
      <Subtitle2 as="h2">{APPROPRIATIONS_SHEET}</Subtitle2>
      {appropriations.map((a, i) => (
        <Body1 key={i}>{a.tekst}</Body1>
      ))}
      {summary.appropriationsNote && <Caption1 role="note">{summary.appropriationsNote.join(" ")}</Caption1>}
      <div className={styles.actions}>
        <Button onClick={() => void services.copy(appropriations.map((a) => a.tekst).join("\n"))}>
          Kopiér teksterne
        </Button>
        <Button appearance="subtle" onClick={() => void services.select(APPROPRIATIONS_SHEET, "A1")}>
          Gå til arket {APPROPRIATIONS_SHEET}
        </Button>
      </div>
    </section>
  );
}
