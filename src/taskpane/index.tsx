/// <reference types="office-js" />
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { excelServices } from "./excelServices";

/** Office.js is loaded by taskpane.html; the pane renders once Office is ready. */
Office.onReady(() => {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App services={excelServices()} />
    </FluentProvider>,
  );
});
