import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { describeLocation, errorText, FLAGS, TECHNICAL_DETAIL } from "../domain";
import { flagCountRows, flagHeading } from "../app/report";
import { APPROPRIATIONS_SHEET } from "../app/contract";
import type { Summary } from "../app/summary";
import type { PaneServices } from "./services";
import { amount, FlagBadge, Regulations, Waterfall, YearEndAndInvestments } from "./Sections";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  diagnostics: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

type State =
  | { kind: "idle" }
  | { kind: "running"; step: string }
  | { kind: "template"; sheets: string[] }
  | { kind: "result"; ok: boolean; summary: Summary }
  | { kind: "error"; title: string; message: string; technical: string };

/** The task pane: Indsæt skabelon, Beregn, and the result of the last run. */
/** A message; a "Teknisk fejl: …" part (Excel's own words) goes on a line of its own, in small type. */
function Message({ text }: { text: string }) {
  const [main, technical] = text.split(TECHNICAL_DETAIL);
  return (
    <>
      {main}
      {technical !== undefined && <Caption1 block>Teknisk fejl: {technical}</Caption1>}
    </>
  );
}

/** A Danish message for an exception; Excel's or JavaScript's own text only as the technical detail. */
function failure(title: string, message: string, error: unknown): State {
  return { kind: "error", title, message, technical: errorText(error) };
}

export function App({ services, inExcel = true }: { services: PaneServices; inExcel?: boolean }) {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const [formulas, setFormulas] = React.useState(false);
  const running = state.kind === "running";

  const compute = async () => {
    setState({ kind: "running", step: "Læser projektmappen …" });
    try {
      const result = await services.compute((step) => setState({ kind: "running", step }));
      setState({ kind: "result", ok: result.ok, summary: result.summary });
    } catch (error) {
      setState(
        failure(
          "Beregningen kunne ikke gennemføres",
          "Excel kunne ikke læse eller skrive projektmappen. Intet er ændret. Prøv igen; kommer fejlen igen, så gem projektmappen, luk den, og åbn den igen.",
          error,
        ),
      );
    }
  };

  const insertTemplate = async () => {
    setState({ kind: "running", step: "Indsætter skabelonen …" });
    try {
      setState({ kind: "template", sheets: (await services.insertTemplate({ formulas })).sheets });
    } catch (error) {
      setState(
        failure(
          "Skabelonen kunne ikke indsættes",
          (error as { restored?: boolean }).restored === true
            ? "Excel stoppede undervejs; de ark, skabelonen nåede at tilføje, er fjernet igen, og projektmappen er som før. Kontrollér, at projektmappen ikke er beskyttet eller skrivebeskyttet, og prøv igen."
            : "Excel kunne ikke tilføje skabelonens ark. Kontrollér, at projektmappen ikke er beskyttet eller skrivebeskyttet, og prøv igen.",
          error,
        ),
      );
    }
  };

  return (
    <main className={styles.root}>
      <Title3 as="h1">Reservationspuljen</Title3>
      <Body1>
        Opfølgning, lyskryds, reservationspulje og tillægsbevillinger for forsørgelses- og sikringsydelser.
      </Body1>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Åbn tilføjelsesprogrammet fra Excel</MessageBarTitle>
            Siden er åbnet uden for Excel, så der er ingen projektmappe at regne på. Åbn en projektmappe i
            Excel (på skrivebordet eller på nettet), og klik Reservationspulje under fanen Hjem.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void compute()} disabled={running || !inExcel}>
          Beregn
        </Button>
        <Button onClick={() => void insertTemplate()} disabled={running || !inExcel}>
          Indsæt skabelon
        </Button>
      </div>
      <Switch
        checked={formulas}
        onChange={(_, data) => setFormulas(data.checked)}
        label="Skabelonen bruger PULJE-formler i opfølgningens resultatkolonner (resultaterne følger tallene)"
      />
      {state.kind === "idle" && (
        <Caption1>
          Klik på Beregn for at læse projektmappens tabeller og skrive resultaterne tilbage.
        </Caption1>
      )}
      {state.kind === "running" && <Spinner size="small" label={state.step} />}
      {state.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            {state.message}
            <Caption1 block>Teknisk fejl: {state.technical}</Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "template" && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Skabelonen er indsat</MessageBarTitle>
            Arkene {state.sheets.join(", ")} er tilføjet. Udfyld tabellerne, og klik på Beregn.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "result" && <Result summary={state.summary} ok={state.ok} services={services} />}
    </main>
  );
}

