import { child, isNil, type XmlElement } from "./xml-tree.ts";

// WSFEv1 reads its request the way .NET's XmlSerializer does: a required int/long/double that is absent reads as 0,
// an optional one as "not sent", and one present but not a number fails the whole request before any business rule
// (HTTP 500 soap:Client "Server was unable to read request…"), which WsfeFormatError carries to the route.

export class WsfeFormatError extends Error {
  override name = "WsfeFormatError";
  constructor(field: string, value: string, reason = "Input string was not in a correct format.") {
    super(
      `Server was unable to read request. ---> System.InvalidOperationException: There is an error in XML document. ---> System.FormatException: ${reason} (${field}: "${value}")`,
    );
  }
}

const INTEGER = /^\s*[+-]?\d+\s*$/;
const DOUBLE = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)\s*$/;

function present(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const el = child(parent, name);
  return el && !isNil(el) ? el : undefined;
}

function parseInteger(el: XmlElement, min: number, max: number): number {
  if (!INTEGER.test(el.text)) throw new WsfeFormatError(el.name, el.text);
  const value = Number(el.text.trim());
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new WsfeFormatError(el.name, el.text, "Value was either too large or too small for the field's type.");
  }
  return value;
}

const INT32: [number, number] = [-2147483648, 2147483647];
const INT64: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
const INT16: [number, number] = [-32768, 32767];

/** int with minOccurs=1: absent is 0. */
export function readInt(parent: XmlElement | undefined, name: string): number {
  const el = present(parent, name);
  return el ? parseInteger(el, ...INT32) : 0;
}

/** int with minOccurs=0: absent is undefined. */
export function readOptionalInt(parent: XmlElement | undefined, name: string): number | undefined {
  const el = present(parent, name);
  return el ? parseInteger(el, ...INT32) : undefined;
}

export function readLong(parent: XmlElement | undefined, name: string): number {
  const el = present(parent, name);
  return el ? parseInteger(el, ...INT64) : 0;
}

export function readShort(parent: XmlElement | undefined, name: string): number {
  const el = present(parent, name);
  return el ? parseInteger(el, ...INT16) : 0;
}

function parseDouble(el: XmlElement): number {
  if (!DOUBLE.test(el.text)) throw new WsfeFormatError(el.name, el.text);
  const text = el.text.trim();
  if (text === "INF") return Infinity;
  if (text === "-INF") return -Infinity;
  return Number(text);
}

export function readDouble(parent: XmlElement | undefined, name: string): number {
  const el = present(parent, name);
  return el ? parseDouble(el) : 0;
}

export function readOptionalDouble(parent: XmlElement | undefined, name: string): number | undefined {
  const el = present(parent, name);
  return el ? parseDouble(el) : undefined;
}

/** A string element: undefined when absent or nil, the (trimmed) text otherwise, "" included. */
export function readString(parent: XmlElement | undefined, name: string): string | undefined {
  return present(parent, name)?.text;
}
