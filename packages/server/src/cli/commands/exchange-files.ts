import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../context.js';

// File helpers shared by the exchange commands (keys, pack, verify, import, adapt).

/** Files larger than this are refused before parsing (a package of a whole province is a few MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON file named on the command line; problems are usage errors (exit 2)
 * naming the file.
 * @example await readJsonFile('trust.json', cwd, 'trusted keys file')
 */
export async function readJsonFile(path: string, cwd: string, what: string): Promise<unknown> {
  const text = await readFile(resolve(cwd, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${what} ${path}: ${error.code ?? error.message}`);
  });
  if (text.length > MAX_BYTES) throw new UsageError(`${what} ${path} is larger than 64 MB`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} ${path} is not JSON (${(error as Error).message})`);
  }
}

/**
 * Writes JSON (two-space indented, final newline) through a temporary file and a rename, so a
 * reader never sees half a file and a failed write leaves the old one.
 * @example await writeJsonFile('out/pkg.otpkg.json', cwd, pkg)
 */
export async function writeJsonFile(path: string, cwd: string, value: unknown, mode?: number): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
    await rename(temporary, target);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A path relative to `cwd` with forward slashes, as diagnostics and messages show it. */
export function shown(path: string, cwd: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';
}
