-- issue 20 (retention): retention and privacy (Ley 25.326). No new tables, so no new RLS policies: the columns
-- live on tenant tables whose policies already apply.

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WhatsAppConversation" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WhatsAppMessage" ADD COLUMN     "purgedAt" TIMESTAMP(3);
