import * as React from "react";
import { Body1, Button, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { Summary } from "../../app/summary";
import { formatAmount } from "../../app/report/present";
import type { PaneServices } from "../services";
import { useStyles } from "./styles";

type Figure = NonNullable<Summary["grundlag"]>["tal"][number];

/**
 * Issue 30 Where each figure of the case comes from: choose a figure (the pool, a subtotal, a bevilling)
 * and see its computation in words and its sources, each with "Vis i projektmappen", which selects the
 * cells in Excel. The same trace as the Spor sheet and the JSON summary.
 */
export function Trace({
  grundlag,
  services,
}: {
  grundlag: NonNullable<Summary["grundlag"]>;
  services: PaneServices;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = React.useState(0);
  const tables = [...new Set(grundlag.tal.map((f) => f.tabel))];
  const figure: Figure | undefined = grundlag.tal[chosen];
  if (!figure) return null;
  return (
    <section className={styles.section} aria-label="Grundlag for tallene">
      <Subtitle2 as="h2">Grundlag for tallene</Subtitle2>
      {grundlag.beregnet && (
        <Caption1>Beregnet {grundlag.beregnet}. Arket Spor viser det samme med links.</Caption1>
      )}
      <Field label="Tal i sagen">
        {/* As wide as the pane: a native select is otherwise as wide as its longest option. */}
        <Select
          style={{ width: "100%", maxWidth: "100%" }}
          select={{ style: { width: "100%", minWidth: 0 } }}
          value={String(chosen)}
          onChange={(_, data) => setChosen(Number(data.value))}
        >
          {tables.map((table) => (
            <optgroup key={table} label={table}>
              {grundlag.tal.map((f, i) =>
                f.tabel === table ? (
                  <option key={i} value={String(i)}>
                    {`${f.linje}: ${formatAmount(f.tal)}`}
                  </option>
                ) : null,
              )}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Body1>
        <strong>{formatAmount(figure.tal)}</strong> ({figure.regelnavn}): {figure.beregning}
      </Body1>
      <ul className={styles.diagnostics} aria-label="Kilder">
        {figure.kilder.map((k, i) => (
          <li key={i}>
            <Body1 className={styles.label}>
              {k.faktor === undefined ? "" : `${k.faktor < 0 ? "−" : "+"} `}
              {k.celler} ({k.hvad}){k.tal === undefined ? "" : `: ${formatAmount(k.tal)}`}{" "}
            </Body1>
            <Button size="small" appearance="subtle" onClick={() => void services.select(k.ark, k.område)}>
              Vis i projektmappen
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
