/**
 * The report model: the one view of the results every door draws from — the output sheets, the
 * headless command's terminal report and the task pane.
 */
export * from "./present";
export * from "./waterfall";
export * from "./case";
export * from "./caseText";
export * from "./trace";
export * from "./figures";
