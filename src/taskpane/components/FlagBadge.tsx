import * as React from "react";
import { Badge } from "@fluentui/react-components";

/** A flag word as a coloured badge (GRØN, GUL, RØD; – in grey). */
export function FlagBadge({ flag }: { flag: string }) {
  const color =
    flag === "GRØN" ? "success" : flag === "GUL" ? "warning" : flag === "RØD" ? "danger" : "informative";
  return (
    <Badge appearance="filled" color={color} role="img" aria-label={`Lyskryds: ${flag}`}>
      {flag}
    </Badge>
  );
}
