import type { EmergencyKind } from "./types";

export type EmergencyDetection = { kind: EmergencyKind; signals: string[] };

// Danger cues, matched on normalized text (lowercase, no accents: "caño" is "cano", "mañana" is "manana").
const GAS_WORD = /\bgas\b(?<!\bcarga de gas)/;
// Any smell next to something that burns gas is treated as gas: customers often never write the word "gas".
const GAS_APPLIANCE = /\b(?:canos? amarillos?|llave de gas|regulador|garrafa|hornallas?|horno|perillas?|calefon|termotanque|estufas?|calefactor(?:es)?|medidor|piloto|anafe|cocina a gas)\b/;
const GAS_SMELL = /\b(?:olor (?:a|de) gas|olor gas|(?:huele|olia|oliendo|se siente|siento|sentimos) (?:\w+ ){0,2}a gas|tufo a gas)\b/;
const SMELL = /\b(?:huele|olor|olorcito|tufo|oliendo|olia|oler)\b(?! a (?:quemado|humedad|cloaca|podrido|pis|comida))/;
// Gas escaping is heard before it is smelled: a hiss from a gas pipe or appliance.
const HISS = /\b(?:silb\w*|chifl\w*|ps+s|fss+|chss+)\b/;
const GAS_LEAK = /\b(?:perdidas?|fugas?|escape|perdiendo) de gas\b|\b(?:pierde|sale|larga|escapa|se escapa|sale el|pierde el) gas\b/;

const SPARKS = /\b(?:chisp\w*|chisporrot\w*)\b/;
// Smoke coming out of anything in a house is a danger; what is smoking only decides the kind.
const SMOKE = /\b(?:hum(?:o|ito|areda)|humea\w*)\b(?! de (?:cigarr\w*|asado|parrilla))/;
const BURNING = /\b(?:olor a (?:\w+ )?quemado|huele a (?:\w+ )?quemado|se (?:esta )?quemando|quemandose|prendio fuego|fuego|incendi\w*|llamarada|derrit\w*|derreti\w*)\b/;
// Wiring that overheats is the step before it burns.
const OVERHEATING = /\b(?:recalent\w*|muy caliente|re caliente|hirviendo|quema al tocar)\b/;
// A socket or board that is hot or hums is overheating too, even without "muy".
const HOT_OR_HUMMING = /\b(?:esta caliente|estan calientes|se calienta|se calientan|calentandose|zumb\w*)\b/;
const ELECTRIC_FIXTURE = /\b(?:enchufes?|tomas?|tomacorrientes?|tablero|cables?|termica|disyuntor)\b/;
// Something glowing inside a meter, board or socket is burning or arcing.
const GLOW = /\b(?:resplandor|brasa|incandescente|al rojo|rojo vivo|luz naranja|brillo naranja|se ve fuego)\b/;
const BLEW_UP = /\b(?:exploto|estallo|revento) (?:\w+ ){0,2}(?:enchufe|toma|tablero|termica|cable|transformador|disyuntor)\b/;
// Diminutives count: "me da una patadita" is the same shock as "da patada".
const SHOCK = /\b(?:patad\w*|(?:da|dio|tiene|hay|pasa|me da|me dio) (?:una |la )?(?:corriente|descarga|calambre\w*)|electrocut\w*|electrific\w*)\b/;
const ELECTRIC_THING = /\b(?:enchufes?|tomas?|tomacorrientes?|tablero|cables?|termica|disyuntor|ventilador|electric\w*|luz|lampara|heladera|lavarropas|microondas)\b/;

