/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built files from its classpath (static/); in development, Vite serves the
// sources and forwards everything the gateway answers to a running gateway (GATEWAY_URL).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const proxied = ['/api', '/session', '/oauth2', '/login', '/logout', '/dev-issuer', '/xapi', '/ims'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The gateway's Content-Security-Policy forbids inline scripts: keep the module preload polyfill out.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
