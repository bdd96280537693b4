/// <reference types="office-js" />
/**
 * The manifest's FunctionFile. The ribbon button opens the task pane (ShowTaskpane) and needs no
 * function; Office still loads this page, which only has to initialise Office.js.
 */
void Office.onReady(() => undefined);
