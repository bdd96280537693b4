/* Builds bench/baseline/minimal.tsx the way webpack.config.js builds the pane (production, ts-loader). */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = {
  mode: "production",
  target: ["web", "es2020"],
  entry: { minimal: path.join(__dirname, "minimal.tsx") },
  output: { filename: "[name].[contenthash:8].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "minimal.html",
      templateContent:
        '<!doctype html><html><head><meta charset="UTF-8"></head><body><div id="root"></div></body></html>',
    }),
    // The same page loading office.js in <head> as the pane does: what the pane costs beyond Office.js.
    new HtmlWebpackPlugin({
      filename: "minimal-office.html",
      templateContent:
        '<!doctype html><html><head><meta charset="UTF-8"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head><body><div id="root"></div></body></html>',
    }),
  ],
};
