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
  // The layers hold by lint: the arrows point inward (taskpane, cli → workbook → domain; functions → domain).
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
    files: ["src/workbook/**/*.ts", "src/deploy/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../taskpane*", "../cli*", "react", "react-dom", "@fluentui/*"],
              message:
                "Layer rule: src/workbook and src/deploy never import the doors (task pane, headless command) or React.",
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
