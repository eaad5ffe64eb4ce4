import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.PORT ?? '4000';

/**
 * The explorer: `vite` (npm run dev) serves it with hot reload and proxies /graphql to the API
 * server; `vite build` writes client/dist, which the API server serves (server/src/staticClient.ts):
 * the explorer only, without source maps. `vite build --mode bench` (npm run build:bench) writes
 * client/dist-bench: the same production build plus bench.html, the client benchmark's page, so the
 * benchmark measures what ships without shipping the benchmark.
 */
export default defineConfig(({ mode }) => {
  const bench = mode === 'bench';
  const input: Record<string, string> = { main: `${root}index.html` };
  if (bench) input.bench = `${root}bench.html`;
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: bench ? 'dist-bench' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input },
    },
    server: {
      port: Number(process.env.VITE_PORT ?? 5173),
      strictPort: false,
      proxy: { '/graphql': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
    },
  };
});
