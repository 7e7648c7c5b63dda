import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript; Next compiles them (no build step of their own).
  transpilePackages: ["@campotech/core", "@campotech/database"],
  serverExternalPackages: ["pino", "pg", "ioredis", "bullmq"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
