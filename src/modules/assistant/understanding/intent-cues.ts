// Cue lexicons for classifyIntent, matched on normalized text (lowercase, no accents, abbreviations expanded).
// Each cue has a name that ends up in the result's `signals`, so a wrong answer can be traced to the cue behind it.
export type Cue = [name: string, pattern: RegExp];

export const HANDOFF_CUES: Cue[] = [
  ["talk-to", /\bhabl(?:ar|o|amos|e) (?:directo |directamente |personalmente )?con\b(?! mi\b)/],
  ["attend-me", /\b(?:me )?(?:puede|pueden|podra|podria) atender alguien\b|\balguien (?:del local|de la empresa|de la oficina)\b/],
  ["put-me-through", /\b(?:contactas|contactan|contactame|contactarme|contactar|pasame|pasas|pasar|pasarme|pasa|pasen|comunicas|comunican|comunicar|comunicarme|derivar|derivame|derivas) con\b/],
  ["person", /\b(?:persona|humano|humana|operador|operadora|asesor|asesora|alguien real|persona real|el dueno|la duena|el jefe|el encargado)\b/],
  ["bot", /\b(?:bot|robot|contestador|respuesta automatica|(?:sos|es|sea) una maquina)\b/],
  ["call-me", /\b(?:una llamada|llamada telefonica|llamado|llamame|llamenme|llamarme|me (?:llaman|llama|llame|llamen|llamas|pueden llamar|podes llamar|podrian llamar|podrias llamar|puede llamar))\b/],
  ["phone-number", /\b(?:numero|telefono) (?:para llamar|de telefono|de contacto|fijo)\b|\bpor telefono\b/],
  ["customer-service", /\batencion al cliente\b/],
  ["prefer-talking", /\b(?:prefiero hablar|hablando|hablarlo)\b/],
];

// Moving a booking: a verb of change plus the booking, or a correction of its time.
export const RESCHEDULE_CUES: Cue[] = [
  ["change-booking", /\b(?:cambi\w*|pasar|mover|movemos|muevo|movamos|movelo|reprogram\w*|reagend\w*|posterg\w*|pospon\w*|adelant\w*|modific\w*|corre\w*)\s(?:\w+\s){0,3}(?:turno|visita|dia|horario|hora|fecha|cita)\b/],
  ["reschedule-verb", /\b(?:reprogram\w*|reagend\w*|posterg\w*|pospon\w*|cambiemos)\b/],
  ["move-it", /\blo (?:\w+ )?(?:pasar|pasamos|paso|dejar|dejamos|mover|movemos|correr|corremos|cambiar|cambiamos)\b/],
  ["can-it-move", /\bse (?:puede|podra|podria|podrá) (?:pasar|mover|correr|adelantar|posponer|postergar)\b/],
  ["instead-of-time", /\ben (?:vez|lugar) (?:de|del) (?:a )?(?:la |las |el )?(?:manana|tarde|noche|hoy|\d|lunes|martes|miercoles|jueves|viernes|sabado|domingo)/],
  ["another-day", /\b(?:otro dia|otra fecha|otro horario|cuando mas)\b/],
];
// "No puedo mañana" only moves a booking when the customer also names or asks for another time.
export const UNAVAILABLE = /\bno (?:puedo|voy a estar|voy a poder|llego|estoy|vamos a estar|podemos)\b/;

export const CANCEL_CUES: Cue[] = [
  ["cancel", /\bcancel\w*|\bsin efecto\b|\banul\w*|\bborr(?:a|en|ame|alo|ar|enme)\b(?: \w+){0,2} (?:turno|visita|pedido|cita|trabajo)\b|\b(?:dar|doy|den|da) de baja\b|\bsuspend\w*|\bdesist\w*|\bme bajo\b/],
  ["dont-come", /\bno (?:vengan|venga|vengas|pasen)\b(?! nadie)|\bno se molest\w*\b|\bno hace(?:n)? (?:mas )?falta\b|\bno (?:va|van|vamos) a hacer falta\b/],
  ["no-longer-needed", /\bya no (?:lo |la )?necesit\w*|\bno (?:lo |la )?necesito mas\b|\bno quiero mas (?:el|la|los|las)\b/],
  ["not-going-ahead", /\bal final no (?:hago|hacemos|voy|vamos|lo|la|necesito)\b|\bno (?:vamos|voy) a (?:seguir|hacer|hacerlo)\b|\bno lo (?:vamos|voy) a hacer\b|\bprefiero no seguir\b|\bolvidate\b|\bolvidalo\b/],
  ["hired-someone-else", /\blo (?:llame|contrate) a otro\b|\bconsegui (?:a )?(?:alguien|otro|otra)\b/],
];

