import type { Prisma } from "@campotech/database";
import { countPlaceholders, templateBodyText } from "./build-template-message";

export const TEMPLATE_VIEW_SELECT = {
  id: true,
  name: true,
  language: true,
  category: true,
  status: true,
  components: true,
  providerTemplateId: true,
  rejectionReason: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WaTemplateSelect;

type TemplateRow = Prisma.WaTemplateGetPayload<{ select: typeof TEMPLATE_VIEW_SELECT }>;

// The body text and its variable count are lifted out of the provider's components so the dashboard can show a
// preview and ask for exactly that many values when sending.
export function toTemplateView(row: TemplateRow) {
  const body = templateBodyText(row.components);
  return { ...row, body, placeholders: countPlaceholders(body) };
}

export type TemplateView = ReturnType<typeof toTemplateView>;