function Result({ summary, ok, services }: { summary: Summary; ok: boolean; services: PaneServices }) {
  const styles = useStyles();
  const errors = summary.diagnostics.filter((d) => d.level === "error");
  const warnings = summary.diagnostics.filter((d) => d.level === "warning");
  const nothing = summary.diagnostics.some((d) => d.code === "NOTHING_FOUND");
  const writeFailed = summary.diagnostics.find((d) => d.code === "WRITE_FAILED");
  return (
    <>
      {ok ? (
        <MessageBar intent={warnings.length > 0 ? "warning" : "success"}>
          <MessageBarBody>
            <MessageBarTitle>Beregnet</MessageBarTitle>
            {warnings.length > 0
              ? `Resultaterne er skrevet; se ${warnings.length} ${warnings.length === 1 ? "advarsel" : "advarsler"} nedenfor.`
              : "Resultaterne er skrevet i projektmappen."}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>
              {nothing
                ? "Ingen tabeller at beregne"
                : writeFailed
                  ? "Skrivningen blev afbrudt"
                  : "Intet er skrevet"}
            </MessageBarTitle>
            {nothing ? (
              "Projektmappen indeholder ingen af Reservationspuljens tabeller. Klik Indsæt skabelon for at komme i gang."
            ) : writeFailed ? (
              <Message text={writeFailed.message} />
            ) : (
              `${errors.length} fejl skal rettes, før der kan beregnes. Klik på en fejl for at gå til cellen.`
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {summary.pool && (
        <section className={styles.section} aria-label="Reservationspulje">
          <Subtitle2 as="h2">Reservationspulje ({summary.unit})</Subtitle2>
          <Caption1>-/+ = underskud/overskud i puljen.</Caption1>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Pulje</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Resultat</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Uden prognoser</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...summary.pool.pools, "I alt"].map((pool) => (
                <TableRow key={pool}>
                  <TableCell>{pool}</TableCell>
                  <TableCell className={styles.number}>{amount(summary.pool!.result[pool])}</TableCell>
                  <TableCell className={styles.number}>
                    {amount(summary.pool!.resultExcludingPrognoses[pool])}
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>Budgetværn</TableCell>
                <TableCell className={styles.number}>{amount(summary.pool.budgetvaern)}</TableCell>
                <TableCell />
              </TableRow>
              <TableRow>
                <TableCell>Kassefinansiering</TableCell>
                <TableCell className={styles.number}>{amount(summary.pool.kassefinansiering)}</TableCell>
                <TableCell className={styles.number}>
                  {amount(summary.pool.kassefinansieringExcludingPrognoses)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Body1>
            Puljens lyskryds: <FlagBadge flag={summary.pool.flag} />
          </Body1>
          {summary.pool.fedLines.length > 0 && (
            <Caption1>Linjer hentet efter deres Kilde: {summary.pool.fedLines.join(", ")}.</Caption1>
          )}
        </section>
      )}
      {summary.pool && <Waterfall pool={summary.pool} unit={summary.unit} />}
      {summary.regulations && <Regulations regulations={summary.regulations} />}
      {summary.followUp && (
        <section className={styles.section} aria-label="Lyskryds">
          <Subtitle2 as="h2">Lyskryds</Subtitle2>
          <Table size="small">
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
              {flagCountRows(summary.followUp.flagCounts).map((row) => (
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
          </Table>
          <Caption1>
            Mer-/mindreforbrug i alt (uden for puljen ikke medregnet): {amount(summary.followUp.total)}
          </Caption1>
        </section>
      )}
      <YearEndAndInvestments summary={summary} />
      {summary.appropriations && summary.appropriations.length > 0 && (
        <section className={styles.section} aria-label={APPROPRIATIONS_SHEET}>
          <Subtitle2 as="h2">{APPROPRIATIONS_SHEET}</Subtitle2>
          {summary.appropriations.map((a, i) => (
            <Body1 key={i}>{a.tekst}</Body1>
          ))}
          {summary.appropriationsNote && (
            <Caption1 role="note">{summary.appropriationsNote.join(" ")}</Caption1>
          )}
          <div className={styles.actions}>
            <Button
              onClick={() => void services.copy(summary.appropriations!.map((a) => a.tekst).join("\n"))}
            >
              Kopiér teksterne
            </Button>
            <Button appearance="subtle" onClick={() => void services.select(APPROPRIATIONS_SHEET, "A1")}>
              Gå til arket {APPROPRIATIONS_SHEET}
            </Button>
          </div>
        </section>
      )}
      {summary.diagnostics.length > 0 && (
        <section className={styles.section} aria-label="Bemærkninger">
          <Subtitle2 as="h2">Bemærkninger</Subtitle2>
          <ul className={styles.diagnostics}>
            {summary.diagnostics.map((d, i) => (
              <li key={i}>
                <Badge
                  appearance="tint"
                  color={d.level === "error" ? "danger" : d.level === "warning" ? "warning" : "informative"}
                >
                  {d.level === "error" ? "Fejl" : d.level === "warning" ? "Advarsel" : "Oplysning"}
                </Badge>{" "}
                {d.sheet ? (
                  <Link as="button" onClick={() => void services.select(d.sheet!, d.cell)}>
                    {describeLocation(d)}
                  </Link>
                ) : null}{" "}
                <Message text={d.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