export const COMPLAINT_CUES: Cue[] = [
  ["no-show", /\bno (?:vino|vinieron|llego|llegaron|aparecio|aparecieron|paso nadie|vino nadie)\b|\bno viene nadie\b|\bplantad\w*/],
  ["long-wait", /\bhace \w+ (?:horas?|dias?|semanas?) que (?:espero|estoy esperando|les escribo|espero)\b|\bespere toda\b/],
  ["overcharged", /\bcobr\w* de mas\b|\bcobraron\b|\bme cobren\b/],
  ["still-broken", /\bsigue (?:goteando|perdiendo|tapad\w*|sin\b|igual de mal|rot[oa]|fallando|saltando)|\bvolvio a (?:tapar|romper|perder|gotear|cortar|saltar|fallar)\b|\b(?:mas|peor) que antes\b/],
  ["bad-service", /\bno (?:estoy|quede|quedamos) (?:conforme|conformes|satisfech\w*|content\w*)\b|\bno me gusto (?:nada|como)\b|\b(?:un|es un) (?:robo|afano|abuso)\b|\b(?:pesim\w*|malisim\w*|muy mal|mal servicio|disconforme|no (?:lo|los) recomiendo|verguenza|falta de respeto|maleducad\w*|mal educad\w*|irrespetuos\w*|desastre|estafa\w*|chanta\w*|reclamo|queja|indignad\w*|enojad\w*|inadmisible|impresentable|no puede ser|una burla)\b/],
  ["damage", /\b(?:dejo|dejaron) (?:\w+ ){0,3}(?:sucio|sucia|roto|rota|mal|peor|manchad\w*|rayad\w*|agujere\w*)\b|\b(?:me )?rompieron\b|\broto el\b/],
  ["ignored", /\bnadie (?:me )?aviso\b|\bno me avisaron\b|\bperdi (?:el dia|la manana|la tarde|toda la \w+)\b|\bme hicieron perder\b|\bno (?:me )?(?:contestan|responden|contesta|responde|atienden)\b|\bnadie (?:me )?(?:contesta|responde|atiende)\b|\b(?:segunda|tercera|cuarta) vez\b|\bya les escribi\b/],
  ["late", /\b(?:llego|llegaron|vino|vinieron) (?:\w+ ){0,2}tarde\b/],
  ["unfinished", /\bsin terminar\b|\bno volvi(?:o|eron) (?:mas|nunca)\b|\bnunca volvi\w*|\bdecepcion\w*/],
  ["bad-work", /\b(?:instalaron|hicieron|arreglaron|dejaron|quedo|conectaron) (?:\w+ )?(?:mal|torcid\w*|chuec\w*|flojo|floja)\b|\bno sirvio de nada\b|\bno (?:arreglaron|arreglo|solucionaron) nada\b/],
  ["wrong-bill", /\b(?:factura|cuenta) (?:vino|llego) con otro\b|\bno es lo que (?:arreglamos|hicieron|acordamos)\b/],
  ["be-careful", /\btengan mas cuidado\b/],
];
// "De nuevo" is a complaint only after the company already came ("arreglaron", "vino el chico").
export const AGAIN = /\b(?:de nuevo|otra vez)\b/;
export const PAST_VISIT = /\b(?:vinieron|vino|arreglaron|arreglo|hicieron|instalaron|cambiaron|destaparon|cambio|destapo)\b/;

