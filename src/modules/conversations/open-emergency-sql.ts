import { Prisma } from "@campotech/database";

// "This conversation is an emergency" for SQL over `WhatsAppConversation c`: its customer has an EMERGENCY job
// still open, or the conversation has an EMERGENCY lead not yet won or lost. One definition for the list's
// badge, the "Urgencias" filter and its count, so the three always agree.
export const OPEN_EMERGENCY_SQL = Prisma.sql`(
  EXISTS (SELECT 1 FROM "Job" j WHERE j."customerId" = c."customerId" AND j."urgency" = 'EMERGENCY' AND j."status" NOT IN ('completed', 'cancelled'))
  OR EXISTS (SELECT 1 FROM "Lead" l WHERE l."conversationId" = c."id" AND l."urgency" = 'EMERGENCY' AND l."status" IN ('NEW', 'QUOTED', 'SCHEDULED'))
)`;

// issue 22 (inbox): the same conversations as a set of ids, built from the few open emergencies (partial indexes
// Job_open_emergency_customer_idx and Lead_open_emergency_conversation_idx) rather than by testing every
// conversation; each job's conversation is found through the organization/customer unique index (LATERAL, OFFSET 0,
// so the planner does not hash the whole inbox instead). Under RLS, so only the organization's rows. For
// `c."id" = ANY(ARRAY(...))` where a query needs all of a filtered inbox's emergencies at once (the search's candidates).
export const OPEN_EMERGENCY_IDS_SQL = Prisma.sql`(
  SELECT ec."id" FROM "Job" j
  CROSS JOIN LATERAL (SELECT ec."id" FROM "WhatsAppConversation" ec WHERE ec."organizationId" = j."organizationId" AND ec."customerId" = j."customerId" OFFSET 0) ec
  WHERE j."urgency" = 'EMERGENCY' AND j."status" NOT IN ('completed', 'cancelled')
  UNION
  SELECT l."conversationId" FROM "Lead" l
  WHERE l."conversationId" IS NOT NULL AND l."urgency" = 'EMERGENCY' AND l."status" IN ('NEW', 'QUOTED', 'SCHEDULED')
)`;
