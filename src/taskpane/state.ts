import type { CaseDocument } from "../app/report/case";
import type { Summary } from "../app/summary";
import { errorText } from "../domain/technical";

/** What the pane shows: nothing yet, a step in progress, the template added, a run's result, a failure. */
export type PaneState =
  | { kind: "idle" }
  | { kind: "running"; step: string }
  | { kind: "template"; sheets: string[] }
  | { kind: "result"; ok: boolean; summary: Summary; case?: CaseDocument }
  | { kind: "error"; title: string; message: string; technical?: string };

/** A Danish message for an exception; Excel's or JavaScript's own text only as the technical detail. */
export function failure(title: string, message: string, error: unknown): PaneState {
  return { kind: "error", title, message, technical: errorText(error) };
}