export const STATUS_CUES: Cue[] = [
  ["eta", /\b(?:a que hora|que dia|cuando) (?:tengo|es|era|quedo|seria|viene) (?:el|mi) (?:turno|visita|service|tecnico)\b|\b(?:a )?que hora (?:\w+ ){0,3}(?:viene|llega|vienen|llegan|pasa|pasan)\b|\bcuanto falta\b|\ben cuanto (?:llega|viene|esta|llegan)\b/],
  ["on-the-way", /\ben camino\b|\bya (?:salio|salieron|llego|llegaron)\b|\b(?:esta|estan|sigue|siguen) (?:viniendo|llegando|por llegar)\b/],
  ["progress", /\bcomo (?:va|viene) (?:mi|el|lo|la)\b|\ben que estado\b|\bnovedad\w*|\b(?:ya )?(?:esta|estan) list[oa]s? (?:el|la|los|las|mi|lo)\b|\b(?:mi|el) (?:turno|visita|pedido|trabajo|arreglo) (?:de hoy|de manana|sigue|esta)\b|\b(?:sabes|saben|sabe) algo\b|\bquedo en (?:venir|pasar|volver|llamar|mandar)\b/],
  ["still-on", /\b(?:sigue|esta|quedo|queda|siguen) (?:en pie|confirmad\w*|agendad\w*|igual)\b|\bme confirman\b|\bconfirmado\b/],
  ["already", /\b(?:ya|todavia no|aun no) (?:me )?(?:mandaron|enviaron|tienen|hicieron|terminaron|pasaron|llego|llegaron)\b/],
  ["is-coming", /\bviene (?:hoy|manana|alguien|el|la)\b|\bvienen (?:hoy|manana)\b|\b(?:sabes|saben|sabe|me decis|me dicen) si (?:viene|vienen|llega|llegan|pasa|pasan)\b/],
  ["who-comes", /\bnombre del tecnico\b|\bquien (?:viene|va a venir)\b/],
  ["notify-me", /\b(?:me )?avis(?:an|as|en|ame) cuando\b/],
  ["delivery", /\bcuando me (?:traen|mandan|instalan|entregan|devuelven)\b/],
];

export const SCHEDULE_CUES: Cue[] = [
  ["booking", /\bturnos?\b|\bagend\w*|\breserv\w*|\banot(?:as|ame|an|en)\b|\bcoordin\w*/],
  ["which-day", /\bque dia (?:les|te|le) (?:queda|conviene|viene|sirve)\b|\b(?:un|algun) (?:hueco|lugarcito|horario)\b/],
  // "¿Pueden pasar el jueves?" is a visit; "¿me pueden pasar un presupuesto / la dirección?" is sending something.
  ["drop-by", /\b(?:das|dan|darse|darte|darnos|darian|pegas|pegan) una vuelta\b|\b(?:venis|vendrian|vendria|caes|caen) (?:hoy|manana|el|la|a la|esta|pasado)\b/],
  ["can-you-come", /\b(?:pueden|podes|podrian|podrias|puede|podra|podran) (?:\w+ ){0,2}(?:venir|venirse|pasarse|pasar(?! (?:un|una|el|la|los|las|precio|presupuesto|info|informacion|datos?|numero|cbu|alias)\b))\b/],
  ["when-available", /\bcuando (?:pueden|podes|podrian|puede|tienen|tenes|hay|vienen)\b|\bpara cuando\b|\bque dias?\b(?: \w+){0,2} (?:libre|tenes|tienen|pueden)\b|\bdisponib\w*|\b(?:tienen|tenes|hay) lugar\b|\blibre\b/],
  ["send-someone", /\bme mandas\b|\bmandar (?:un|a) (?:tecnico|plomero|gasista|electricista)\b|\bmandame\b/],
];
// "Quiero que vengan" wants a visit, but "¿cuánto sale que venga un electricista?" asks a price: weaker than a price.
export const WANTS_VISIT = /\b(?:quiero|necesito|quisiera|queria|preciso|necesitaria|me gustaria|me gustaba) (?:que )?(?:alguien )?(?:venga|vengan|venir|pasen|pase)\b|\bque (?:venga|pase) alguien\b/;
export const AVAILABILITY = /\b(?:puede ser|les queda|te queda|me queda|estoy|pueden|podes|podrian|tenes|tienen|les sirve|les va|va bien|puedo|tenes algo)\b/;
export const WHEN_WORDS = /\b(?:hoy|manana|pasado manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d{1,2}:\d{2}|\d{1,2}hs|las \d{1,2}|(?:el|al|para el) \d{1,2}|\d{1,2}\/\d{1,2}|\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)|la tarde|la noche|temprano|primera hora|mediodia|semana que viene|proxima semana|semana proxima|esta semana)\b/;
// "Te confirmo mañana" puts the conversation off; it does not ask for mañana.
export const DEFERRAL = /\bte (?:confirmo|aviso|digo|hablo)\b|\bte escribo (?:despues|mas tarde|luego|manana|en un rato)\b|\bdespues te\b|\blo (?:pienso|consulto|charlo|hablo)\b|\ble pregunto\b|\bles aviso\b(?! que)/;

