import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  // The layers hold by lint: the arrows point inward (taskpane, cli → app → workbook port → domain;
  // adapters → port, domain; functions → domain).
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*", "react", "react-dom", "@fluentui/*", "exceljs", "jszip", "fs", "path"],
              message:
                "Layer rule: src/domain imports nothing outside itself (no Office, React, files or other layers).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "../app*",
                "../workbook*",
                "../taskpane*",
                "../cli*",
                "../deploy*",
                "react",
                "@fluentui/*",
                "exceljs",
                "jszip",
              ],
              message: "Layer rule: src/functions imports only src/domain (its bundle must stay small).",
            },
          ],
        },
      ],
    },
  },
  {
    // The application: locate, read, compute, summarise, plan. No I/O: it talks to a workbook only
    // through the port, and knows neither adapter.
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "../taskpane*",
                "../cli*",
                "../workbook/officeWorkbook",
                "../workbook/fileWorkbook",
                "../workbook/lostParts",
                "react",
                "react-dom",
                "@fluentui/*",
                "exceljs",
                "jszip",
                "fs",
                "fs/*",
                "path",
              ],
              message:
                "Layer rule: src/app does no I/O: it imports the domain and the port (src/workbook/port, address), never an adapter, a door, React or file access.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts", "src/deploy/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../app*", "../taskpane*", "../cli*", "react", "react-dom", "@fluentui/*"],
              message:
                "Layer rule: src/workbook (the port and its adapters) and src/deploy never import the application or the doors (task pane, headless command) or React.",
            },
          ],
        },
      ],
    },
  },
  {
    // The simulated Excel builds Office.js-like proxies from object literals whose getters and setters
    // must reach the simulator's instance.
    files: ["test/helpers/fakeExcel.ts"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
