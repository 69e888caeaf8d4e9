/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The production build lands in target/classes/META-INF/resources: the Maven module packages it as a jar and the
// api-gateway serves it at / (Quarkus serves META-INF/resources of its classpath). `npm run dev` serves the portal on
// :5173 and proxies /api to the local stack's gateway, so the browser still sees one origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "target/classes/META-INF/resources",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "https://localhost:8443", secure: false } },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // userEvent types key by key; on a loaded 2-core machine a form test takes seconds
    testTimeout: 30000,
  },
});
