/**
 * What the add-in build (webpack.config.js) and the browser preview build (webpack.preview.js)
 * share: TypeScript through ts-loader, and the custom-functions metadata that both load.
 */
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** TypeScript, transpiled only: type checking is tsc's job (npm run typecheck). */
function typescriptRule({ dev, configFile }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        ...(configFile ? { configFile } : {}),
        transpileOnly: true,
        // ES modules for webpack, so unused parts of Fluent UI are dropped (tsconfig says commonjs for node).
        compilerOptions: { module: "esnext", sourceMap: dev },
      },
    },
  };
}

/** Writes functions.json from the JSDoc in functions.ts and appends CustomFunctions.associate calls to it. */
function functionsMetadata() {
  return new CustomFunctionsMetadataPlugin({
    output: "functions.json",
    input: "./src/functions/functions.ts",
  });
}

module.exports = { typescriptRule, functionsMetadata };
