// WSFEv1's parameter tables, as homologación returns them (ids, descriptions and FchDesde from recorded answers;
// FchHasta is the literal string "NULL"), plus the rules the sandbox derives from them.

export type CatalogRow = { id: number | string; desc: string; fchDesde: string };

export const CBTE_TIPOS: CatalogRow[] = [
  [1, "Factura A"],
  [2, "Nota de Débito A"],
  [3, "Nota de Crédito A"],
  [6, "Factura B"],
  [7, "Nota de Débito B"],
  [8, "Nota de Crédito B"],
  [4, "Recibos A"],
  [5, "Notas de Venta al contado A"],
  [9, "Recibos B"],
  [10, "Notas de Venta al contado B"],
  [63, "Liquidacion A"],
  [64, "Liquidacion B"],
  [34, "Cbtes. A del Anexo I, Apartado A,inc.f),R.G.Nro. 1415"],
  [35, "Cbtes. B del Anexo I,Apartado A,inc. f),R.G. Nro. 1415"],
  [39, "Otros comprobantes A que cumplan con R.G.Nro. 1415"],
  [40, "Otros comprobantes B que cumplan con R.G.Nro. 1415"],
  [60, "Cta de Vta y Liquido prod. A"],
  [61, "Cta de Vta y Liquido prod. B"],
  [11, "Factura C", "20110330"],
  [12, "Nota de Débito C", "20110330"],
  [13, "Nota de Crédito C", "20110330"],
  [15, "Recibo C", "20110330"],
  [49, "Comprobante de Compra de Bienes Usados a Consumidor Final", "20130401"],
  [51, "Factura M", "20150522"],
  [52, "Nota de Débito M", "20150522"],
  [53, "Nota de Crédito M", "20150522"],
  [54, "Recibo M", "20150522"],
  [201, "Factura de Crédito electrónica MiPyMEs (FCE) A", "20181226"],
  [202, "Nota de Débito electrónica MiPyMEs (FCE) A", "20181226"],
  [203, "Nota de Crédito electrónica MiPyMEs (FCE) A", "20181226"],
  [206, "Factura de Crédito electrónica MiPyMEs (FCE) B", "20181226"],
  [207, "Nota de Débito electrónica MiPyMEs (FCE) B", "20181226"],
  [208, "Nota de Crédito electrónica MiPyMEs (FCE) B", "20181226"],
  [211, "Factura de Crédito electrónica MiPyMEs (FCE) C", "20181226"],
  [212, "Nota de Débito electrónica MiPyMEs (FCE) C", "20181226"],
  [213, "Nota de Crédito electrónica MiPyMEs (FCE) C", "20181226"],
].map(([id, desc, fchDesde]) => ({ id: id as number, desc: desc as string, fchDesde: (fchDesde as string | undefined) ?? "20100917" }));

const PROVINCIAL_CI: [number, string, string][] = [
  [0, "CI Policía Federal", "20080725"],
  [1, "CI Buenos Aires", "20080725"],
  [2, "CI Catamarca", "20080725"],
  [3, "CI Córdoba", "20080725"],
  [4, "CI Corrientes", "20080728"],
  [5, "CI Entre Ríos", "20080728"],
  [6, "CI Jujuy", "20080728"],
  [7, "CI Mendoza", "20080728"],
  [8, "CI La Rioja", "20080728"],
  [9, "CI Salta", "20080728"],
  [10, "CI San Juan", "20080728"],
  [11, "CI San Luis", "20080728"],
  [12, "CI Santa Fe", "20080728"],
  [13, "CI Santiago del Estero", "20080728"],
  [14, "CI Tucumán", "20080728"],
  [16, "CI Chaco", "20080728"],
  [17, "CI Chubut", "20080728"],
  [18, "CI Formosa", "20080728"],
  [19, "CI Misiones", "20080728"],
  [20, "CI Neuquén", "20080728"],
  [21, "CI La Pampa", "20080728"],
  [22, "CI Río Negro", "20080728"],
  [23, "CI Santa Cruz", "20080728"],
  [24, "CI Tierra del Fuego", "20080728"],
];

