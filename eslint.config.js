import js from "@eslint/js";
import tseslint from "typescript-eslint";

// House rules that a reviewer would otherwise have to catch by hand (../shared/STYLE.md).
export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/.next/**", "**/generated/**", "**/test-results/**", "**/dist/**", "**/next-env.d.ts", ".campotech/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs", "**/*.js"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Configuration comes from src/lib/env (parsed once with zod)." },
      ],
      "no-restricted-syntax": ["error", { selector: "ExportAllDeclaration", message: "No `export *` barrels: export names explicitly." }],
    },
  },
  {
    // The env modules are the only readers of process.env; tests, configs and bootstrap scripts set it up.
    files: ["**/env.ts", "**/env/*.ts", "**/*.config.ts", "**/*.test.ts", "**/*.spec.ts", "vitest.*.ts", "**/*.mjs", "**/*.js"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", WebAssembly: "readonly", fetch: "readonly", setTimeout: "readonly" } },
  },
  {
    // Who imports whom: src never imports apps or UI frameworks; integrations only use src/lib.
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/apps/**", "@campotech/web", "@campotech/workers", "@campotech/cli", "next", "next/*", "react", "react-native"], message: "src/ must not depend on apps or UI frameworks." }],
      }],
    },
  },
  {
    // The sync engine runs in React Native (Hermes) and browsers: no Node built-ins, no server code, only the contracts.
    files: ["src/sync-engine/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["node:*", "**/modules/**", "**/lib/**", "**/workers/**", "**/integrations/**", "@campotech/database", "zod", "**/apps/**", "react", "react-native"], message: "The sync engine imports only src/contracts (it runs on phones and in browsers)." }],
      }],
      "no-restricted-globals": ["error", { name: "Buffer", message: "No Node globals in the sync engine." }, { name: "process", message: "No Node globals in the sync engine." }],
    },
  },
  {
    files: ["src/integrations/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/modules/**", "**/workers/**", "@campotech/database", "**/apps/**"], message: "Integrations depend on src/lib only and return our own types." }],
      }],
    },
  },
);
