-- One large organization for bench/inbox-api.ts, built in SQL (generate_series) so 100,000 conversations and
-- ~1,000,000 messages take minutes, not hours. Deterministic (no random()): every run builds the same rows, so plans
-- and timings compare across runs. :org is the organization id; run by the admin role in an empty bench database.
-- Triggers (the sync change log) and FK checks are skipped for the bulk load: the rows are consistent by construction.
SET session_replication_role = replica;

INSERT INTO "Organization" (id, name, cuit, tier, "updatedAt") VALUES (:'org', 'Bench Inbox', '30712345671', 'ENTERPRISE', now());

-- 2 owners/admins, 3 dispatchers, 15 technicians: u0 is the owner the bench reads as, u5..u19 are technicians.
INSERT INTO "User" (id, "organizationId", phone, name, role, "updatedAt")
SELECT :'org' || '-u' || g, :'org', '+54911' || lpad((40000000 + g)::text, 8, '0'),
       (ARRAY['Marta','Julián','Sofía','Diego','Carla','Pablo','Lucía','Hernán','Valeria','Nicolás'])[1 + g % 10] || ' ' ||
       (ARRAY['Ríos','Benítez','Acosta','Sosa','Ibáñez'])[1 + g % 5],
       (CASE WHEN g = 0 THEN 'OWNER' WHEN g = 1 THEN 'ADMIN' WHEN g < 5 THEN 'DISPATCHER' ELSE 'TECHNICIAN' END)::"UserRole", now()
FROM generate_series(0, 19) g;

-- Customers: Spanish names with accents, E.164 phones, a WhatsApp profile name on 60%.
INSERT INTO "Customer" (id, "organizationId", phone, name, "profileName", "createdAt", "updatedAt")
SELECT :'org' || '-cu' || g, :'org', '+549' || (ARRAY['11','351','341','261','221'])[1 + g % 5] || lpad((1000000 + (g * 7919) % 9000000)::text, 7, '0') || (g % 10),
       (ARRAY['María','José','Ana','Juan','Lucía','Martín','Sofía','Carlos','Valentina','Diego','Camila','Javier','Florencia','Matías','Paula',
              'Germán','Agustina','Ramón','Inés','Tomás','Rocío','Sebastián','Belén','Ángel','Nahuel','Mónica','Raúl','Zoe','Iñaki','Lautaro'])[1 + g % 30] || ' ' ||
       (ARRAY['Gómez','Fernández','Rodríguez','López','Martínez','González','Pérez','Sánchez','Romero','Díaz','Álvarez','Torres','Ruiz','Ramírez',
              'Flores','Benítez','Acosta','Medina','Herrera','Suárez','Aguirre','Giménez','Gutiérrez','Pereyra','Núñez','Ibáñez','Ojeda','Cabrera',
              'Domínguez','Ledesma','Quiroga','Peralta','Vázquez','Castro','Molina','Ortiz','Silva','Luna','Ríos','Moreno','Zárate','Echeverría',
              'Bustos','Córdoba','Villalba','Maidana','Paz','Godoy','Toledo','Arias'])[1 + (g / 30) % 50] ||
       CASE WHEN g % 7 = 0 THEN ' (' || (ARRAY['Palermo','Caballito','Flores','Belgrano','Almagro','Quilmes','Lanús','Morón','Banfield','Tigre'])[1 + g % 10] || ')' ELSE '' END,
       CASE WHEN g % 5 < 3 THEN (ARRAY['Mari','Pepe','Anita','Juanchi','Lu','Tincho','Sofi','Charly','Vale','Dieguito'])[1 + g % 10] || ' ' || (g % 97) ELSE NULL END,
       now() - interval '400 days', now()
FROM generate_series(1, :conversations) g;

-- Conversations: last activity skewed towards the present (a quarter in the last week), one per customer.
-- Recent ones are open, unread and inside the 24 h window more often; 60% assigned to one of 20 people.
INSERT INTO "WhatsAppConversation" (id, "organizationId", "customerId", status, "unreadCount", "lastMessageAt", "lastInboundAt",
                                    "windowExpiresAt", "assignedToId", "createdAt", "updatedAt", "deletedAt")
