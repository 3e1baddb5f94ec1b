#!/usr/bin/env node
// `npm run build -w @onething/sdk` runs this after tsc: the browser build into dist/browser/.
import { statSync } from 'node:fs';
import { buildBrowser } from './browser-build.mjs';

const built = await buildBrowser();
for (const file of [built.sdk, built.divisions]) console.log(`sdk browser build: ${file} ${(statSync(file).size / 1024).toFixed(1)} KiB minified`);
