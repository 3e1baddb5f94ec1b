#!/usr/bin/env node
// The `onething` command: runs the built CLI (packages/server/dist/cli/main.js).
import('../dist/cli/main.js').catch((error) => {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(
    missing
      ? 'onething: the CLI is not built; run `npm run build -w @onething/engine -w @onething/server`\n'
      : `onething: ${error && error.message ? error.message : error}\n`,
  );
  process.exitCode = 2;
});
