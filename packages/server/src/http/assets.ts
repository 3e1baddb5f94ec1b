import { existsSync } from 'node:fs';
import express from 'express';
import { designerContentSecurityPolicy } from './middleware/security.js';

/**
 * Directories of built browser assets and where they are served. Each is served only when
 * it exists, so the server runs before the other packages are built.
 * - `designer` (packages/designer/dist/app) → `/designer/`
 * - `workbench` (packages/workbench/dist/app) → `/workbench/` (the clerks' and reviewers' workbench;
 *   the default CSP: it runs no compiled validators)
 * - `sdk` (packages/sdk/dist/browser) → `/sdk/`
 * - `portalHtml` (examples/portal-html) → `/portal/`
 * - `portalReact` (examples/portal-react/dist) → `/portal-react/`
 */
export interface AssetMounts {
  designer?: string;
  workbench?: string;
  sdk?: string;
  portalHtml?: string;
  portalReact?: string;
}

/** URL paths of the asset mounts. */
export const ASSET_PATHS: Record<keyof AssetMounts, string> = {
  designer: '/designer/',
  workbench: '/workbench/',
  sdk: '/sdk/',
  portalHtml: '/portal/',
  portalReact: '/portal-react/',
};

/**
 * Serves the asset directories that exist; returns the URL paths it mounted.
 * @example mountAssets(app, { sdk: 'packages/sdk/dist/browser' }) // ['/sdk/']
 */
export function mountAssets(app: express.Express, mounts: AssetMounts): string[] {
  const mounted: string[] = [];
  for (const [name, dir] of Object.entries(mounts) as Array<[keyof AssetMounts, string | undefined]>) {
    if (!dir || !existsSync(dir)) continue;
    const path = ASSET_PATHS[name];
    if (name === 'designer') app.use(path, designerContentSecurityPolicy());
    app.use(path, express.static(dir, { index: 'index.html', fallthrough: true, dotfiles: 'ignore', maxAge: '5m' }));
    mounted.push(path);
  }
  return mounted;
}
