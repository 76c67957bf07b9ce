// Trunk post-build hook: gives the release build's index.html a Content-Security-Policy that allows no
// remote scripts, objects or frames. Trunk starts the app with an inline module script whose
// text changes with every build (it names the hashed files), so the policy allows exactly that
// script by its sha256, computed here on the staged page, and nothing else inline.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('scripts/csp.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
// Debug builds (trunk serve) are left without: the live-reload script Trunk rewrites while
// serving could not be allowed by a hash taken here.
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const file = join(staging, 'index.html');
const html = readFileSync(file, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Label colours are a generated <style>; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a policy');
// Right after the charset, which must stay within the first bytes of the page.
const anchor = /<meta charset[^>]*>/i.test(html) ? /(<meta charset[^>]*>)/i : /(<head>)/i;
writeFileSync(file, html.replace(anchor, `$1\n    ${meta}`));
console.log(`Content-Security-Policy set, ${hashes.length} inline script(s) allowed by hash`);
