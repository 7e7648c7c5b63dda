import { createHash } from "node:crypto";
import { encodeRfc3986, signAwsV4 } from "./sign-aws-v4";
import type { MediaStorage } from "./media-storage";

export type S3Config = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  timeoutMs?: number;
};

// Any S3-compatible service (AWS S3, MinIO, R2, …) over plain fetch with AWS Signature Version 4: PutObject,
// GetObject and DeleteObject are all we need, and an SDK would be the largest dependency in the repository for
// three requests.
export function createS3MediaStorage(config: S3Config): MediaStorage {
  const endpoint = new URL(config.endpoint);
  const urlFor = (key: string) => {
    const path = key.split("/").map(encodeRfc3986).join("/");
    if (config.forcePathStyle) return new URL(`${endpoint.origin}${endpoint.pathname.replace(/\/$/, "")}/${config.bucket}/${path}`);
    return new URL(`${endpoint.protocol}//${config.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/$/, "")}/${path}`);
  };

  async function request(method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string): Promise<Response> {
    const url = urlFor(key);
    const payloadHash = sha256Hex(body ?? new Uint8Array());
    const headers: Record<string, string> = {
      host: url.host,
      "x-amz-content-sha256": payloadHash,
      "x-amz-date": amzDate(new Date()),
      ...(contentType ? { "content-type": contentType } : {}),
    };
    headers.authorization = signAwsV4({ method, url, headers, payloadHash, region: config.region, accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey });
    const { host: _host, ...sent } = headers;
    return fetch(url, {
      method,
      headers: sent,
      ...(body ? { body: Buffer.from(body) } : {}),
      signal: AbortSignal.timeout(config.timeoutMs ?? 30_000),
    });
  }

  return {
    driver: "s3",
    async put(key, bytes, contentType) {
      const res = await request("PUT", key, bytes, contentType);
      if (!res.ok) throw new Error(`S3 PutObject ${key} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer().catch(() => undefined);
    },
    async get(key) {
      const res = await request("GET", key);
      if (res.status === 404) {
        await res.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!res.ok) throw new Error(`S3 GetObject ${key} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async remove(key) {
      const res = await request("DELETE", key);
      const text = await res.text().catch(() => "");
      if (!res.ok && res.status !== 404) throw new Error(`S3 DeleteObject ${key} → ${res.status}: ${text.slice(0, 300)}`);
    },
  };
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
