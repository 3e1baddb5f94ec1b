#!/usr/bin/env node
// Runs publint on every published workspace package (those under packages/).
import { readdirSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFile } from 'node:fs/promises';

let failed = false;
for (const name of readdirSync('packages')) {
  const pkgDir = `packages/${name}`;
  const pkg = JSON.parse(await readFile(`${pkgDir}/package.json`, 'utf8'));
  const { messages } = await publint({ pkgDir, level: 'warning', strict: true });
  for (const m of messages) console.log(`${pkg.name}: [${m.type}] ${formatMessage(m, pkg)}`);
  if (messages.length) failed = true;
  else console.log(`${pkg.name}: publint ok`);
}
process.exit(failed ? 1 : 0);
