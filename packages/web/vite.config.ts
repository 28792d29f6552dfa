import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/**
 * The workbench builds to packages/web/dist, which `entente serve` serves. `source` resolves
 * @entente/core to its TypeScript sources, so the browser runs the same engine without a core
 * build step. The dev server (`npm run dev -w @entente/web`) proxies the API to a running
 * `entente serve`: http://127.0.0.1:8080, or the URL in ENTENTE_API.
 */
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, here("."), "").ENTENTE_API || "http://127.0.0.1:8080";
  return {
    root: here("."),
    base: "./",
    plugins: [react()],
    resolve: { conditions: ["source"] },
    worker: { format: "es" },
    build: {
      outDir: here("./dist"),
      emptyOutDir: true,
      target: "es2022",
      chunkSizeWarningLimit: 1000,
    },
    server: {
      fs: { allow: [here("../..")] },
      proxy: { "/api": api, "/openapi.json": api },
    },
  };
});
