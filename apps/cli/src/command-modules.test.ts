import { describe, expect, it } from "vitest";
import { COMMAND_MODULES, loadCommands, loadModule, MODULE_NAMES } from "./command-modules";

// The CLI loads only the modules of a command's first word: this table must name, for every command of every
// module, the module it lives in — or the command would answer "Comando desconocido".
describe("the CLI's command modules", () => {
  it("map every command's first word to the module that holds it, and nothing else", async () => {
    const owners = new Map<string, Set<string>>();
    for (const name of MODULE_NAMES) {
      for (const command of await loadModule(name)) {
        const first = command.path[0]!;
        expect(COMMAND_MODULES[first], `${command.path.join(" ")} (${name})`).toContain(name);
        owners.set(first, (owners.get(first) ?? new Set()).add(name));
      }
    }
    expect(Object.fromEntries([...owners].map(([word, names]) => [word, [...names].sort()]))).toEqual(
      Object.fromEntries(Object.entries(COMMAND_MODULES).map(([word, names]) => [word, [...names].sort()])),
    );
  }, 120_000);

  it("loads a word's commands only, and all of them for help, each path once", async () => {
    const org = await loadCommands("org");
    expect(org.map((c) => c.path.join(" "))).toEqual(expect.arrayContaining(["org create", "org list", "org plan-apply"]));
    expect(org.every((c) => c.path[0] === "org")).toBe(true);
    const all = (await loadCommands()).map((c) => c.path.join(" "));
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe("db migrate");
  }, 120_000);
});
