import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "./api-request-error.ts";
import { request } from "./request.ts";

afterEach(() => vi.unstubAllGlobals());

/** A fetch that answers with `answers` in turn, recording the calls. */
function scripted(answers: Array<[number, Record<string, string>, unknown]>) {
  const calls: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    calls.push(url);
    const [status, headers, body] = answers[Math.min(calls.length - 1, answers.length - 1)] as [
      number,
      Record<string, string>,
      unknown,
    ];
    return new Response(JSON.stringify(body), { status, headers });
  });
  return calls;
}

const busy = { errors: [{ path: "(server)", message: "the server is busy" }] };

describe("request", () => {
  it("tries again after Retry-After when the server is busy (503)", async () => {
    const calls = scripted([
      [503, { "retry-after": "0" }, busy],
      [503, { "retry-after": "0" }, busy],
      [200, {}, { ok: true }],
    ]);
    expect(await request("POST", "/api/x", {})).toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it("gives up after three retries, and never retries a 503 without Retry-After", async () => {
    const calls = scripted([[503, { "retry-after": "0" }, busy]]);
    await expect(request("POST", "/api/x", {})).rejects.toThrow(
      "503: (server): the server is busy",
    );
    expect(calls).toHaveLength(4);
    const once = scripted([[503, {}, busy]]);
    await expect(request("GET", "/api/y")).rejects.toBeInstanceOf(ApiRequestError);
    expect(once).toHaveLength(1);
  });
});
