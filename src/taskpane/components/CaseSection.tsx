import * as React from "react";
import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { CASE_SHEET } from "../../app/contract";
import type { CaseDocument } from "../../app/report/case";
import { caseHtml, casePlainText } from "../../app/report/caseText";
import { errorText } from "../../domain/technical";
import type { PaneServices } from "../services";
import { useStyles } from "./styles";

/**
 * R14.2 The committee case: what it holds, "Kopiér til sagen" (the tables as formatted HTML, with their
 * colours, to paste into Word or the case system) and the way to the Sag sheet.
 */
export function CaseSection({
  caseDocument,
  services,
}: {
  caseDocument: CaseDocument;
  services: PaneServices;
}) {
  const styles = useStyles();
  const [status, setStatus] = React.useState<string | undefined>();
  const copy = async () => {
    try {
      await services.copyHtml(caseHtml(caseDocument), casePlainText(caseDocument));
      setStatus(`Kopieret: ${caseDocument.tables.length} tabeller. Indsæt dem i sagen med Ctrl+V.`);
    } catch (error) {
      setStatus(
        `Udklipsholderen kan ikke bruges her (${errorText(error)}). Markér tabellerne på arket ${CASE_SHEET}, og kopiér dem med Ctrl+C.`,
      );
    }
  };
  return (
    <section className={styles.section} aria-label="Sagen">
      <Subtitle2 as="h2">Sagen til udvalget</Subtitle2>
      <Body1>
        Arket {CASE_SHEET}: {caseDocument.tables.map((t) => t.title).join(", ")} – én side pr. tabel.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void copy()}>
          Kopiér til sagen
        </Button>
        <Button appearance="subtle" onClick={() => void services.select(CASE_SHEET, "A1")}>
          Gå til arket {CASE_SHEET}
        </Button>
      </div>
      {/* Present from the start, so a screen reader announces the text when it comes. */}
      <Caption1 role="status">{status ?? ""}</Caption1>
    </section>
  );
}
