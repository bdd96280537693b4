import * as React from "react";
import { Table } from "@fluentui/react-components";
import { useStyles } from "./styles";

/**
 * A small Fluent table whose columns are as wide as their content, in a focusable, labelled box that
 * scrolls sideways where the pane is narrower than the table (320 px): figures never run together and the
 * page never scrolls sideways.
 */
export function ScrollTable({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="group" aria-label="Tabel (kan rulles vandret)" tabIndex={0}>
      <Table size="small" className={styles.table}>
        {children}
      </Table>
    </div>
  );
}
