import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3MediaStorage } from "./s3-media-storage";

// The S3 driver against s3rver, a local S3-compatible server (fixed credentials S3RVER/S3RVER). s3rver checks the
// access key id but not V4 signatures; sign-aws-v4.test.ts proves the signature against AWS's own example.
type S3rverServer = { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };
const moduleName = "s3rver";
const { default: S3rver } = (await import(moduleName)) as { default: new (options: Record<string, unknown>) => S3rverServer };

let server: S3rverServer;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "campotech-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "campotech-media" }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const config = (overrides: Partial<Parameters<typeof createS3MediaStorage>[0]> = {}) => ({
  endpoint, region: "us-east-1", bucket: "campotech-media", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, ...overrides,
});

describe("S3 media storage", () => {
  it("puts and gets objects with SigV4 (keys with folders and non-ASCII bytes)", async () => {
    const storage = createS3MediaStorage(config());
    const bytes = new Uint8Array([0, 1, 2, 250, 255, ...Buffer.from("audio ñ")]);
    await storage.put("org-1/2026/11/msg_1.ogg", bytes, "audio/ogg");
    expect(await storage.get("org-1/2026/11/msg_1.ogg")).toEqual(bytes);
    expect(await storage.get("org-1/2026/11/missing.ogg")).toBeNull();
  });

  it("removes objects (issue 20: retention and erasure); removing a missing key is not an error", async () => {
    const storage = createS3MediaStorage(config());
    await storage.put("org-1/2026/11/gone.jpg", new Uint8Array([7]), "image/jpeg");
    await storage.remove("org-1/2026/11/gone.jpg");
    expect(await storage.get("org-1/2026/11/gone.jpg")).toBeNull();
    await expect(storage.remove("org-1/2026/11/gone.jpg")).resolves.toBeUndefined();
  });

  it("surfaces the server's refusal (unknown access key)", async () => {
    const storage = createS3MediaStorage(config({ accessKeyId: "NOPE" }));
    await expect(storage.put("org-1/x.bin", new Uint8Array([1]), "application/octet-stream")).rejects.toThrow(/403/);
  });
});
