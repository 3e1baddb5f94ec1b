import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { compose, load, metrics } from '@onething/engine';
import type { Diagnostic, Json, Registry } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError, resolveLocale } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { count, formatDiagnostic, sortByFile } from '../format.js';
import { formatComposition } from '../compose-summary.js';

interface ComposeOptions {
  bundle: string;
  version?: string;
  answers?: string;
  json?: boolean;
  locale?: string;
}

/**
 * `onething compose DIR --bundle ID [--version V] [--answers JSON|@file] [--json] [--locale]`:
 * composes a bundle into one form and prints the items, merged fields, materials and the
 * reduction metrics (or `{ composed, metrics, diagnostics }` with --json). Exit 1 when the
 * definitions or the composition have errors, 2 on usage errors.
 */
export const composeCommand: CliCommand = {
  name: 'compose',
  register(program: Command, ctx: CliContext) {
    program
      .command('compose')
      .description('compose a bundle into one form and print its metrics')
      .argument('<dir>', 'directory of definition files (*.json, searched recursively)')
      .requiredOption('--bundle <id>', 'the bundle to compose')
      .option('--version <version>', 'the bundle version (default: the highest loaded)')
      .option('--answers <json>', 'guidance answers as JSON, or @file to read them from a file')
      .option('--json', 'print { composed, metrics, diagnostics } as JSON')
      .addOption(new Option('--locale <locale>', 'language of the summary').choices(['zh-CN', 'en']))
      .action(async (dir: string, options: ComposeOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        const answers = options.answers === undefined ? undefined : await readAnswers(options.answers, ctx.io.cwd);
        const files = await readDefinitionDir(dir, ctx.io.cwd);
        const loaded = load(files);
        const bundle = loaded.value.bundle(options.bundle, options.version);
        if (!bundle) throw new UsageError(missingBundle(loaded.value, options.bundle, options.version));
        const composed = compose(bundle, loaded.value, answers);
        const measured = metrics(composed.value);
        // compose re-checks what lint already reported (an unresolved item, say): report each once.
        const diagnostics = sortByFile(unique([...loaded.diagnostics, ...composed.diagnostics]), files.map((f) => f.path));
        if (options.json) {
          ctx.io.stdout(`${JSON.stringify({ composed: composed.value, metrics: measured, diagnostics }, null, 2)}\n`);
        } else {
          for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
          ctx.io.stdout(formatComposition(composed.value, measured, locale));
        }
        ctx.exit(count(diagnostics).errors ? 1 : 0);
      });
  },
};

function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file ?? ''}\u0000${d.pointer}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

async function readAnswers(option: string, cwd: string): Promise<Record<string, Json>> {
  let source = option;
  if (option.startsWith('@')) {
    source = await readFile(resolve(cwd, option.slice(1)), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read answers file ${option.slice(1)}: ${error.code ?? error.message}`);
    });
  }
  let answers: unknown;
  try {
    answers = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--answers is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new UsageError('--answers must be a JSON object, e.g. {"hasHousehold": true}');
  }
  return answers as Record<string, Json>;
}

function missingBundle(registry: Registry, id: string, version: string | undefined): string {
  const versions = registry.bundles.get(id);
  if (versions && version !== undefined) return `bundle ${id} has no version ${version} (loaded: ${[...versions.keys()].join(', ')})`;
  const known = [...registry.bundles.keys()];
  return `no bundle ${id} under the directory${known.length ? ` (bundles: ${known.join(', ')})` : ' (it has no bundles)'}`;
}
