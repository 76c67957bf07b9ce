// Trunk's post_build hook. Trunk starts all hooks of a stage at once, and these steps need an
// order: the service worker's version is taken from the page after its policy is written.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ['csp.mjs', 'service_worker.mjs']) {
  execFileSync(process.execPath, [join(here, step)], { stdio: 'inherit' });
}
