// Screen and flow tests (jest-expo + React Native Testing Library). Only __tests__/**/*.test.tsx: vitest owns every
// other *.test.ts (its unit project globs apps/**/*.test.ts, so the app's tests are .tsx).
module.exports = {
  preset: "jest-expo",
  testMatch: ["<rootDir>/__tests__/**/*.test.tsx"],
  // pnpm keeps packages under node_modules/.pnpm/<name>@<version>/node_modules/<name>: let that prefix through too.
  transformIgnorePatterns: [
    "node_modules/(?!(?:\\.pnpm/)?((jest-)?react-native|@react-native(-community)?|expo(nent)?|@expo(nent)?/.*|react-native-svg|@testing-library))",
  ],
  setupFiles: ["<rootDir>/__tests__/helpers/setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/helpers/setup-after-env.ts"],
  testTimeout: 30_000,
};
