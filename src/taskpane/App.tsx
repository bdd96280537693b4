import * as React from "react";
import { Button, tokens, typographyStyles } from "@fluentui/react-components";
import type { PaneServices } from "./services";
import type { CaseKind } from "../domain/caseKind";
import { failure, PaneState } from "./state";
import type { StaleReport } from "../app/stale";

// Loaded when first needed: the pane's first render is the shell alone (title, buttons, switch).
const Status = React.lazy(() => import(/* webpackChunkName: "status" */ "./components/Status"));
const FormulaSwitch = React.lazy(() => import(/* webpackChunkName: "switch" */ "./components/FormulaSwitch"));
const Results = React.lazy(() => import(/* webpackChunkName: "results" */ "./components/Results"));
const StaleNotice = React.lazy(() => import(/* webpackChunkName: "status" */ "./components/StaleNotice"));

/**
 * The shell's layout as inline styles over Fluent's tokens and type ramp (CSS variables): no makeStyles
 * here, so the first render needs no CSS-in-JS engine beyond what Fluent's own components bring.
 */
const styles = {
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.title3, margin: 0 },
  body: { ...typographyStyles.body1, margin: 0 },
  caption: { ...typographyStyles.caption1, margin: 0 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
} satisfies Record<string, React.CSSProperties>;

/** What the live region says about the pane's state: the step in progress, or how it ended. */
export function announcement(state: PaneState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "running":
      return state.step;
    case "template":
      return `Skabelonen er indsat: arkene ${state.sheets.join(", ")}.`;
    case "error":
      return `${state.title}. ${state.message}`;
    case "result": {
      const problems = state.summary.diagnostics.filter((d) => d.level !== "info").length;
      if (!state.ok) return `Beregningen stoppede: ${problems} fejl eller advarsler. Intet er skrevet.`;
      return problems === 0
        ? "Beregnet. Resultaterne er skrevet i projektmappen."
        : `Beregnet. Resultaterne er skrevet; se ${problems} ${problems === 1 ? "advarsel" : "advarsler"}.`;
    }
  }
}

/** The task pane: Indsæt skabelon, Beregn, and the result of the last run. */
export function App({ services, inExcel = true }: { services: PaneServices; inExcel?: boolean }) {
  const [state, setState] = React.useState<PaneState>({ kind: "idle" });
  const [formulas, setFormulas] = React.useState(false);
  const running = state.kind === "running";
  // Issue 30: on opening, whether the tables changed since the figures in the workbook were computed.
  const [stale, setStale] = React.useState<StaleReport | undefined>();
  React.useEffect(() => {
    if (!inExcel || !services.checkStale) return;
    let live = true;
    services.checkStale().then(
      (report) => live && setStale(report),
      () => undefined, // a workbook that cannot be read now is said by Beregn, not on opening
    );
    return () => {
      live = false;
    };
  }, [services, inExcel]);

  const compute = async () => {
    setStale(undefined);
    setState({ kind: "running", step: "Læser projektmappen …" });
    try {
      const result = await services.compute((step) => setState({ kind: "running", step }));
      setState({
        kind: "result",
        ok: result.ok,
        summary: result.summary,
        ...(result.case ? { case: result.case } : {}),
      });
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

  /** R15.1: another Sagstype, written to the Regler sheet, then Beregn again. */
  const changeCaseKind = async (kind: CaseKind) => {
    setState({ kind: "running", step: `Skriver sagstypen ${kind} …` });
    try {
      const written = await services.setCaseKind(kind);
      if (!written.ok) {
        setState({
          kind: "error",
          title: "Sagstypen kunne ikke skrives",
          message: written.message,
          technical: "",
        });
        return;
      }
    } catch (error) {
      setState(
        failure(
          "Sagstypen kunne ikke skrives",
          "Excel kunne ikke skrive parameteren Sagstype på arket Regler. Kontrollér, at arket ikke er beskyttet, og prøv igen.",
          error,
        ),
      );
      return;
    }
    await compute();
  };

  const insertTemplate = async () => {
    setState({ kind: "running", step: "Indsætter skabelonen …" });
    try {
      setState({ kind: "template", sheets: (await services.insertTemplate({ formulas })).sheets });
    } catch (error) {
      // A protected structure is said in Danish before anything is written: nothing technical to add.
      if ((error as { code?: string }).code === "STRUCTURE_PROTECTED") {
        setState({
          kind: "error",
          title: "Skabelonen kunne ikke indsættes",
          message: (error as Error).message,
        });
        return;
      }
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
    <main style={styles.root}>
      <h1 style={styles.title}>Reservationspuljen</h1>
      <p style={styles.body}>
        Opfølgning, lyskryds, reservationspulje og tillægsbevillinger for forsørgelses- og sikringsydelser.
      </p>
      <div style={styles.actions}>
        {/* disabledFocusable: while it runs, focus stays on the button (it would drop to the page). */}
        <Button
          appearance="primary"
          onClick={() => void compute()}
          disabled={!inExcel}
          disabledFocusable={running}
        >
          Beregn
        </Button>
        <Button onClick={() => void insertTemplate()} disabled={!inExcel} disabledFocusable={running}>
          Indsæt skabelon
        </Button>
      </div>
      <React.Suspense fallback={null}>
        <FormulaSwitch checked={formulas} onChange={setFormulas} />
      </React.Suspense>
      {/* Present from the start: a screen reader hears a run start and end, and what came of it. */}
      <p role="status" aria-live="polite" style={styles.visuallyHidden}>
        {announcement(state)}
      </p>
      {state.kind === "idle" && inExcel && (
        <p style={styles.caption}>
          Klik på Beregn for at læse projektmappens tabeller og skrive resultaterne tilbage.
        </p>
      )}
      <React.Suspense fallback={null}>
        {stale && state.kind === "idle" && <StaleNotice report={stale} onCompute={() => void compute()} />}
      </React.Suspense>
      <React.Suspense fallback={null}>
        {(state.kind !== "idle" || !inExcel) && <Status state={state} inExcel={inExcel} />}
        {state.kind === "result" && (
          <Results
            summary={state.summary}
            ok={state.ok}
            services={services}
            caseDocument={state.case}
            onCaseKind={inExcel ? (kind) => void changeCaseKind(kind) : undefined}
          />
        )}
      </React.Suspense>
    </main>
  );
}
