import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { PaneState } from "../state";
import { TechnicalDetail } from "./Message";

/**
 * The pane's status line: outside Excel, how to open the add-in; the step in progress; a failure or the
 * template's sheets. Loaded when first needed (the shell renders without it).
 */
export default function Status({ state, inExcel }: { state: PaneState; inExcel: boolean }) {
  return (
    <>
      {!inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Åbn tilføjelsesprogrammet fra Excel</MessageBarTitle>
            Siden er åbnet uden for Excel, så der er ingen projektmappe at regne på. Åbn en projektmappe i
            Excel (på skrivebordet eller på nettet), og klik Reservationspulje under fanen Hjem.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "running" && <Spinner size="small" label={state.step} />}
      {state.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            {state.message}
            {state.technical !== undefined && <TechnicalDetail text={state.technical} />}
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
    </>
  );
}
