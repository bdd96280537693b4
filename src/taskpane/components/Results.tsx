import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Summary } from "../../app/summary";
import type { PaneServices } from "../services";
import type { CaseDocument } from "../../app/report/case";
import type { CaseKind } from "../../domain/caseKind";
import { Appropriations } from "./Appropriations";
import { CaseSection } from "./CaseSection";
import { DiagnosticList } from "./DiagnosticList";
import { FlagCounts } from "./FlagCounts";
import { Indicators } from "./Indicators";
import { Message } from "./Message";
import { PoolSummary } from "./PoolSummary";
import { Trace } from "./Trace";
import { Regulations } from "./Regulations";
import { Waterfall } from "./Waterfall";
import { YearEndAndInvestments } from "./YearEndAndInvestments";
import { Years } from "./Years";

/** The outcome of a run: the banner, then each section the summary has. Loaded when first needed. */
export default function Results({
  summary,
  ok,
  services,
  caseDocument,
  onCaseKind,
}: {
  summary: Summary;
  ok: boolean;
  services: PaneServices;
  caseDocument?: CaseDocument | undefined;
  /** Writes another Sagstype and computes again. */
  onCaseKind?: ((kind: CaseKind) => void) | undefined;
}) {
  const errors = summary.diagnostics.filter((d) => d.level === "error");
  const warnings = summary.diagnostics.filter((d) => d.level === "warning");
  const nothing = summary.diagnostics.some((d) => d.code === "NOTHING_FOUND");
  const writeFailed = summary.diagnostics.find((d) => d.code === "WRITE_FAILED");
  const pool = summary.pool;
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
      {pool && <PoolSummary summary={{ ...summary, pool }} />}
      {summary.indicators && <Indicators indicators={summary.indicators} />}
      {pool && <Waterfall pool={pool} unit={summary.unit} />}
      {(summary.years || summary.followUp?.changes || summary.pool?.byYear) && <Years summary={summary} />}
      {summary.regulations && <Regulations regulations={summary.regulations} />}
      {summary.followUp && <FlagCounts followUp={summary.followUp} />}
      <YearEndAndInvestments summary={summary} />
      {(summary.indstilling || (summary.appropriations && summary.appropriations.length > 0)) && (
        <Appropriations summary={summary} services={services} onCaseKind={onCaseKind} />
      )}
      {caseDocument && caseDocument.tables.length > 0 && (
        <CaseSection caseDocument={caseDocument} services={services} />
      )}
      {ok && summary.grundlag && summary.grundlag.tal.length > 0 && (
        <Trace grundlag={summary.grundlag} services={services} />
      )}
      {summary.diagnostics.length > 0 && <DiagnosticList summary={summary} services={services} />}
    </>
  );
}
