import * as React from "react";
import { Switch } from "@fluentui/react-components";

/** The template's option: PULJE formulas in the follow-up's result columns. Loaded just after the shell. */
export default function FormulaSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Switch
      checked={checked}
      onChange={(_, data) => onChange(data.checked)}
      label="Skabelonen bruger PULJE-formler i opfølgningens resultatkolonner (resultaterne følger tallene)"
    />
  );
}
