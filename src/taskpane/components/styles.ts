import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's shared layout: sections, right-aligned numbers, button rows, the diagnostics list. */
export const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
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
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  breakEven: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  // Fluent's table shares its width equally: the scenario's name and source need more.
  wide: { width: "46%" },
  sub: { display: "block", margin: 0, color: tokens.colorNeutralForeground3 },
});