export const QUOTE_CUES: Cue[] = [
  ["price", /\bcuanto\b(?! (?:tarda|tiempo|demora|falta|llega|antes))|\bque sale\b|\b(?:cobran|cobras|cobra|cobrarian|cobraria|cobrarias)\b|\bprecios?\b|\bpresupuest\w*|\bcostos?\b|\btarifas?\b|\bvalor\b|\bcotiz\w*/],
];
// Service nouns that name a job without naming a trade ("¿hacen instalaciones en edificios nuevos?").
export const SERVICE_NOUN = /\b(?:instalacion(?:es)?|reparacion(?:es)?|arreglos?|destapacion(?:es)?|mantenimientos?|service)\b/;
export const OFFERS_SERVICE = /\b(?:hacen|haces|realizan|trabajan con|instalan|instalas|arreglan|arreglas|reparan|colocan|cambian|destapan|tienen servicio|se puede arreglar|se puede cambiar|lo pueden revisar|la pueden revisar|pueden revisar|lo revisan|la revisan|lo miran|lo arreglan|lo ven)\b/;
export const NEEDS_SERVICE = /\b(?:necesito|necesitaria|quiero|quisiera|queria|tengo que|hay que|me gustaria|busco|preciso)\s(?:\w+\s){0,2}?(?:cambiar|instalar|poner|colocar|destapar|arreglar|reparar|revisar|hacer|un|una|el|la)\b/;
// A whole street or neighbourhood without power is the utility's problem (Edesur, Edenor), not a job for us.
export const WIDE_OUTAGE = /\b(?:toda la cuadra|todo el barrio|toda la zona|todo el edificio|toda la manzana|edesur|edenor)\b/;
export const PROBLEM = /\btarda (?:\w+ )?en (?:calentar|enfriar|bajar|desagotar|salir)\b|\b(?:hace ruido|ruido|ruidos|muy lento|lento|desagot\w*|se traba|no arranca|gotea\w*|pierde|pierden|perdida|tapad\w*|se tapo|tapo|no anda|no funciona|no prende|no enfria|no calienta|no baja|salta|se corta|se rompio|rot[oa]|filtracion|humedad|mancha|no levanta|se corto)\b/;

// Selling goods or confirming a payment is not a service request, even with a product or a date in it.
export const SALES_OR_PAYMENT = /\b(?:venden|vendes|venta de|pague|pagamos|transferi|deposite|les llego (?:el pago|la transferencia)|comprobante)\b/;
export const NEEDS_PERSON = /\b(?:necesito|necesitaria|preciso|busco|quiero) (?:un|una|el|al) (?:tecnico|plomero|gasista|electricista|destapador|service)\b/;

export const INFO_OR_DEFERRAL_CUES: Cue[] = [
  ["deferral", DEFERRAL],
  ["how-to", /\b(?:que|como) hago\b|\bcomo se\b|\bes normal\b/],
];

export const CONFIRMATION = /\b(?:gracias|ok|dale|listo|joya|perfecto|genial|buenisimo|barbaro|de una|entendido|re bien|okay|excelente|genio|quedamos asi|los espero|todo ok|impecable|espectacular|hablamos)\b|^(?:si|sisi|bueno)\b/;
export const GREETING = /\b(?:hola|holis|holi|holu|hello|hi|ola|buenas|buen dia|buenos dias|que tal|saludos|como (?:andan|estan|estas|va|te va))\b/;

// Right after the assistant offered slots: a position, a day/time, or a yes picks one.
export const SLOT_PICK = /\b(?:primer|primero|primera|segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|ultimo|ultima|opcion|cualquiera|ese|esa|me sirve|esta bien|confirmo)\b|^(?:la |el |opcion )?[1-9](?: por favor| gracias)?$|^(?:si|sisi|dale|ok|bueno|listo|perfecto|de una|joya|genial)\b/;
