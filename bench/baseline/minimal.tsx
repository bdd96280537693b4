/** The baseline page: a minimal React + Fluent UI v9 page with one button, built like the pane. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Beregn</Button>
  </FluentProvider>,
);