SELECT :'org' || '-c' || g, :'org', :'org' || '-cu' || g, s.status, s.unread, s.at, s.at - interval '3 minutes', s.at - interval '3 minutes' + interval '24 hours',
       CASE WHEN g % 5 < 3 THEN :'org' || '-u' || ((g * 31) % 20) END, s.at - interval '30 days', s.at,
       CASE WHEN g % 500 = 0 THEN s.at + interval '1 year' END
FROM generate_series(1, :conversations) g
CROSS JOIN LATERAL (SELECT power(((g * 2654435761::bigint) % 1000003) / 1000003.0, 2.2) AS age) a
CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', now() - a.age * interval '365 days' - (g % 1000) * interval '1 millisecond') AS at,
                           (CASE WHEN a.age < 0.05 AND g % 3 > 0 THEN 'OPEN' WHEN a.age < 0.2 AND g % 4 = 0 THEN 'PENDING'
                                 WHEN g % 5 = 0 THEN 'OPEN' ELSE 'CLOSED' END)::"ConversationStatus" AS status,
                           CASE WHEN a.age < 0.03 AND g % 2 = 0 THEN 1 + g % 6 WHEN g % 97 = 0 THEN 1 ELSE 0 END AS unread) s;

-- Messages: 2..18 per conversation (10 on average), plus one long thread (the most recent conversation) for the
-- deep-page bench. Texts are composed from pools, so words recur at realistic rates ("hola" in ~1 of 3 messages,
-- "calefón" ~1 in 20) while some are rare ("consorcio" ~1 in 6,000) and order numbers are nearly unique.
CREATE TEMP TABLE seed_counts AS
SELECT g, CASE WHEN g = 1 THEN :long_thread ELSE 2 + (g * 7919) % 17 END AS n
FROM generate_series(1, :conversations) g;

INSERT INTO "WhatsAppMessage" (id, "organizationId", "conversationId", "waMessageId", direction, type, content, status, "sentByUserId", "createdAt", "updatedAt")
SELECT :'org' || '-m' || k.g || '-' || k.j, :'org', :'org' || '-c' || k.g, 'wamid.bench' || k.g || '.' || k.j,
       (CASE WHEN k.j % 2 = 1 THEN 'INBOUND' ELSE 'OUTBOUND' END)::"MessageDirection",
       (CASE WHEN k.h % 23 = 0 THEN 'IMAGE' WHEN k.j % 2 = 0 AND k.h % 11 = 0 THEN 'TEMPLATE' ELSE 'TEXT' END)::"MessageType",
       CASE WHEN k.h % 23 = 0 THEN jsonb_build_object('caption', k.body)
            WHEN k.j % 2 = 0 AND k.h % 11 = 0 THEN jsonb_build_object('preview', k.body)
            ELSE jsonb_build_object('body', k.body) END,
       (CASE WHEN k.j % 2 = 1 THEN 'RECEIVED' ELSE 'READ' END)::"MessageStatus",
       CASE WHEN k.j % 2 = 0 THEN CASE WHEN k.h % 3 = 0 THEN 'assistant' ELSE :'org' || '-u' || (k.h % 5) END END,
       k.at, k.at
