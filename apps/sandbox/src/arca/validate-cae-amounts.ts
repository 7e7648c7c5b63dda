import { IVA_RATES, TRIBUTOS, type CbteClass } from "./catalogs.ts";
import type { CaeDetail } from "./read-cae-request.ts";

// FECAESolicitar's amounts: precision (10056), totals (10048), IVA (10018–10070) and Tributos (10024–10042). Sums
// must add up to the cent: stricter than ARCA's documented margin (0.01 × items or 0.01 % relative), on purpose, so
// rounding slips surface here first; each AlicIva.Importe may differ from BaseImp × rate by 0.01, as in ARCA.

export type Reject = (code: number, msg: string) => void;

function amountFields(d: CaeDetail): [string, number][] {
  return [
    ["ImpTotal", d.impTotal],
    ["ImpTotConc", d.impTotConc],
    ["ImpNeto", d.impNeto],
    ["ImpOpEx", d.impOpEx],
    ["ImpTrib", d.impTrib],
    ["ImpIVA", d.impIva],
    ...(d.iva ?? []).flatMap((a): [string, number][] => [
      [`AlicIva(${a.id}).BaseImp`, a.baseImp],
      [`AlicIva(${a.id}).Importe`, a.importe],
    ]),
    ...(d.tributos ?? []).flatMap((t): [string, number][] => [
      [`Tributo(${t.id}).BaseImp`, t.baseImp],
      [`Tributo(${t.id}).Importe`, t.importe],
    ]),
  ];
}

function hasTwoDecimals(value: number): boolean {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e13) return false;
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-6 + Math.abs(scaled) * 4 * Number.EPSILON;
}

export const cents = (value: number): number => Math.round(value * 100);
export const money = (c: number): string => (c / 100).toFixed(2);

/** 10056 first: with a bad amount the sums are meaningless. */
export function checkPrecision(d: CaeDetail, reject: Reject): boolean {
  const bad = amountFields(d).filter(([, v]) => !hasTwoDecimals(v));
  if (bad.length > 0) {
    reject(10056, `Los importes se informan con hasta 13 enteros y 2 decimales; no cumplen: ${bad.map(([name]) => name).join(", ")}.`);
    return false;
  }
  if (d.impTotal < 0) reject(10065, "El campo ImpTotal no puede ser negativo.");
  return true;
}

export function checkAmounts(d: CaeDetail, cls: CbteClass, reject: Reject): void {
  const total = cents(d.impTotal);
  const totConc = cents(d.impTotConc);
  const neto = cents(d.impNeto);
  const opEx = cents(d.impOpEx);
  const trib = cents(d.impTrib);
  const iva = cents(d.impIva);

  if (cls === "C") {
    if (totConc !== 0) reject(10043, "Para comprobantes clase C el campo ImpTotConc debe ser 0.");
    if (opEx !== 0) reject(10044, "Para comprobantes clase C el campo ImpOpEx debe ser 0.");
    if (iva !== 0) reject(10047, "Para comprobantes clase C el campo ImpIVA debe ser 0.");
    if (d.iva !== undefined) reject(10071, "Para comprobantes clase C no debe informarse el array Iva.");
    if (total !== neto + trib) reject(10048, `Para comprobantes clase C, ImpTotal (${money(total)}) debe ser igual a ImpNeto + ImpTrib (${money(neto + trib)}).`);
  } else {
    if (total !== totConc + neto + opEx + trib + iva) {
      reject(10048, `El campo ImpTotal (${money(total)}) debe ser igual a ImpTotConc + ImpNeto + ImpOpEx + ImpTrib + ImpIVA (${money(totConc + neto + opEx + trib + iva)}).`);
    }
    checkIva(d, neto, iva, reject);
  }
  checkTributos(d, trib, reject);
}

function checkIva(d: CaeDetail, neto: number, iva: number, reject: Reject): void {
  const rows = d.iva;
  if (rows === undefined || rows.length === 0) {
    if (neto > 0) reject(10070, "Si ImpNeto es mayor a 0, el array Iva es obligatorio (con Id 3 si la alicuota es 0%).");
    else if (iva > 0) reject(10018, "Si ImpIVA es mayor a 0, el array Iva es obligatorio.");
    else if (rows !== undefined) reject(10018, "El array Iva, si se informa, debe contener al menos un AlicIva.");
    return;
  }
  const ids = rows.map((r) => r.id);
  if (new Set(ids).size !== ids.length) reject(10022, "No se pueden repetir alicuotas (Id) en el array Iva: hay que totalizar por alicuota.");
  for (const row of rows) {
    const rate = IVA_RATES[row.id];
    if (rate === undefined) {
      reject(10019, `El Id ${row.id} de AlicIva no es valido. Consultar metodo FEParamGetTiposIva.`);
      continue;
    }
    const expected = cents(row.baseImp) * rate;
    if (Math.abs(cents(row.importe) - expected) > 1 + 1e-9) {
      reject(10051, `El Importe de la alicuota ${row.id} (${money(cents(row.importe))}) no se corresponde con BaseImp x ${rate * 100}% (${(expected / 100).toFixed(4)}).`);
    }
  }
  const bases = rows.reduce((acc, r) => acc + cents(r.baseImp), 0);
  const importes = rows.reduce((acc, r) => acc + cents(r.importe), 0);
  if (neto !== bases) reject(10061, `El campo ImpNeto (${money(neto)}) debe ser igual a la suma de BaseImp del array Iva (${money(bases)}).`);
  if (iva !== importes) reject(10023, `El campo ImpIVA (${money(iva)}) debe ser igual a la suma de Importe del array Iva (${money(importes)}).`);
}

function checkTributos(d: CaeDetail, trib: number, reject: Reject): void {
  const rows = d.tributos ?? [];
  if (trib > 0 && rows.length === 0) {
    reject(10024, "Si ImpTrib es mayor a 0, el array Tributos es obligatorio.");
    return;
  }
  if (trib === 0 && rows.length > 0) reject(10024, "Si ImpTrib es 0, el array Tributos no debe informarse.");
  for (const row of rows) {
    if (!TRIBUTOS.some((t) => t.id === row.id)) reject(10025, `El Id ${row.id} de Tributo no es valido. Consultar metodo FEParamGetTiposTributos.`);
    else if (row.id === 99 && !row.desc?.trim()) reject(10042, "Si el Id de Tributo es 99 (Otro), el campo Desc es obligatorio.");
  }
  const sum = rows.reduce((acc, r) => acc + cents(r.importe), 0);
  if (rows.length > 0 && sum !== trib) reject(10029, `El campo ImpTrib (${money(trib)}) debe ser igual a la suma de Importe del array Tributos (${money(sum)}).`);
}
