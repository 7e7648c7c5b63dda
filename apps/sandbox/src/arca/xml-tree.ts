import { XMLParser, XMLValidator } from "fast-xml-parser";

// A namespace-agnostic view of an XML document: element local names (any prefix, any or no namespace), attributes by
// local name, children in document order. ARCA's clients pick their own prefixes, so nothing here looks at them.
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const source = xml.replace(/^\uFEFF/, "");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  const roots = toElements(parser.parse(source) as OrderedNode[]);
  if (roots.length !== 1) throw new XmlSyntaxError("The document must have exactly one root element.", 1, 1);
  return roots[0] as XmlElement;
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
    if (name === undefined) continue;
    const content = (node[name] as OrderedNode[] | undefined) ?? [];
    const text = content.map((c) => (typeof c["#text"] === "string" || typeof c["#text"] === "number" ? String(c["#text"]) : "")).join("");
    out.push({ name, attrs: { ...(node[":@"] ?? {}) }, children: toElements(content), text });
  }
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el?.children.filter((c) => c.name === name) ?? [];
}

/** xsi:nil="true" reads as an absent element, as .NET and Axis deserializers do. */
export function isNil(el: XmlElement | undefined): boolean {
  return el?.attrs.nil === "true" || el?.attrs.nil === "1";
}

/** Plain JSON view of an element for the request log: leaves become strings, repeated names become arrays. */
export function toPlain(el: XmlElement): unknown {
  if (el.children.length === 0) return el.text;
  const out: Record<string, unknown> = {};
  for (const c of el.children) {
    const value = toPlain(c);
    const prev = out[c.name];
    if (prev === undefined) out[c.name] = value;
    else out[c.name] = Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
  }
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
