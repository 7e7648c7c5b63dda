import pg from "pg";

// Empties every application table (keeps the migrations ledger). Runs as the admin role, which owns the tables.
export async function resetDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_campotech_migrations'",
    );
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => client.escapeIdentifier(r.tablename)).join(", ")} CASCADE`);
    }
  } finally {
    await client.end();
  }
}

export async function adminQuery<T extends pg.QueryResultRow>(adminUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