export const DOC_TIPOS: CatalogRow[] = [
  ...(
    [
      [80, "CUIT"],
      [86, "CUIL"],
      [87, "CDI"],
      [89, "LE"],
      [90, "LC"],
      [91, "CI Extranjera"],
      [92, "en trámite"],
      [93, "Acta Nacimiento"],
      [95, "CI Bs. As. RNP"],
      [96, "DNI"],
      [94, "Pasaporte"],
    ] as [number, string][]
  ).map(([id, desc]) => ({ id, desc, fchDesde: "20080725" })),
  ...PROVINCIAL_CI.map(([id, desc, fchDesde]) => ({ id, desc, fchDesde })),
  { id: 99, desc: "Doc. (Otro)", fchDesde: "20080728" },
];

export const CONCEPTOS: CatalogRow[] = [
  { id: 1, desc: "Producto", fchDesde: "20100917" },
  { id: 2, desc: "Servicios", fchDesde: "20100917" },
  { id: 3, desc: "Productos y Servicios", fchDesde: "20100917" },
];

/** AlicIva ids and their rates (10051 needs the number). */
export const IVA_RATES: Record<number, number> = { 3: 0, 4: 0.105, 5: 0.21, 6: 0.27, 8: 0.05, 9: 0.025 };

export const IVA_TIPOS: CatalogRow[] = [
  { id: "3", desc: "0%", fchDesde: "20090220" },
  { id: "4", desc: "10.5%", fchDesde: "20090220" },
  { id: "5", desc: "21%", fchDesde: "20090220" },
  { id: "6", desc: "27%", fchDesde: "20090220" },
  { id: "8", desc: "5%", fchDesde: "20141020" },
  { id: "9", desc: "2.5%", fchDesde: "20141020" },
];

export const MONEDAS: CatalogRow[] = (
  [
    ["PES", "Pesos Argentinos", "20090403"],
    ["DOL", "Dólar Estadounidense", "20090403"],
    ["002", "Dólar Libre EEUU", "20090416"],
    ["007", "Florines Holandeses", "20090403"],
    ["010", "Pesos Mejicanos", "20090403"],
    ["011", "Pesos Uruguayos", "20090403"],
    ["014", "Coronas Danesas", "20090403"],
    ["015", "Coronas Noruegas", "20090403"],
    ["016", "Coronas Suecas", "20090403"],
    ["018", "Dólar Canadiense", "20090403"],
    ["019", "Yens", "20090403"],
    ["021", "Libra Esterlina", "20090403"],
    ["023", "Bolívar Venezolano", "20090403"],
    ["024", "Corona Checa", "20090403"],
    ["025", "Dinar Yugoslavo", "20090403"],
    ["026", "Dólar Australiano", "20090403"],
    ["027", "Dracma Griego", "20090403"],
    ["028", "Florín (Antillas Holandesas)", "20090403"],
    ["029", "Güaraní", "20090403"],
    ["031", "Peso Boliviano", "20090403"],
    ["032", "Peso Colombiano", "20090403"],
    ["033", "Peso Chileno", "20090403"],
    ["034", "Rand Sudafricano", "20090403"],
    ["036", "Sucre Ecuatoriano", "20090403"],
    ["051", "Dólar de Hong Kong", "20090403"],
    ["052", "Dólar de Singapur", "20090403"],
    ["053", "Dólar de Jamaica", "20090403"],
    ["054", "Dólar de Taiwan", "20090403"],
    ["055", "Quetzal Guatemalteco", "20090403"],
    ["056", "Forint (Hungría)", "20090403"],
    ["057", "Baht (Tailandia)", "20090403"],
    ["059", "Dinar Kuwaiti", "20090403"],
    ["012", "Real", "20090403"],
    ["030", "Shekel (Israel)", "20090403"],
    ["035", "Nuevo Sol Peruano", "20090403"],
    ["060", "Euro", "20090403"],
    ["040", "Lei Rumano", "20090415"],
    ["042", "Peso Dominicano", "20090415"],
    ["043", "Balboas Panameñas", "20090415"],
    ["044", "Córdoba Nicaragüense", "20090415"],
    ["045", "Dirham Marroquí", "20090415"],
    ["046", "Libra Egipcia", "20090415"],
    ["047", "Riyal Saudita", "20090415"],
    ["061", "Zloty Polaco", "20090415"],
    ["062", "Rupia Hindú", "20090415"],
    ["063", "Lempira Hondureña", "20090415"],
    ["064", "Yuan (Rep. Pop. China)", "20090415"],
    ["009", "Franco Suizo", "20091110"],
    ["041", "Derechos Especiales de Giro", "20100125"],
    ["049", "Gramos de Oro Fino", "20100125"],
  ] as [string, string, string][]
).map(([id, desc, fchDesde]) => ({ id, desc, fchDesde }));

