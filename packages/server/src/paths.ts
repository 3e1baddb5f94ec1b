import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AssetMounts } from './http/assets.js';

/** The server package's root (works from `src/` and `dist/`). */
export const SERVER_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The monorepo root, when the server runs inside it. */
export const REPO_ROOT = join(SERVER_ROOT, '../..');

/**
 * Where the other packages put their built browser assets (served when they exist):
 * the designer app, the workbench app, the SDK's browser build and the two example portals.
 */
export function defaultAssetMounts(root = REPO_ROOT): AssetMounts {
  return {
    designer: join(root, 'packages/designer/dist/app'),
    workbench: join(root, 'packages/workbench/dist/app'),
    sdk: join(root, 'packages/sdk/dist/browser'),
    portalHtml: join(root, 'examples/portal-html'),
    portalReact: join(root, 'examples/portal-react/dist'),
  };
}
