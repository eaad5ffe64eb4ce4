import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.PORT ?? '4000';

/**
 * The explorer: `vite` (npm run dev) serves it with hot reload and proxies /graphql to the API
 * server; `vite build` writes client/dist, which the API server serves (server/src/staticClient.ts).
 * bench.html is the client benchmark's page; it ships in dist so the benchmark measures the build.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: `${root}index.html`, bench: `${root}bench.html` } },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: false,
    proxy: { '/graphql': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
