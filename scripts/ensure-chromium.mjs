#!/usr/bin/env node
// pretest: the browser tests drive Debian's Chromium through playwright-core. They are never
// skipped silently: when /usr/bin/chromium is missing we install it (as root, on Debian), or
// stop and print the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`[pretest] ${CHROMIUM} is missing: installing Debian's ${PACKAGES.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
  if (existsSync(CHROMIUM)) process.exit(0);
}
console.error(
  `[pretest] The browser tests need Chromium at ${CHROMIUM} and it is not there.\n` +
    `  Install it with:  sudo apt-get install -y ${PACKAGES.join(' ')}\n` +
    `  (or point CHROMIUM_PATH at another Chromium build), then run npm test again.`,
);
process.exit(1);
