import { CONTRACT } from "../src/app/contract";
import { outputsPoints } from "../src/app/plan/printFit";
import { columnPoints } from "../src/workbook/textWidth";
console.log(outputsPoints(CONTRACT.find((c) => c.key === "prognoses")!.outputs.map((o) => o.header)));
console.log([18.5, 17.3, 14.0, 8.8, 19.5, 5.8, 13.8, 20.0].map(columnPoints).reduce((a, b) => a + b));
