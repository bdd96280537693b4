import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's shared layout: sections, right-aligned numbers, button rows, the diagnostics list. */
export const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A figure is never broken over lines nor set against its neighbour without space.
  number: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalS,
  },
  // Columns as wide as their content (Fluent's fixed layout shares the width equally and lets figures
  // run into each other in a 320 px pane); a table wider than the pane scrolls in its own box.
  table: { tableLayout: "auto" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  diagnostics: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  waterfall: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 5fr) minmax(0, 4fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  // A bar's label wraps: the whole text is on the page, not only in a mouse tooltip.
  label: { overflowWrap: "anywhere" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  breakEven: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  // Fluent's table shares its width equally: the scenario's name and source need more.
  wide: { width: "46%" },
  sub: { display: "block", margin: 0, color: tokens.colorNeutralForeground3 },
});
