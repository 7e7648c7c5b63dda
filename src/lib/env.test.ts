import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseEnv as parseDotEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, repositoryRoot } from "./env";
import { EXAMPLE_SECRET_VALUES } from "./env/deployment";

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

describe("deployment safety", () => {
  const example = parseDotEnv(readFileSync(join(repositoryRoot(), ".env.example"), "utf8"));
  const safe = {
    ...valid,
    CAMPOTECH_DEPLOYMENT: "production",
    DATABASE_URL: "postgresql://app:s3cret-app@db.internal:5432/campotech",
    DATABASE_ADMIN_URL: "postgresql://owner:s3cret-owner@db.internal:5432/campotech",
    PUBLIC_BASE_URL: "https://app.campotech.com.ar",
    META_GRAPH_API_URL: "https://graph.facebook.com",
    DIALOG360_API_BASE_URL: "https://waba-v2.360dialog.io",
    DIALOG360_PARTNER_API_URL: "https://hub.360dialog.io/api/v2", // issue 19 (provisioning)
    TWILIO_API_BASE_URL: "https://api.twilio.com",
    EXPO_PUSH_URL: "https://exp.host/--/api/v2/push/send",
    SMTP_HOST: "smtp.example.com",
    SMTP_PORT: "587",
    MERCADOPAGO_API_URL: "https://api.mercadopago.com",
    MERCADOPAGO_AUTH_URL: "https://auth.mercadopago.com",
    MERCADOPAGO_CLIENT_SECRET: "real-mp-client-secret",
    MERCADOPAGO_WEBHOOK_SECRET: "real-mp-webhook-secret",
  };

  it("knows every secret value .env.example ships with", () => {
    for (const [name, value] of Object.entries(EXAMPLE_SECRET_VALUES)) expect(example[name], name).toBe(value);
  });

  it("lets a deployment with its own secrets and the real providers start", () => {
    expect(parseEnv(safe).CAMPOTECH_DEPLOYMENT).toBe("production");
  });

  it.each(Object.keys(EXAMPLE_SECRET_VALUES))("refuses a deployment that keeps the example %s", (name) => {
    expect(() => parseEnv({ ...safe, [name]: example[name] })).toThrow(new RegExp(`${name}: is the public example value`));
  });

  it("refuses the example key even next to a real one, sandbox URLs (defaults included), example passwords and http", () => {
    const realKey = `prod:${Buffer.alloc(32, 9).toString("base64")}`;
    expect(() => parseEnv({ ...safe, CREDENTIALS_KEYS: `${realKey},${example.CREDENTIALS_KEYS}`, CREDENTIALS_ACTIVE_KEY_ID: "prod" })).toThrow(/CREDENTIALS_KEYS/);
    expect(() => parseEnv({ ...safe, META_GRAPH_API_URL: "http://127.0.0.1:4010/meta" })).toThrow(/META_GRAPH_API_URL: points at the local sandbox/);
    const { EXPO_PUSH_URL: _, ...withoutExpo } = safe;
    expect(() => parseEnv(withoutExpo)).toThrow(/EXPO_PUSH_URL: points at the local sandbox/);
    expect(() => parseEnv({ ...safe, OPENAI_BASE_URL: "http://localhost:4010/openai/v1" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => parseEnv({ ...safe, DATABASE_URL: example.DATABASE_URL })).toThrow(/DATABASE_URL: uses the example password/);
    expect(() => parseEnv({ ...safe, PUBLIC_BASE_URL: "http://app.campotech.com.ar" })).toThrow(/PUBLIC_BASE_URL: must be a public https/);
    const { SMTP_HOST: _h, SMTP_PORT: _p, ...withoutSmtp } = safe;
    expect(() => parseEnv(withoutSmtp)).toThrow(/SMTP_HOST/);
    const { MERCADOPAGO_WEBHOOK_SECRET: _w, ...withoutMpSecret } = safe;
    expect(() => parseEnv(withoutMpSecret)).toThrow(/MERCADOPAGO_WEBHOOK_SECRET: is the public example value/);
  });

  it("treats Vercel as a deployment and leaves a local run alone", () => {
    expect(() => parseEnv({ ...safe, CAMPOTECH_DEPLOYMENT: "local", VERCEL: "1", JWT_SECRET: example.JWT_SECRET })).toThrow(/VERCEL=1/);
    expect(parseEnv({ ...valid, JWT_SECRET: example.JWT_SECRET! }).CAMPOTECH_DEPLOYMENT).toBe("local");
  });
});

describe("paths", () => {
  it("resolves the media folder once, from the repository root, whatever the working directory (Next runs from .next/)", () => {
    const root = repositoryRoot();
    expect(repositoryRoot(join(root, "apps", "web", ".next", "server"))).toBe(root);
    const parsed = parseEnv(valid);
    expect(isAbsolute(parsed.MEDIA_STORAGE_DIR)).toBe(true);
    expect(parsed.MEDIA_STORAGE_DIR).toBe(join(root, ".campotech/media"));
    expect(parseEnv({ ...valid, MEDIA_STORAGE_DIR: "/srv/media" }).MEDIA_STORAGE_DIR).toBe("/srv/media");
  });
});

describe("map tiles", () => {
  it("accepts a {z}/{x}/{y} URL or nothing, refuses anything else, and gives the CSP its origin", async () => {
    const { mapTileOrigin } = await import("./env/web");
    expect(parseEnv({ ...valid }).MAP_TILE_URL).toBe("");
    expect(parseEnv({ ...valid, MAP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" }).MAP_TILE_URL).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(() => parseEnv({ ...valid, MAP_TILE_URL: "javascript:alert(1)" })).toThrow(EnvError);
    expect(() => parseEnv({ ...valid, MAP_TILE_URL: "https://tiles.example/no-placeholders.png" })).toThrow(/MAP_TILE_URL/);
    expect(mapTileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(mapTileOrigin("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(mapTileOrigin("")).toBeNull();
  });
});

// issue 22 (cluster)
describe("Redis Cluster settings", () => {
  it("is off by default and reads a comma list of nodes, with or without a scheme", () => {
    expect(parseEnv(valid).REDIS_CLUSTER_NODES).toEqual([]);
    expect(parseEnv(valid).REDIS_HASH_TAGS).toBe("auto");
    const env = parseEnv({ ...valid, REDIS_CLUSTER_NODES: "redis://:pw@10.0.0.1:6379, 10.0.0.2:6380 ,rediss://cache.example.com:6379" });
    expect(env.REDIS_CLUSTER_NODES).toEqual(["redis://:pw@10.0.0.1:6379", "10.0.0.2:6380", "rediss://cache.example.com:6379"]);
  });

  it("refuses a node without a port or with another scheme, and an unknown hash-tag mode", () => {
    expect(() => parseEnv({ ...valid, REDIS_CLUSTER_NODES: "10.0.0.1" })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => parseEnv({ ...valid, REDIS_CLUSTER_NODES: "http://10.0.0.1:6379" })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => parseEnv({ ...valid, REDIS_HASH_TAGS: "off" })).toThrow(/REDIS_HASH_TAGS/);
  });
});
