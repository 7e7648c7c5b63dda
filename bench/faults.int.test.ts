import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The fault-injection suite's short form (bench/faults.ts --short), as CI runs it: its own Postgres cluster and Redis
// (AOF), the real workers and web processes, the sandbox. Each fault is injected mid-burst; the suite audits from
// the database and the sandbox's logs and exits non-zero on any loss, duplicate or reordering.
const ROOT = fileURLToPath(new URL("../", import.meta.url));

function runSuite(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}bench/faults.ts`, "--short"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("fault-injection suite, short form", () => {
  it("loses, duplicates and reorders nothing when workers are SIGKILLed, Redis restarts and the provider storms", { timeout: 300_000 }, async () => {
    const { code, output } = await runSuite();
    const rows = new Map(
      output.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| fault")).map((l) => {
        const cells = l.split("|").slice(1, -1).map((c) => c.trim());
        return [cells[0]!, cells] as const;
      }),
    );
    for (const name of ["SIGKILL workers mid-burst", "Redis SIGKILL + restart (AOF)", "provider 429 + 5xx storm"]) {
      const cells = rows.get(name);
      expect(cells, `${name} missing from:\n${output}`).toBeDefined();
      const [, inbound, stored, lost, storedTwice, sends, sent, neverSent, sentTwice, outOfOrder, turns, answered, unanswered, answeredTwice] = cells!.map(Number);
      expect({ name, lost, storedTwice, neverSent, sentTwice, outOfOrder, unanswered, answeredTwice }).toEqual({ name, lost: 0, storedTwice: 0, neverSent: 0, sentTwice: 0, outOfOrder: 0, unanswered: 0, answeredTwice: 0 });
      expect(inbound).toBeGreaterThan(0);
      expect(stored).toBe(inbound);
      expect(sent).toBe(sends);
      expect(answered).toBe(turns);
    }
    expect(code, output).toBe(0);
  });
});
