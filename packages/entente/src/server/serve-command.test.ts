import { afterEach, describe, expect, it, vi } from "vitest";
import { serveCommand } from "../cli/commands/serve.ts";
import { CliError } from "../cli/io.ts";

/** Run `entente serve <args>` in-process; these runs all stop at a bad option. */
async function serve(...args: string[]): Promise<CliError> {
  const io = { stdout: () => {}, stderr: () => {} };
  try {
    await serveCommand(io)
      .exitOverride()
      .configureOutput({ writeOut: () => {}, writeErr: () => {} })
      .parseAsync(args, { from: "user" });
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error("serve did not fail");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("entente serve's options", () => {
  it("refuses a bad port, token or CORS origin with exit code 2 before opening anything", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("ENTENTE_TOKEN", "");
    expect(await serve("--port", "http")).toMatchObject({
      exitCode: 2,
      message: '--port: expected a whole number from 0 to 65535, got "http"',
    });
    expect(await serve("--port", "70000")).toMatchObject({ exitCode: 2 });
    expect(await serve("--cors", "localhost:5173")).toMatchObject({
      exitCode: 2,
      message:
        '--cors: expected an origin such as http://localhost:5173 (scheme, host and port only), got "localhost:5173"',
    });
    vi.stubEnv("ENTENTE_TOKEN", "short");
    expect(await serve("--port", "0")).toMatchObject({
      exitCode: 2,
      message: "ENTENTE_TOKEN: expected at least 8 characters, got 5",
    });
  });

  it("refuses an ENTENTE_LLM_BASE_URL that is not an http(s) URL with exit code 2", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("ENTENTE_TOKEN", "");
    vi.stubEnv("ENTENTE_LLM_BASE_URL", "localhost:11434");
    vi.stubEnv("ENTENTE_LLM_MODEL", "llama3.1");
    expect(await serve("--port", "0")).toMatchObject({
      exitCode: 2,
      message:
        'expected ENTENTE_LLM_BASE_URL to be an http(s) URL such as http://localhost:11434/v1, got "localhost:11434"',
    });
  });

  it("refuses --data-dir while DATABASE_URL is set", async () => {
    vi.stubEnv("ENTENTE_TOKEN", "");
    vi.stubEnv("DATABASE_URL", "postgres://127.0.0.1:1/none");
    const error = await serve("--port", "0", "--data-dir", "/tmp/somewhere");
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^--data-dir \/tmp\/somewhere was given but DATABASE_URL is set/);
  });
});
