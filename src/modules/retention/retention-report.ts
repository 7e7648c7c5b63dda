// What one retention run removed (or, in a dry run, would remove), per organization and in total.
export const RETENTION_KINDS = ["messages", "mediaFiles", "conversations", "statusEvents", "parkedStatuses", "assistantRuns", "positions"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type RetentionCounts = Record<RetentionKind, number>;

export type OrganizationRetention = { organizationId: string; name: string; messageDays: number; counts: RetentionCounts };

export type RetentionReport = {
  dryRun: boolean;
  now: string;
  organizations: OrganizationRetention[];
  // Platform rows with no tenant: sightings of business numbers no organization owns.
  platform: { unroutedNumbers: number };
  totals: RetentionCounts;
};

export function emptyCounts(): RetentionCounts {
  return Object.fromEntries(RETENTION_KINDS.map((k) => [k, 0])) as RetentionCounts;
}

export function addCounts(into: RetentionCounts, more: Partial<RetentionCounts>): RetentionCounts {
  for (const kind of RETENTION_KINDS) into[kind] += more[kind] ?? 0;
  return into;
}

export function countsTotal(counts: RetentionCounts): number {
  return RETENTION_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}
