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
  ],
};
