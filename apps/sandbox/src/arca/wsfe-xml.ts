import type { Obs } from "./state.ts";
import { escapeXml } from "./xml-tree.ts";

// WSFEv1 result bodies as .NET's XmlSerializer writes them: one line, numbers without padding (122, 5.25), an empty
// string as `<CAE />`, absent values and empty arrays left out.

export type XValue = string | number | XNode[] | undefined;
export type XNode = readonly [name: string, value: XValue];

export function xml(nodes: XNode[]): string {
  return nodes.map(([name, value]) => node(name, value)).join("");
}

function node(name: string, value: XValue): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.length === 0 ? "" : `<${name}>${xml(value)}</${name}>`;
  const text = typeof value === "number" ? formatNumber(value) : escapeXml(value);
  return text === "" ? `<${name} />` : `<${name}>${text}</${name}>`;
}

/** A double as .NET prints it: shortest round-trip, no trailing zeros, never "-0". */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

export function errorsNode(errors: Obs[]): XNode {
  return ["Errors", errors.map((e): XNode => ["Err", [["Code", e.code], ["Msg", e.msg]]])];
}

export function observacionesNode(obs: Obs[]): XNode {
  return ["Observaciones", obs.map((o): XNode => ["Obs", [["Code", o.code], ["Msg", o.msg]]])];
}

/**
 * The result of a method that failed before producing data: the required ints it echoes as 0 (what ARCA does for
 * FECompUltimoAutorizado and FECompTotXRequest), then Errors.
 */
export function errorResult(method: string, errors: Obs[]): string {
  const zeros: Record<string, XNode[]> = {
    FECompUltimoAutorizado: [
      ["PtoVta", 0],
      ["CbteTipo", 0],
      ["CbteNro", 0],
    ],
    FECompTotXRequest: [["RegXReq", 0]],
  };
  return xml([...(zeros[method] ?? []), errorsNode(errors)]);
}
