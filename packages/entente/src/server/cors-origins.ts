/**
 * Check CORS origins (`--cors`): each `http(s)://host[:port]`, with no path, given as a list or
 * comma-separated. Throws RangeError naming the first bad one.
 */
export function corsOrigins(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === "string" ? value.split(",").map((s) => s.trim()) : [...value];
  for (const origin of list) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = /^https?:$/.test(u.protocol) && u.origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new RangeError(
        `cors: expected an origin such as http://localhost:5173 (scheme, host and port only), got ${JSON.stringify(origin)}`,
      );
    }
  }
  return list;
}
