import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_ENDPOINTS } from "@campotech/core/modules/webhooks";

// One code path, two hosts: every Next webhook route hands its request to the shared endpoint of its own path, and
// every shared endpoint has a Next route — so the lean ingest process serves exactly the paths the web app serves.
const ROUTES = new URL("../../web/app/api/webhooks/", import.meta.url).pathname;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
}

describe("WEBHOOK_ENDPOINTS", () => {
  it("has exactly the Next webhook routes' paths, each route serving its own entry", () => {
    const routes = routeFiles(ROUTES).map((file) => ({ path: `/api/webhooks/${relative(ROUTES, file).replace(/\/?route\.ts$/, "")}`, source: readFileSync(file, "utf8") }));
    expect(routes.map((r) => r.path).sort()).toEqual(Object.keys(WEBHOOK_ENDPOINTS).sort());
    for (const { path, source } of routes) expect(source, path).toContain(`handleWebhook(request, WEBHOOK_ENDPOINTS["${path}"])`);
  });
});
