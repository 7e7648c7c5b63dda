-- AlterTable
ALTER TABLE "OutboundDelivery" ADD COLUMN     "sealedContent" TEXT,
ADD COLUMN     "secretExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- Login codes stored before this migration kept the code in the message content, readable through the dead-letter
-- list and replayable (docs/security.md). Redact them at rest and take them out of the dead letters: a code that
-- could not be delivered has expired long ago and must never be sent again.
UPDATE "WhatsAppMessage" AS m
SET "content" = jsonb_build_object(
      'type', COALESCE(m."content"->>'type', 'template'),
      'name', m."content"->'name',
      'language', m."content"->'language',
      'redacted', true,
      'preview', 'Código de acceso (oculto)'
    )
FROM "OutboundDelivery" AS d
WHERE d."messageId" = m."id" AND d."purpose" = 'authentication';

UPDATE "OutboundDelivery"
SET "deadLetteredAt" = NULL, "deadLetterReason" = NULL
WHERE "purpose" = 'authentication' AND "deadLetteredAt" IS NOT NULL;
