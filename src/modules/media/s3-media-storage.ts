import { createHash, createHmac } from "node:crypto";
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

// Any S3-compatible service (AWS S3, MinIO, R2, …) over plain fetch with AWS Signature Version 4: PutObject and
// GetObject are all we need, and an SDK would be the largest dependency in the repository for two requests.
export function createS3MediaStorage(config: S3Config): MediaStorage {
  const endpoint = new URL(config.endpoint);
  const urlFor = (key: string) => {
    const path = key.split("/").map(encodeRfc3986).join("/");
    if (config.forcePathStyle) return new URL(`${endpoint.origin}${endpoint.pathname.replace(/\/$/, "")}/${config.bucket}/${path}`);
    return new URL(`${endpoint.protocol}//${config.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/$/, "")}/${path}`);
  };

  async function request(method: "PUT" | "GET", key: string, body?: Uint8Array, contentType?: string): Promise<Response> {
    const url = urlFor(key);
    const payloadHash = sha256Hex(body ?? new Uint8Array());
    const headers: Record<string, string> = {
      host: url.host,
      "x-amz-content-sha256": payloadHash,
      "x-amz-date": amzDate(new Date()),
      ...(contentType ? { "content-type": contentType } : {}),
    };
    headers.authorization = signV4({ method, url, headers, payloadHash, ...config });
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
  };
}

function signV4(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): string {
  const date = input.headers["x-amz-date"]!;
  const day = date.slice(0, 8);
  const names = Object.keys(input.headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${input.headers[n]!.trim()}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .sort()
    .join("&");
  const canonicalRequest = [input.method, input.url.pathname, query, canonicalHeaders, signedHeaders, input.payloadHash].join("\n");
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${input.secretAccessKey}`, day);
  for (const part of [input.region, "s3", "aws4_request"]) key = hmac(key, part);
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
