import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import { TECHNICAL_DETAIL } from "../../domain/technical";

/**
 * A message in Danish; a technical part (Excel's own words, often English) waits behind "Detaljer", in
 * small type, for whoever needs to pass it on.
 */
export function Message({ text }: { text: string }) {
  const [main, technical] = text.split(TECHNICAL_DETAIL);
  return (
    <>
      {main}
      {technical !== undefined && <TechnicalDetail text={technical} />}
    </>
  );
}

/** Excel's or JavaScript's own words, folded away under "Detaljer". */
export function TechnicalDetail({ text }: { text: string }) {
  return (
    <details>
      <summary>Detaljer</summary>
      <Caption1 block>Teknisk fejl: {text}</Caption1>
    </details>
  );
}
