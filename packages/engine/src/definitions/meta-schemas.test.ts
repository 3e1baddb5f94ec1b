import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('the embedded meta-schemas match schemas/*.schema.json (run `npm run generate -w @onething/engine` after changing a schema)', async () => {
  // @ts-expect-error the generator is a plain .mjs script
  const { render } = (await import('../../scripts/embed-meta-schemas.mjs')) as { render: () => Promise<string> };
  const checkedIn = await readFile(fileURLToPath(new URL('./meta-schemas.generated.ts', import.meta.url)), 'utf8');
  expect(checkedIn).toBe(await render());
});