const INUNDATION = /\b(?:inund\w*|se (?:\w+ )?revent\w*|revent(?:o|ado|ada|aron)|desbord\w*)\b/;
const HEAVY_FLOW = /\b(?:a borbotones|borbot\w*|a mares|a baldes|a chorros|chorros?|mucha agua|mucho agua|muchisima agua|por todos lados|a lo loco|como loco|como loca|a presion|sin parar|no para|cascada|no (?:puedo|podemos|puedo) cerrar|no (?:encuentro|encontramos) la llave|no se corta|hasta los tobillos|un monton de agua|litros y litros|se (?:esta )?(?:mojando|llenando de agua) todo|todo (?:mojado|inundado)|todo el piso|un lago)\b/;
// Water reaching other rooms is a flood whatever words describe the leak.
const SPREADING = /\bagua\b.{0,60}\b(?:llegando|llega|entrando|entra|pasando|pasa|corriendo) (?:al|a la|hasta el|hasta la|para el|para la|en el|en la) (?:living|comedor|cocina|cuarto|dormitorio|pieza|pasillo|garage|garaje|casa|departamento|depto|vecino|vecina|ascensor|palier)\b/;
// A pipe or hose that broke and is pouring water now, or standing water measured in centimetres.
const BURST = /\b(?:salio|rompio|rompieron|partio|revento|rajo|solto|salto|roto|rota|partido|partida)\b/;
const POURING = /\b(?:saliendo|sale|salen|largando|larga|tirando|chorrea\w*|brota\w*|corre)\b(?!.{0,20}\b(?:poquito|un poco|gotas?|apenas)\b)/;
const INDOOR_WATER = /\bcharcos? (?:en|por) (?:el|la|todo el|toda la) (?:comedor|living|cocina|cuarto|dormitorio|pieza|pasillo|casa|departamento|depto)\b|\b(?:llueve|llovia|se llueve) (?:adentro|dentro)\b|\btecho\b.{0,40}\b(?:en|por) todos lados\b/;
const STANDING_WATER = /\b\d+ ?(?:cm|centimetros|dedos) de agua\b|\blleno de agua\b|\b(?:piso|lavadero|cocina|bano|patio|living|garage|sotano) (?:con|lleno de|tapado de) agua\b/;
// A room filling with water: "se está llenando todo de agua", "la cocina se llena de agua".
const FILLING = /\bse (?:esta |me esta |nos esta |me |nos )?llen(?:a|ando|o) (?:todo |toda )?(?:\w+ ){0,3}de agua\b|\b(?:cocina|bano|living|pieza|casa|lavadero|comedor|sotano|garage|garaje|depto|departamento) se (?:esta |nos esta |me esta )?llen(?:a|ando|o)\b/;
const WATER_OR_BREAK = /\b(?:agua|roto|rota|rompio|rompieron|rajo|rajado|partio|partido)\b/;

const NO_POWER = /\b(?:sin luz|se (?:me |nos )?corto la luz|se (?:me |nos )?fue la luz|no (?:tengo|tenemos|hay) luz|nos quedamos sin luz|me quede sin luz|no vuelve la luz|corte de luz|sin electricidad|sin energia)\b/;
const DEPENDENT = /\b(?:electrodependientes?|oxigeno|respirador|concentrador|dialisis|asistencia respiratoria|cpap|bipap)\b/;
const FALLEN_CABLE = /\bcables?\b(?:\s\w+){0,4}\s(?:caidos?|colgando|sueltos?|cortados?|pelados?|tocando el agua|en el agua|en la pileta)\b|\b(?:se )?(?:cayo|cayeron) (?:un |el |los |unos )?cables?\b/;
const FALLEN_LINE = /\b(?:cables?|poste|columna de (?:luz|alumbrado))\b.{0,40}\b(?:caidos?|caida|colgando|cayo|cayeron)\b|\b(?:cayo|cayeron|se vino abajo) (?:\w+ ){0,4}(?:cables?|poste|columna de (?:luz|alumbrado))\b/;
const WET = /\b(?:agua|mojad\w*|humed\w*)\b/;

const CO_ALARM = /\b(?:detector|alarma|sensor) (?:de )?(?:co|monoxido)\b|\b(?:aparat\w*|detector|alarma|sensor|coso)\b.{0,40}\b(?:co|monoxido)\b/;
const ALARM_SOUNDING = /\b(?:suena|sonando|sono|pita|pitando|pitar|pitido|salto|se activo|activada|marca \d+)\b/;
const MONOXIDE = /\bmonoxido\b/;
const SYMPTOMS = /\b(?:muy dormid\w*|no (?:se )?despierta\w*|le cuesta despertar\w*|no reacciona|con sueno|mucho sueno|somnolient\w*|aturdid\w*|se (?:siente|sienten|sentia) mal|nos sentimos mal|me siento mal|dolor de cabeza|duele (?:\w+ )?la cabeza|mareos?|mareados?|mareadas?|mareo|se mareo|nos mareamos|nauseas?|vomit\w*|desmay\w*|somnolencia|intoxica\w*|descompuest\w*|se descompu\w*|se desvanec\w*)\b/;
const COMBUSTION = /\b(?:calefactor(?:es)?|calefon|brasero|estufas?|tiro balanceado|salamandra|hornallas?|horno|piloto|caldera|pantalla|llama amarilla|hollin)\b/;

