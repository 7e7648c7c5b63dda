import type { IncomingHttpHeaders } from "node:http";
import type { HeaderReader } from "@campotech/core/lib/header-reader";

const joined = (value: string | string[]) => (Array.isArray(value) ? value.join(", ") : value);

/**
 * node:http already lowercases header names; a view over that object reads like WHATWG Headers for what the
 * webhook code asks (get, forEach) without copying every header per request.
 */
export function nodeHeaders(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : joined(value);
    },
    // Sorted by name like Headers.forEach (only the rejected-webhook list reads every header).
    forEach(callback) {
      for (const key of Object.keys(headers).sort()) {
        const value = headers[key];
        if (value !== undefined) callback(joined(value), key);
      }
    },
  };
}
