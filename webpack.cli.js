/**
 * focus-check as one file: lib/cli/focus-check.js, bundled from tsc's output in lib/src.
 * Node then reads and compiles one file instead of resolving a hundred modules, about a
 * tenth of the command's start on a year of daily sheets (README, Benchmarks). Built with
 * the compiled tree by `npm run build:cli` (prepare, the tests, the bench): never stale.
 */
const path = require("path");
const webpack = require("webpack");

module.exports = {
  mode: "production",
  target: "node20",
  entry: path.resolve(__dirname, "lib/src/cli/main.js"),
  output: {
    path: path.resolve(__dirname, "lib/cli"),
    filename: "focus-check.js",
    library: { type: "commonjs2" },
  },
  // fflate's plain build: the command uses only its synchronous functions, and its Node build
  // loads worker_threads at start for the asynchronous ones (about 7 ms of every run).
  resolve: { alias: { fflate$: "fflate/browser" } },
  // Real __dirname: the command finds its package (examples, version) from where it lies.
  node: { __dirname: false, __filename: false },
  // Readable, as the compiled tree is: nothing is gained by minifying a file read once.
  optimization: { minimize: false },
  devtool: false,
  // The writers behind --report and --annotate stay in the one file, evaluated only when asked.
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  performance: { hints: false },
};
