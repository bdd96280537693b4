import * as React from "react";
import { Badge, Link, Subtitle2 } from "@fluentui/react-components";
import { describeLocation } from "../../domain/diagnostics";
import type { Summary } from "../../app/summary";
import type { PaneServices } from "../services";
import { Message } from "./Message";
import { useStyles } from "./styles";

/** The start of a message, for a link's name: up to eight words. */
function firstWords(message: string): string {
  const words = message.split("\n")[0]!.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(" ")} …` : words.join(" ");
}

/** Every diagnostic with its level; a located one is a link to its cell. */
export function DiagnosticList({ summary, services }: { summary: Summary; services: PaneServices }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Bemærkninger">
      <Subtitle2 as="h2">Bemærkninger</Subtitle2>
      <ul className={styles.diagnostics}>
        {summary.diagnostics.map((d, i) => (
          <li key={i}>
            <Badge
              appearance="tint"
              color={d.level === "error" ? "danger" : d.level === "warning" ? "warning" : "informative"}
            >
              {d.level === "error" ? "Fejl" : d.level === "warning" ? "Advarsel" : "Oplysning"}
            </Badge>{" "}
            {d.sheet ? (
              <Link
                as="button"
                // Two links to one cell are told apart by what they say about it.
                aria-label={`${describeLocation(d)}: ${firstWords(d.message)}`}
                onClick={() => void services.select(d.sheet!, d.cell)}
              >
                {describeLocation(d)}
              </Link>
            ) : null}{" "}
            <Message text={d.message} />
          </li>
        ))}
      </ul>
    </section>
  );
}
