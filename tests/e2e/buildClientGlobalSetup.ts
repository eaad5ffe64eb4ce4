import { execFileSync } from 'node:child_process';

/** The end-to-end tests use the built explorer: build it first when it is missing or stale. */
export default function setup(): void {
  execFileSync(process.execPath, [new URL('../../client/scripts/ensureBuilt.mjs', import.meta.url).pathname], { stdio: 'inherit' });
}
