// Test support: a local HTTP server that speaks the OpenAI chat-completions protocol and answers
// each request with the next step of a script, so that `entente draft` runs its real client with
// no network. A step is a scripted answer (the assistant's content), an HTTP error with headers
// (e.g. 429 with retry-after-ms), or a delay longer than the client's timeout.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted reply. */
export interface ChatStep {
  /** The assistant message's content: a string as is, anything else as its JSON. */
  content?: unknown;
  /** HTTP status (default 200); with a status ≥ 400, `body` or an OpenAI-style error is sent. */
  status?: number;
  headers?: Record<string, string>;
  /** Raw response body, replacing the chat-completion envelope. */
  body?: string;
  /** Wait this long before answering (a step the client should time out on). */
  delayMs?: number;
  /** finish_reason of the choice (default "stop"). */
  finishReason?: string;
}

export interface ChatServer {
  /** Base URL to give the client, ending in /v1. */
  baseUrl: string;
  /** Every request body received, parsed, in order. */
  requests: Record<string, unknown>[];
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  /** Steps not yet used. */
  remaining(): number;
  close(): Promise<void>;
}

/** Start the scripted server on a free loopback port. */
export async function startChatServer(steps: readonly ChatStep[]): Promise<ChatServer> {
  const queue = [...steps];
  const requests: Record<string, unknown>[] = [];
  const authorizations: (string | undefined)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    requests.push(JSON.parse(raw) as Record<string, unknown>);
    authorizations.push(req.headers.authorization);
    const step = queue.shift();
    if (!step) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "the script has no more steps" } }));
      return;
    }
    const answer = () => {
      if (res.destroyed) return;
      const status = step.status ?? 200;
      res.writeHead(status, { "content-type": "application/json", ...step.headers });
      if (step.body !== undefined) res.end(step.body);
      else if (status >= 400)
        res.end(JSON.stringify({ error: { message: `scripted ${status}`, type: "scripted" } }));
      else res.end(JSON.stringify(completion(step)));
    };
    if (step.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        answer();
      }, step.delayMs);
      timers.add(t);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    remaining: () => queue.length,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function completion(step: ChatStep) {
  const content = typeof step.content === "string" ? step.content : JSON.stringify(step.content);
  return {
    id: "chatcmpl-scripted",
    object: "chat.completion",
    created: 0,
    model: "scripted",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content },
        finish_reason: step.finishReason ?? "stop",
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

const FIXTURES = new URL("../fixtures/draft/", import.meta.url);

/**
 * A scripted conversation kept as a fixture, `test/fixtures/draft/scripts/<name>.json`: a list of
 * steps, where `{ "answer": "x" }` stands for the content of `responses/x.json`.
 */
export function chatScript(name: string): ChatStep[] {
  const steps = JSON.parse(readFileSync(new URL(`scripts/${name}.json`, FIXTURES), "utf8")) as (
    | ChatStep
    | { answer: string }
  )[];
  return steps.map((s) => ("answer" in s ? { content: chatAnswer(s.answer) } : s));
}

/** A scripted answer, `test/fixtures/draft/responses/<name>.json`, as the model's JSON. */
export function chatAnswer(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`responses/${name}.json`, FIXTURES), "utf8"));
}
