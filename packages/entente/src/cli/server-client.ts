/**
 * How `entente push` and `entente pull` talk to an `entente serve` server: the URL (`--server`,
 * else `$ENTENTE_SERVER`, else the local default), the token (`$ENTENTE_TOKEN`), and requests
 * whose failures become one-line {@link CliError}s naming the server and what it said.
 * @module
 */
import { CliError, EXIT } from "./io.ts";

/** Where `entente serve` listens by default. */
export const DEFAULT_SERVER = "http://127.0.0.1:8080";

/** The server's base URL, checked: http(s) only, no trailing slash. */
export function serverUrl(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = option ?? env.ENTENTE_SERVER ?? DEFAULT_SERVER;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(
      `--server: expected a URL such as ${DEFAULT_SERVER}, got "${raw}"`,
      EXIT.invalidInput,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`--server: expected an http or https URL, got "${raw}"`, EXIT.invalidInput);
  }
  return url.toString().replace(/\/+$/, "");
}

/** A server's answer: status, parsed JSON (or text) body. */
export interface ServerAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/**
 * One request to the server, with `Authorization: Bearer $ENTENTE_TOKEN` when the variable is
 * set. Network failures and 401/403 become CliErrors; other statuses are returned.
 */
export async function callServer(
  server: string,
  method: string,
  path: string,
  env: NodeJS.ProcessEnv,
  body?: unknown,
): Promise<ServerAnswer> {
  const headers: Record<string, string> = { accept: "application/json, application/yaml" };
  if (env.ENTENTE_TOKEN) headers.authorization = `Bearer ${env.ENTENTE_TOKEN}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `cannot reach the server at ${server}: ${cause?.code ?? cause?.message ?? (e as Error).message} (start one with \`entente serve\`, or give --server / $ENTENTE_SERVER)`,
    );
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // YAML or plain text: keep it as it is
  }
  if (response.status === 401 || response.status === 403) {
    throw new CliError(
      `${server} refused the request (${response.status}): ${serverMessage(parsed)}${response.status === 401 && !env.ENTENTE_TOKEN ? "; set ENTENTE_TOKEN to the server's token" : ""}`,
    );
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** The server's `{errors: [{path, line, col, message}]}` as readable lines. */
export function serverMessage(body: unknown): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return typeof body === "string" ? body : JSON.stringify(body);
  return errors
    .map((e: { path?: string; line?: number; col?: number; message?: string }) => {
      const at = e.line === undefined ? "" : `${e.line}:${e.col ?? 1}: `;
      return `${at}${e.path && !e.path.startsWith("(") ? `${e.path}: ` : ""}${e.message ?? ""}`;
    })
    .join("; ");
}
