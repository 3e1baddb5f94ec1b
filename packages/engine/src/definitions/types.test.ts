import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('the checked-in definition types match the meta-schemas (run `npm run generate -w @onething/engine` after changing a schema)', async () => {
  // @ts-expect-error the generator is a plain .mjs script
  const { render } = (await import('../../scripts/generate-types.mjs')) as { render: () => Promise<string> };
  const checkedIn = await readFile(fileURLToPath(new URL('./types.generated.ts', import.meta.url)), 'utf8');
  expect(checkedIn).toBe(await render());
}, 60_000);
