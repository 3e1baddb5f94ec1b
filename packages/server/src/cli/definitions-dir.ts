import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { DefinitionFile } from '@onething/engine';
import { UsageError } from './context.js';

/**
 * Reads every `*.json` under a directory (recursively; `node_modules` and dot-directories
 * are skipped, symbolic links to directories are not followed), in a stable order. Paths in
 * the result are relative to `cwd`, with forward slashes, so diagnostics name files the
 * user can open.
 * @example await readDefinitionDir('examples/definitions', process.cwd()) // [{ path: 'examples/definitions/concepts.json', content: '…' }, …]
 */
export async function readDefinitionDir(dir: string, cwd: string): Promise<DefinitionFile[]> {
  const root = resolve(cwd, dir);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new UsageError(`no such directory: ${dir}`);
  if (!info.isDirectory()) throw new UsageError(`not a directory: ${dir}`);
  const paths: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${relative(cwd, current) || '.'}: ${error.code ?? error.message}`);
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.name.endsWith('.json') && (entry.isFile() || (await stat(path).catch(() => undefined))?.isFile())) {
        paths.push(path);
      }
    }
  };
  await walk(root);
  if (!paths.length) throw new UsageError(`no *.json files under ${dir}`);
  return Promise.all(
    paths.map(async (path) => {
      const content = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${relative(cwd, path)}: ${error.code ?? error.message}`);
      });
      return { path: relative(cwd, path).split(sep).join('/'), content };
    }),
  );
}
