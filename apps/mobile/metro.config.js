// Metro in the pnpm workspace: watch the app, the store pnpm links into (root node_modules) and src/ — the only
// workspace code the app bundles is @campotech/core's sync engine and contracts (plain TS, no server imports).
const path = require("node:path");
const { getDefaultConfig } = require("expo/metro-config");

const projectRoot = __dirname;
const workspaceRoot = path.resolve(projectRoot, "../..");
const config = getDefaultConfig(projectRoot);

config.watchFolders = [path.join(workspaceRoot, "src"), path.join(workspaceRoot, "node_modules")];
config.resolver.nodeModulesPaths = [path.join(projectRoot, "node_modules"), path.join(workspaceRoot, "node_modules")];
// Never bundle server code by accident: src/ is reachable only through the engine and the contracts.
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
config.resolver.blockList = [
  new RegExp(`^${escapeRe(path.join(workspaceRoot, "src"))}/(modules|lib|workers|integrations)/`),
  new RegExp(`^${escapeRe(path.join(workspaceRoot, "apps"))}/(web|workers|sandbox|cli)/`),
];

module.exports = config;
