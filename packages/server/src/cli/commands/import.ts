import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { definitionPath, hashDefinition, load } from '@onething/engine';
import type { DefinitionFile } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError, resolveLocale } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { formatDiagnostic } from '../format.js';
import { shown, writeJsonFile } from './exchange-files.js';
import { describePackage, verifyFile } from './verify.js';

interface ImportOptions {
  trust: string;
  into: string;
  force?: boolean;
  locale?: string;
}

/**
 * `onething import FILE --trust KEYS.json --into DIR [--force] [--locale]`: verifies the package,
 * checks its definitions together with those already under DIR (meta-schemas and lint), then
 * writes each one to `DIR/<kind>s/<id>@<version>.json`, so earlier versions stay beside new
 * ones. Nothing is written when verification or the check finds errors, or when a file there
 * has other content for the same id and version (unless --force). Exit 0 imported, 1 refused,
 * 2 usage or I/O.
 */
export const importCommand: CliCommand = {
  name: 'import',
  register(program: Command, ctx: CliContext) {
    program
      .command('import')
      .description('verify a package and write its definitions into DIR')
      .argument('<file>', 'the package file')
      .requiredOption('--trust <file>', 'trusted keys: a JWK Set { "keys": [ { …, "publisher": "<id>" } ] }')
      .requiredOption('--into <dir>', 'the definitions directory to write into (created if missing)')
      .option('--force', 'replace files that hold other content for the same id and version')
      .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh-CN', 'en']))
      .action(async (file: string, options: ImportOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        const { value: pkg, diagnostics } = await verifyFile(file, options.trust, ctx.io.cwd);
        for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
        if (!pkg) {
          ctx.io.stderr('onething: not imported: the package did not verify\n');
          return ctx.exit(1);
        }
        ctx.io.stdout(describePackage(pkg, locale));

        const incoming = pkg.definitions.map((definition) => ({ path: shown(join(options.into, definitionPath(definition)), ctx.io.cwd), definition }));
        const existing = await existingFiles(options.into, ctx.io.cwd);
        const clashes: string[] = [];
        const unchanged = new Set<string>();
        for (const { path, definition } of incoming) {
          const before = existing.find((f) => f.path === path);
          if (!before) continue;
          if (sameDefinition(before.content, definition)) unchanged.add(path);
          else clashes.push(path);
        }
        if (clashes.length && !options.force) {
          for (const path of clashes) ctx.io.stderr(`onething: ${path} exists with other content for the same id and version\n`);
          ctx.io.stderr('onething: not imported; a published version should never change — ask the publisher, or pass --force to replace\n');
          return ctx.exit(1);
        }

        const paths = new Set(incoming.map((i) => i.path));
        const checked = load([...existing.filter((f) => !paths.has(f.path)), ...incoming.map((i) => ({ path: i.path, content: i.definition }))]);
        const problems = checked.diagnostics.filter((d) => d.file !== undefined && paths.has(d.file));
        for (const d of problems) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
        if (problems.some((d) => d.severity === 'error')) {
          ctx.io.stderr(`onething: not imported: the definitions have errors once placed in ${shown(options.into, ctx.io.cwd)}\n`);
          return ctx.exit(1);
        }
        for (const { path, definition } of incoming) {
          if (unchanged.has(path)) ctx.io.stdout(`  unchanged ${path}\n`);
          else {
            await writeJsonFile(path, ctx.io.cwd, definition);
            ctx.io.stdout(`  wrote     ${path}\n`);
          }
        }
        ctx.exit(0);
      });
  },
};

/** The definition files already under DIR (none when it does not exist yet). */
async function existingFiles(dir: string, cwd: string): Promise<DefinitionFile[]> {
  const info = await stat(resolve(cwd, dir)).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) throw new UsageError(`not a directory: ${dir}`);
  return readDefinitionDir(dir, cwd).catch((error: unknown) => {
    if (error instanceof UsageError && error.message.startsWith('no *.json files')) return [];
    throw error;
  });
}

function sameDefinition(text: unknown, definition: unknown): boolean {
  try {
    return hashDefinition(JSON.parse(String(text))) === hashDefinition(definition);
  } catch {
    return false;
  }
}

