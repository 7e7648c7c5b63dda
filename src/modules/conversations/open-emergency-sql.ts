import { Prisma } from "@campotech/database";

// "This conversation is an emergency" for SQL over `WhatsAppConversation c`: its customer has an EMERGENCY job
// still open, or the conversation has an EMERGENCY lead not yet won or lost. One definition for the list's
// badge, the "Urgencias" filter and its count, so the three always agree.
export const OPEN_EMERGENCY_SQL = Prisma.sql`(
  EXISTS (SELECT 1 FROM "Job" j WHERE j."customerId" = c."customerId" AND j."urgency" = 'EMERGENCY' AND j."status" NOT IN ('completed', 'cancelled'))
  OR EXISTS (SELECT 1 FROM "Lead" l WHERE l."conversationId" = c."id" AND l."urgency" = 'EMERGENCY' AND l."status" IN ('NEW', 'QUOTED', 'SCHEDULED'))
)`;