const URGENT = /\b(?:urgente|urgencia|emergencia|ayuda|auxilio|socorro|vengan ya|vengan rapido)\b/;
const HAZARDS: [EmergencyKind, RegExp][] = [
  ["gas", /\b(?:gas|garrafa|gasista)\b(?<!\bcarga de gas)/],
  ["carbon_monoxide", /\b(?:monoxido|calefactor|brasero|estufa|calefon|termotanque|hornallas?|tiro balanceado)\b/],
  ["electrical", /\b(?:cables?|enchufes?|tomas?|tablero|electric\w*|chisp\w*|corriente|termica)\b/],
  ["flood", /\b(?:agua|cano|canos|inund\w*|perdida)\b/],
];

// A danger that is over ("ya lo arregló metrogas", "ya no hay olor") or imagined ("¿qué hago si siento olor a gas?")
// is not an emergency — unless it came back ("de nuevo", "sigue el olor").
const RESOLVED = /\bya (?:lo |la |los )?(?:arreglo|arreglaron|arreglamos|reparo|repararon|solucion\w*|cambiaron|cambiamos|cerramos|vino|vinieron|paso|bajo|paro|se seco|se fue)\b|\bya no (?:hay|huele|sale|tengo|tenemos|sentimos)\b|\b(?:ya|despues|luego|al rato|enseguida) se fue\b|\bse fue (?:el|la|los|las) (?:olor|olorcito|humo|agua|chispas?|pierde|perdida)\b|\bya esta (?:bien|solucionado|arreglado)\b|\bquedo perfecto\b/;
// An episode placed weeks back ("el mes pasado sentimos olor", "la semana pasada saltó un chispazo") is history the
// customer wants checked, not a danger now — unless it is still going on or came back.
const PAST_EPISODE = /\b(?:el|la) (?:mes|semana|ano|invierno|verano) pasad[oa]\b|\bhace (?:\w+ )?(?:meses|semanas|anos|un mes|una semana|un ano)\b|\bdesde ese dia\b/;
const STILL_NOW = /\b(?:ahora|hoy|ahora mismo|en este momento|sigue|siguen|todavia|de nuevo|otra vez|volvio|vuelve)\b/;
// A CO detector chirping for its battery is maintenance, not carbon monoxide.
const LOW_BATTERY = /\b(?:pila|pilas|bateria|lo bat|low bat|low battery)\b/;
// "…y ahora hay olor a gas, ¿qué hago?": a question about a danger that is there now is not a what-if.
const HAPPENING_NOW = /\bahora (?:hay|huele|sale|tengo|tenemos|siento|sentimos|esta|se siente)\b/;
const CAME_BACK = /\b(?:otra vez|de nuevo|volvio|vuelve|sigue|siguen|todavia|ahora (?:hay|huele|sale|tengo))\b/;
const HYPOTHETICAL = /(?<!\bno se )\bsi (?:\w+ ){1,8}(?:que (?:hago|tengo que hacer|hay que hacer|debo hacer|deberia hacer|se hace)|como (?:actuo|me doy cuenta))\b|\b(?:que (?:hago|hacer|tengo que hacer|se hace|hay que hacer)|como (?:me doy cuenta|se detecta|saber|se si)) (?:si|cuando|en caso)\b|\ben caso de\b|\bsi (?:llegara|llego a|llegase|hubiera|alguna vez|algun dia)\b/;
// "no hay olor a gas", "sin humo": a negation right before a cue cancels that cue.
const NEGATED_BEFORE = /\b(?:no|sin|ni|nunca|ya no|nadie)(?: \w+){0,2} $/;

function present(s: string, pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, "g");
  for (const m of s.matchAll(global)) if (!NEGATED_BEFORE.test(s.slice(Math.max(0, m.index - 25), m.index))) return true;
  return false;
}

