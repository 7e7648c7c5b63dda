import type { ParsedBody } from "./types.ts";

// How a request body is kept in the request log: JSON as parsed, forms as fields, uploads as their metadata only.
export function recordedBody(body: ParsedBody): unknown {
  switch (body.kind) {
    case "none":
      return null;
    case "json":
      return body.value;
    case "form":
      return body.fields;
    case "multipart":
      return { fields: body.fields, files: body.files.map((f) => ({ field: f.field, filename: f.filename, mimeType: f.mimeType, size: f.data.length })) };
    case "invalid-json":
    case "text":
      return body.text;
  }
}