export const TRIBUTOS: CatalogRow[] = [
  { id: 1, desc: "Impuestos nacionales", fchDesde: "20100917" },
  { id: 2, desc: "Impuestos provinciales", fchDesde: "20100917" },
  { id: 3, desc: "Impuestos municipales", fchDesde: "20100917" },
  { id: 4, desc: "Impuestos Internos", fchDesde: "20100917" },
  { id: 99, desc: "Otro", fchDesde: "20100917" },
  { id: 5, desc: "IIBB", fchDesde: "20170719" },
  { id: 6, desc: "Percepción de IVA", fchDesde: "20170719" },
  { id: 7, desc: "Percepción de IIBB", fchDesde: "20170719" },
  { id: 8, desc: "Percepciones por Impuestos Municipales", fchDesde: "20170719" },
  { id: 9, desc: "Otras Percepciones", fchDesde: "20170719" },
  { id: 13, desc: "Percepción de IVA a no Categorizado", fchDesde: "20170719" },
];

/** RG 5616 receiver conditions and the classes each may receive (ARGENTINA.md §2.5; ALEY = A con leyenda, 51–54). */
export const CONDICIONES_IVA_RECEPTOR: { id: number; desc: string; classes: string[] }[] = [
  { id: 1, desc: "IVA Responsable Inscripto", classes: ["A", "ALEY", "C"] },
  { id: 6, desc: "Responsable Monotributo", classes: ["A", "ALEY", "C"] },
  { id: 13, desc: "Monotributista Social", classes: ["A", "ALEY", "C"] },
  { id: 16, desc: "Monotributo Trabajador Independiente Promovido", classes: ["A", "ALEY", "C"] },
  { id: 4, desc: "IVA Sujeto Exento", classes: ["B", "C"] },
  { id: 7, desc: "Sujeto No Categorizado", classes: ["B", "C"] },
  { id: 8, desc: "Proveedor del Exterior", classes: ["B", "C"] },
  { id: 9, desc: "Cliente del Exterior", classes: ["B", "C"] },
  { id: 10, desc: "IVA Liberado – Ley N° 19.640", classes: ["B", "C"] },
  { id: 15, desc: "IVA No Alcanzado", classes: ["B", "C"] },
  { id: 5, desc: "Consumidor Final", classes: ["B", "C", "49"] },
];

export type CbteClass = "A" | "B" | "C";

export function classOf(cbteTipo: number): CbteClass | undefined {
  if ([1, 2, 3].includes(cbteTipo)) return "A";
  if ([6, 7, 8].includes(cbteTipo)) return "B";
  if ([11, 12, 13].includes(cbteTipo)) return "C";
  return undefined;
}

export const CREDIT_NOTES = new Set([3, 8, 13]);
export const DEBIT_NOTES = new Set([2, 7, 12]);

/** Associations allowed by 10040 (manual v4.x): what each type may list in CbtesAsoc. 88/991 are remitos. */
export const ALLOWED_ASSOCIATIONS: Record<number, number[]> = {
  1: [88, 991],
  6: [88, 991],
  11: [],
  2: [1, 2, 3, 4, 5, 34, 39, 60, 63, 88, 991],
  3: [1, 2, 3, 4, 5, 34, 39, 60, 63, 88, 991],
  7: [6, 7, 8, 9, 10, 35, 40, 61, 64, 88, 991],
  8: [6, 7, 8, 9, 10, 35, 40, 61, 64, 88, 991],
  12: [11, 12, 13, 15],
  13: [11, 12, 13, 15],
};

/** Remitos: associable, but not comprobantes this WSFE stores, so their existence is not checked. */
export const REMITO_TYPES = new Set([88, 991]);
