import { describe, expect, it } from "vitest";
import { AppError } from "@campotech/core/lib/errors";
import { readRawBody } from "./read-raw-body";

// A streamed (chunked) body: no Content-Length, `pulled` counts how many chunks the reader asked for.
function streamed(chunks: Buffer[], headers: Record<string, string> = {}) {
  const state = { pulled: 0 };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(new Uint8Array(chunk));
      else controller.close();
    },
  }, { highWaterMark: 0 }); // pull only when the reader asks
  const request = new Request("http://localhost/api/webhooks/whatsapp", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, state };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("readRawBody", () => {
  it("returns the exact bytes, streamed or with a Content-Length", async () => {
    const bytes = Buffer.from('{"a":"\\u00e1"}\n\xff', "latin1");
    const { request } = streamed([bytes.subarray(0, 5), bytes.subarray(5)]);
    expect((await readRawBody(request, 100)).equals(bytes)).toBe(true);
    const sized = new Request("http://localhost/x", { method: "POST", body: bytes, headers: { "content-length": String(bytes.length) } });
    expect((await readRawBody(sized, 100)).equals(bytes)).toBe(true);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const chunk = Buffer.alloc(10, 0x61);
    const { request, state } = streamed(Array.from({ length: 100 }, () => chunk));
    expect(await codeOf(readRawBody(request, 25))).toBe("PAYLOAD_TOO_LARGE");
    // 3 chunks make 30 bytes > 25: nothing after that is pulled.
    expect(state.pulled).toBe(3);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { request, state } = streamed([Buffer.alloc(10)], { "content-length": "2000000" });
    expect(request.headers.get("content-length")).toBe("2000000");
    expect(await codeOf(readRawBody(request, 1_048_576))).toBe("PAYLOAD_TOO_LARGE");
    expect(state.pulled).toBe(0);
  });

  it("accepts a body of exactly the limit", async () => {
    const { request } = streamed([Buffer.alloc(16), Buffer.alloc(16)]);
    expect((await readRawBody(request, 32)).length).toBe(32);
  });
});
