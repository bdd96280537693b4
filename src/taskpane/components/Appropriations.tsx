import * as React from "react";
import { Body1, Button, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import { APPROPRIATIONS_SHEET } from "../../app/contract";
import type { Summary } from "../../app/summary";
import { CASE_KINDS, type CaseKind } from "../../domain/caseKind";
import type { PaneServices } from "../services";
import { useStyles } from "./styles";

/**
 * R15 The indstilling as the committee reads it: the kind of case (and a way to change it, which writes
 * the Sagstype parameter and computes again), the opening sentence, the numbered points, the notes beside
 * the amounts; the texts to copy, and the way to the Tillægsbevillinger sheet when the case has one.
 */
export function Appropriations({
  summary,
  services,
  onCaseKind,
}: {
  summary: Summary;
  services: PaneServices;
  onCaseKind?: ((kind: CaseKind) => void) | undefined;
}) {
  const styles = useStyles();
  const indstilling = summary.indstilling;
  const kind = summary.sagstype;
  const texts = indstilling
    ? [indstilling.indledning, ...indstilling.punkter.map((p) => `${p.nr}. ${p.tekst}`)]
    : (summary.appropriations ?? []).map((a) => a.tekst);
  // "Kopiér teksterne" says what happened: copied, or — where the host refuses the clipboard — the texts
  // shown selected for Ctrl+C.
  const [copied, setCopied] = React.useState<"yes" | "no" | undefined>();
  const copy = async () => {
    try {
      await services.copy(texts.join("\n"));
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <section className={styles.section} aria-label="Indstilling">
      <Subtitle2 as="h2">Indstilling</Subtitle2>
      {kind && (
        <Field
          label="Sagstype"
          hint={
            kind.valgtAf === "parameter"
              ? "Fra parameteren Sagstype på arket Regler."
              : "Valgt efter projektmappens tabeller; vælg en anden for at skrive den i parameteren Sagstype."
          }
        >
          <Select
            value={kind.type}
            disabled={!onCaseKind}
            onChange={(_, data) => onCaseKind?.(data.value as CaseKind)}
          >
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {indstilling && <Body1>{indstilling.indledning}</Body1>}
      {indstilling && indstilling.punkter.length > 0 && (
        // The numbers are the indstilling's own (the bevillingstabel's punkter), written out: they are
        // what the committee cites, so they must read the same in the pane, on paper and when copied.
        <ol className={styles.diagnostics} style={{ listStyleType: "none", paddingLeft: 0 }}>
          {indstilling.punkter.map((p) => (
            <li key={p.nr} value={p.nr}>
              <Body1>{`${p.nr}. ${p.tekst}`}</Body1>
            </li>
          ))}
        </ol>
      )}
      {!indstilling && texts.map((t, i) => <Body1 key={i}>{t}</Body1>)}
      {(indstilling?.noter ?? summary.appropriationsNote ?? []).map((note, i) => (
        <Caption1 key={i} role="note">
          {note}
        </Caption1>
      ))}
      <div className={styles.actions}>
        <Button onClick={() => void copy()}>Kopiér teksterne</Button>
        {summary.appropriations && summary.appropriations.length > 0 && (
          <Button appearance="subtle" onClick={() => void services.select(APPROPRIATIONS_SHEET, "A1")}>
            Gå til arket {APPROPRIATIONS_SHEET}
          </Button>
        )}
      </div>
      <Caption1 role="status">
        {copied === "yes" ? `Kopieret: ${texts.length} tekster. Indsæt dem med Ctrl+V.` : ""}
      </Caption1>
      {copied === "no" && (
        <>
          <Caption1 block>
            Udklipsholderen kan ikke bruges her. Teksterne står markeret herunder: tryk Ctrl+C (⌘C på Mac).
          </Caption1>
          <textarea
            aria-label="Teksterne til at kopiere"
            readOnly
            rows={Math.min(8, texts.length + 1)}
            style={{ width: "100%" }}
            value={texts.join("\n")}
            ref={(area) => area?.select()}
          />
        </>
      )}
    </section>
  );
}
