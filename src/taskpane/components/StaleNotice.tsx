import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { StaleReport } from "../../app/stale";

/**
 * Issue 30: said on the pane's opening — the tables changed since the figures were computed (which, and
 * when they were computed), with Beregn at hand; or, quietly, that the figures are current.
 */
export default function StaleNotice({ report, onCompute }: { report: StaleReport; onCompute: () => void }) {
  if (!report.computed) return null;
  if (report.changes.length === 0)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{report.messages.join(" ")}</MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Tallene er ikke længere ajour</MessageBarTitle>
        {report.messages.join(" ")}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onCompute}>Beregn igen</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
