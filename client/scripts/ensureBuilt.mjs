/* global URL, console, process */
// Builds the explorer when client/dist is missing or older than its sources (npm start runs this).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = fileURLToPath(new URL('..', import.meta.url));
const built = join(client, 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const sources = ['src', 'index.html', 'vite.config.ts'].map((f) => join(client, f)).filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log(
    existsSync(built) ? 'The explorer changed since its last build: building it (client/dist)…' : 'Building the explorer (client/dist)…',
  );
  const r = spawnSync('npx', ['vite', 'build', '--config', join(client, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('Building the explorer failed (see above). The API would still work: NODE_ENV=production npx tsx server/src/main.ts');
    process.exit(r.status ?? 1);
  }
}