// Recognizes a danger happening now in a normalized message, and its kind. Recall comes first: every real
// emergency must be caught, so the cues are broad and only clearly-past, hypothetical or negated mentions are
// dropped. Kinds are checked from the deadliest to the least (gas before flood) when several apply.
export function detectEmergency(normalized: string): EmergencyDetection | null {
  const s = normalized;
  if (HYPOTHETICAL.test(s)) return null;
  if (dismissal(s)) return null;

  const signals: string[] = [];
  const found = new Set<EmergencyKind>();
  const flag = (kind: EmergencyKind, signal: string) => {
    found.add(kind);
    signals.push(signal);
  };

  if (present(s, GAS_SMELL)) flag("gas", "gas:smell");
  else if ((GAS_WORD.test(s) || GAS_APPLIANCE.test(s)) && present(s, SMELL)) flag("gas", "gas:smell-near-gas");
  if (present(s, GAS_LEAK)) flag("gas", "gas:leak");
  if (HISS.test(s) && (GAS_WORD.test(s) || GAS_APPLIANCE.test(s))) flag("gas", "gas:hiss");

  const symptoms = present(s, SYMPTOMS);
  if (CO_ALARM.test(s) && ALARM_SOUNDING.test(s) && !(LOW_BATTERY.test(s) && !CAME_BACK.test(s))) flag("carbon_monoxide", "co:alarm");
  if (MONOXIDE.test(s) && (symptoms || /\bhay monoxido\b/.test(s))) flag("carbon_monoxide", "co:monoxide");
  if (symptoms && COMBUSTION.test(s)) flag("carbon_monoxide", "co:symptoms+appliance");

  const noPower = NO_POWER.test(s);
  const fallen = present(s, FALLEN_CABLE);
  if (noPower && present(s, DEPENDENT)) flag("no_power_risk", "power:electro-dependent");
  if (FALLEN_LINE.test(s)) flag("no_power_risk", "power:fallen-cable");
  if (noPower && (fallen || (WET.test(s) && ELECTRIC_THING.test(s)))) flag("no_power_risk", "power:wet-or-loose-cables");

  if (present(s, SPARKS)) flag("electrical", "electrical:sparks");
  if (present(s, SMOKE)) flag(COMBUSTION.test(s) && !ELECTRIC_THING.test(s) ? "carbon_monoxide" : "electrical", "electrical:smoke");
  if (present(s, BURNING)) flag("electrical", "electrical:burning");
  if (present(s, SHOCK)) flag("electrical", "electrical:shock");
  if (present(s, BLEW_UP)) flag("electrical", "electrical:blew-up");
  if (present(s, GLOW) && (ELECTRIC_FIXTURE.test(s) || /\bmedidor de luz\b|\bmedidor\b/.test(s))) flag("electrical", "electrical:glow");
  if (present(s, OVERHEATING) && ELECTRIC_THING.test(s)) flag("electrical", "electrical:overheating");
  if (present(s, HOT_OR_HUMMING) && ELECTRIC_FIXTURE.test(s)) flag("electrical", "electrical:hot-fixture");

  if (present(s, INUNDATION)) flag("flood", "flood:inundation");
  if (HEAVY_FLOW.test(s) && WATER_OR_BREAK.test(s)) flag("flood", "flood:heavy-flow");
  if (SPREADING.test(s)) flag("flood", "flood:spreading");
  if (present(s, STANDING_WATER)) flag("flood", "flood:standing-water");
  if (present(s, INDOOR_WATER)) flag("flood", "flood:indoor-water");
  if (present(s, FILLING)) flag("flood", "flood:filling");
  if (BURST.test(s) && /\b(?:agua|cano|canos|manguera|flexible|canilla|llave de paso|tanque)\b/.test(s) && POURING.test(s) && !/\b(?:gotea\w*|poquito|un poco)\b/.test(s)) {
    flag("flood", "flood:burst-pouring");
  }

  // Safety net for wordings no lexicon foresaw: the customer says it is urgent and names a hazardous trade.
  if (found.size === 0 && present(s, URGENT)) {
    const hazard = HAZARDS.find(([, pattern]) => pattern.test(s));
    if (hazard) flag(hazard[0], "urgent+hazard");
  }

  const order: EmergencyKind[] = ["gas", "carbon_monoxide", "no_power_risk", "electrical", "flood"];
  const kind = order.find((k) => found.has(k));
  return kind ? { kind, signals } : null;
}

// Why a message that talks about a danger does not describe one happening now: imagined, over, or long past. The
// learned model does not read tense well, so a danger it sees in such a message is asked about, not escalated.
export function dismissal(normalized: string): "hypothetical" | "resolved" | "past" | null {
  if (HYPOTHETICAL.test(normalized) && !HAPPENING_NOW.test(normalized)) return "hypothetical";
  if (RESOLVED.test(normalized) && !CAME_BACK.test(normalized)) return "resolved";
  if (PAST_EPISODE.test(normalized) && !STILL_NOW.test(normalized)) return "past";
  return null;
}

// The trade a message touches that can turn dangerous (gas, combustion, electricity, water), when no emergency was
// recognized: the assistant asks instead of guessing (a wording no lexicon foresaw must not pass silently).
export function mentionedHazard(normalized: string): EmergencyKind | null {
  return HAZARDS.find(([, pattern]) => pattern.test(normalized))?.[0] ?? null;
}
