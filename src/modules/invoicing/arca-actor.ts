// Who changes an organization's ARCA connection: a person in the dashboard or an operator with the CLI.
export type ArcaActor = { type: "USER"; userId: string } | { type: "OPERATOR" };

export function arcaActorRecord(actor: ArcaActor): { actorType: "USER" | "OPERATOR"; actorId: string | null } {
  return actor.type === "USER" ? { actorType: "USER", actorId: actor.userId } : { actorType: "OPERATOR", actorId: null };
}