FROM (
  SELECT c.g, j, (c.g * 131 + j * 7919) % 1000003 AS h, conv."lastMessageAt" - (c.n - j) * interval '37 minutes' AS at,
         CASE WHEN j % 2 = 1 THEN
           (ARRAY['Hola','Hola, buen día','Buenas tardes','Buenas','Hola, ¿cómo andás?','Buen día','Hola!','Disculpá la hora'])[1 + (c.g + j) % 8] || ', ' ||
           (ARRAY['se me rompió el calefón','tengo una pérdida de agua en el baño','pierde la canilla de la cocina','no enciende el termotanque',
                  'hay olor a gas en la cocina','salta la térmica cada vez que prendo el horno','se tapó la cloaca del patio','el aire acondicionado no enfría',
                  'necesito cambiar el flexible del lavatorio','la estufa hace un ruido raro','gotea el techo del lavadero','no sale agua caliente',
                  'quiero un presupuesto para la instalación eléctrica','se quemó un enchufe del living','el inodoro pierde agua constantemente',
                  'necesito una prueba de hermeticidad para el gas','la bomba presurizadora no arranca','se cortó la luz en media casa'])[1 + (c.g * 3 + j) % 18] ||
           (ARRAY['. ¿Pueden venir mañana?','. Estoy en ','. ¿Cuánto sale la visita?','. Gracias!','. Es urgente por favor','. Mi dirección es Av. Rivadavia ',
                  '. ¿Trabajan el sábado?','. Te mando foto','',' desde ayer'])[1 + (c.g + j * 5) % 10] ||
           CASE WHEN (c.g + j * 5) % 10 = 1 THEN (ARRAY['Palermo','Caballito','Villa Urquiza','Lanús','Quilmes','Ramos Mejía','San Isidro','Avellaneda'])[1 + c.g % 8]
                WHEN (c.g + j * 5) % 10 = 5 THEN (1000 + c.g % 8000)::text ELSE '' END ||
           CASE WHEN (c.g * 131 + j * 7919) % 1000003 % 2999 = 0 THEN '. Soy del consorcio Los Aromos.' ELSE '' END
         ELSE
           (ARRAY['Hola, gracias por escribirnos. ','Perfecto. ','Buen día. ','Listo. ','Entendido. '])[1 + (c.g + j) % 5] ||
           (ARRAY['Te confirmamos la visita para el martes entre 9 y 12 h.','El técnico está en camino, llega en 20 minutos.',
                  'El presupuesto es de $45.000 con materiales incluidos.','¿Nos pasás la dirección y un horario?','Te dejamos el pedido #' || (100000 + c.g * 10 + j % 10) || ' registrado.',
                  'La visita tiene un costo de $12.000.','Cualquier cosa nos escribís por acá.','¿Podés mandar una foto del equipo?',
                  'Ya quedó agendado, te avisamos cuando salga el técnico.','Trabajamos de lunes a sábado de 8 a 18 h.'])[1 + (c.g * 7 + j) % 10]
         END AS body
  FROM seed_counts c
  JOIN "WhatsAppConversation" conv ON conv.id = :'org' || '-c' || c.g
  CROSS JOIN LATERAL generate_series(1, c.n) j
) k
ORDER BY k.at;

-- Open emergencies for the "Urgencias" filter: ~1% of customers have an open EMERGENCY job, ~0.3% an EMERGENCY lead.
INSERT INTO "Job" (id, "organizationId", number, "customerId", address, "serviceType", description, status, urgency, "updatedAt")
SELECT :'org' || '-j' || g, :'org', g, :'org' || '-cu' || (1 + (g * 7) % :conversations), 'Av. Rivadavia ' || (1000 + g % 8000) || ', CABA',
       (ARRAY['PLUMBING','GAS','ELECTRICAL','HVAC','DRAINAGE','GENERAL'])[1 + g % 6]::"ServiceType", 'Visita técnica ' || g,
       (CASE WHEN g % 10 < 7 THEN 'completed' WHEN g % 10 = 7 THEN 'cancelled' ELSE 'scheduled' END)::"JobStatus",
       (CASE WHEN g % 10 = 9 AND g % 3 = 0 THEN 'EMERGENCY' WHEN g % 4 = 0 THEN 'HIGH' ELSE 'NORMAL' END)::"JobUrgency", now()
FROM generate_series(1, :conversations / 3) g;

INSERT INTO "Lead" (id, "organizationId", "customerId", "conversationId", summary, status, urgency, "updatedAt")
SELECT :'org' || '-l' || g, :'org', :'org' || '-cu' || (1 + (g * 13) % :conversations), :'org' || '-c' || (1 + (g * 13) % :conversations), 'Pedido ' || g,
       (ARRAY['NEW','QUOTED','SCHEDULED','WON','LOST'])[1 + g % 5]::"LeadStatus",
       (CASE WHEN g % 7 = 0 THEN 'EMERGENCY' ELSE 'NORMAL' END)::"JobUrgency", now()
FROM generate_series(1, :conversations / 20) g;

SET session_replication_role = origin;

-- The search words the triggers keep (migration 20261221000000_inbox_search_words), skipped with them above.
SELECT campotech_refresh_search_words(ARRAY(SELECT "id" FROM "WhatsAppConversation"));
