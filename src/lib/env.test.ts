import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://app:app@127.0.0.1:5432/campotech",
  DATABASE_ADMIN_URL: "postgresql://postgres@127.0.0.1:5432/campotech",
  REDIS_URL: "redis://127.0.0.1:6379/0",
  CREDENTIALS_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
  CREDENTIALS_ACTIVE_KEY_ID: "k1",
  JWT_SECRET: "x".repeat(40),
  PUBLIC_BASE_URL: "http://localhost:3000",
  META_APP_SECRET: "s",
  WHATSAPP_VERIFY_TOKEN: "v",
  META_GRAPH_API_URL: "http://127.0.0.1:4010/meta",
  META_GRAPH_API_VERSION: "v24.0",
  DIALOG360_API_BASE_URL: "http://127.0.0.1:4010/d360",
  DIALOG360_PARTNER_API_KEY: "k",
  DIALOG360_PARTNER_ID: "p",
  DIALOG360_WEBHOOK_SECRET: "w",
  TWILIO_ACCOUNT_SID: "AC123",
  TWILIO_AUTH_TOKEN: "t",
  TWILIO_API_BASE_URL: "http://127.0.0.1:4010/twilio",
  TWILIO_SMS_FROM: "+5491152630002",
};

describe("parseEnv", () => {
  it("parses a complete environment and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.WEB_PORT).toBe(3000);
    expect(env.APP_TIMEZONE).toBe("America/Argentina/Buenos_Aires");
    expect(env.CREDENTIALS_KEYS.get("k1")?.length).toBe(32);
    expect(env.OPENAI_API_KEY).toBeUndefined();
  });

  it("names a missing variable", () => {
    const { DATABASE_URL: _, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow(EnvError);
    expect(() => parseEnv(rest)).toThrow(/DATABASE_URL: is required but not set/);
  });

  it("names an invalid variable with the reason", () => {
    expect(() => parseEnv({ ...valid, REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
    expect(() => parseEnv({ ...valid, CREDENTIALS_KEYS: "k1:c2hvcnQ=" })).toThrow(/CREDENTIALS_KEYS: entry "k1" must be keyId:base64 of 32 bytes/);
    expect(() => parseEnv({ ...valid, META_GRAPH_API_VERSION: "24" })).toThrow(/META_GRAPH_API_VERSION/);
  });
});
