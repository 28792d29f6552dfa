import { describe, expect, it } from "vitest";
import { HOW_TO_CONFIGURE, publicBaseUrl } from "../draft/provider-config.ts";
import { draftingNote, serverDraftProvider } from "./draft-provider.ts";

describe("the server's draft provider", () => {
  it("is read from ENTENTE_LLM_BASE_URL, ENTENTE_LLM_MODEL and ENTENTE_LLM_API_KEY", () => {
    const found = serverDraftProvider({
      ENTENTE_LLM_BASE_URL: "http://localhost:11434/v1/",
      ENTENTE_LLM_MODEL: "llama3.1",
      ENTENTE_LLM_API_KEY: "sk-secret",
    });
    expect(found).toEqual({
      ok: true,
      config: {
        baseUrl: "http://localhost:11434/v1",
        model: "llama3.1",
        apiKey: "sk-secret",
        apiKeyEnv: "ENTENTE_LLM_API_KEY",
        timeoutSeconds: 120,
        retries: 3,
      },
    });
    const note = draftingNote(found.ok ? found.config : undefined);
    expect(note).toBe("drafting from articles with llama3.1 at http://localhost:11434/v1");
    expect(note).not.toContain("sk-secret");
  });

  it("is none without the variables, with a warning when only one is set", () => {
    expect(serverDraftProvider({})).toEqual({ ok: true, config: undefined });
    expect(serverDraftProvider({ ENTENTE_LLM_MODEL: "llama3.1" })).toEqual({
      ok: true,
      config: undefined,
      warning:
        "ENTENTE_LLM_MODEL is set but ENTENTE_LLM_BASE_URL is not: drafting from articles is off until both are",
    });
    expect(draftingNote(undefined)).toBe(
      "drafting from articles off (set ENTENTE_LLM_BASE_URL and ENTENTE_LLM_MODEL)",
    );
    expect(HOW_TO_CONFIGURE).toContain("ENTENTE_LLM_BASE_URL");
  });

  it("refuses a base URL that is not http(s), naming the variable and the value", () => {
    expect(
      serverDraftProvider({ ENTENTE_LLM_BASE_URL: "localhost:11434", ENTENTE_LLM_MODEL: "m" }),
    ).toEqual({
      ok: false,
      message:
        'expected ENTENTE_LLM_BASE_URL to be an http(s) URL such as http://localhost:11434/v1, got "localhost:11434"',
    });
  });

  it("shows a base URL without credentials", () => {
    expect(publicBaseUrl("https://user:pw@llm.example/v1")).toBe("https://llm.example/v1");
    expect(publicBaseUrl("https://llm.example/v1")).toBe("https://llm.example/v1");
  });
});
