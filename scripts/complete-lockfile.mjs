// The registry mirror this project is built against lacks some platform builds of native tools
// (e.g. @biomejs/cli-darwin-arm64@2.6.8). `npm install` then leaves them out of
// package-lock.json, and `npm ci` refuses the lock as "out of sync". This adds the missing
// optional platform packages as lock entries with their os/cpu, as a full registry would; npm
// skips them on other platforms and fetches them on their own. Run after `npm install`:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const added = [];
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const os = ["android", "darwin", "linux", "win32", "freebsd"].find((o) => name.includes(o));
    const cpu = ["arm64", "x64", "ia32", "arm"].find((c) => name.includes(c));
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}; add it by hand`);
    packages[key] = {
      version,
      cpu: [cpu],
      ...(meta.dev ? { dev: true } : {}),
      ...(name.includes("musl") ? { libc: ["musl"] } : {}),
      optional: true,
      os: [os],
    };
    added.push(`${name}@${version}`);
  }
}
const sorted = Object.keys(packages).sort((a, b) =>
  a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1,
);
lock.packages = Object.fromEntries(sorted.map((k) => [k, packages[k]]));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.join(", ")}` : "lock file already complete");
