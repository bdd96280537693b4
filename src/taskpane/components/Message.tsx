import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import { TECHNICAL_DETAIL } from "../../domain/technical";

/** A message; a "Teknisk fejl: …" part (Excel's own words) goes on a line of its own, in small type. */
export function Message({ text }: { text: string }) {
  const [main, technical] = text.split(TECHNICAL_DETAIL);
  return (
    <>
      {main}
      {technical !== undefined && <Caption1 block>Teknisk fejl: {technical}</Caption1>}
    </>
  );
}
