import root from "../../eslint.config.js";

// The workspace rules, plus Node's CommonJS globals for the Expo/Metro/Jest config files (the tooling loads them with
// require()). The root's "src/**" boundary rules mean the workspace's src/ (@campotech/core), not this app's src/.
export default [
  ...root,
  { files: ["src/**/*.ts", "src/**/*.tsx"], rules: { "no-restricted-imports": "off" } },
  {
    files: ["*.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
