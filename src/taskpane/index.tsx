/// <reference types="office-js" />
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { excelServices } from "./excelServices";

/**
 * Office.js is loaded by taskpane.html; the pane renders once Office is ready. Opened outside Excel (IT
 * checking the hosting in a browser), it says how to open it from Excel instead of failing on Beregn.
 */
void Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App services={excelServices()} inExcel={String(info.host) === "Excel"} />
    </FluentProvider>,
  );
});
