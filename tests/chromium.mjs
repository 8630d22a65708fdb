// chromium.mjs — the one way the tests and benchmarks start a browser: Debian's Chromium
// (never one downloaded by a tool), headless, WebGL2 by SwiftShader, no background traffic.
//   import { launchChromium, toolsRequire } from '../chromium.mjs';
//   const browser = await launchChromium();
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// npm packages of the tests live in tools/node_modules (tools/package.json, installed by npm ci).
export const toolsRequire = createRequire(join(root, 'tools/package.json'));

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium() {
  const { chromium } = toolsRequire('playwright-core');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
