/**
 * Web Worker entry: the core models run here, off the main thread, so dragging a dot never
 * blocks the page. See {@link ForecastEngine} for what each message does.
 * @module
 */
import { ForecastEngine } from "./forecast-engine.ts";
import type { WorkerRequest } from "./forecast-protocol.ts";

const engine = new ForecastEngine();
const scope = self as unknown as { postMessage(message: unknown): void };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const response = engine.handle(event.data);
  if (response) scope.postMessage(response);
};
