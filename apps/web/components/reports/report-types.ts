// The report as the page hands it to client components (plain JSON: no Dates, cents as integers).
export type JobsRow = { technicianId: string | null; technicianName: string | null; total: number; byStatus: Partial<Record<string, number>> };
export type RevenueData = { granularity: "day" | "week"; points: { bucket: string; quotesCents: number; invoicesCents: number }[]; quotesCents: number; invoicesCents: number };
