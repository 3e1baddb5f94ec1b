import { Option, type Command } from 'commander';
import { load } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { resolveLocale } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { count, formatDiagnostic, sortByFile, summary } from '../format.js';

interface LintOptions {
  json?: boolean;
  locale?: string;
}

/**
 * `onething lint DIR [--json] [--locale zh-CN|en]`: loads every definition under DIR and
 * prints its diagnostics. Exit 0 without errors (warnings allowed), 1 with errors, 2 on
 * usage errors.
 */
export const lintCommand: CliCommand = {
  name: 'lint',
  register(program: Command, ctx: CliContext) {
    program
      .command('lint')
      .description('check the definitions under DIR: meta-schemas and lint rules')
      .argument('<dir>', 'directory of definition files (*.json, searched recursively)')
      .option('--json', 'print { files, errors, warnings, diagnostics } as JSON')
      .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh-CN', 'en']))
      .action(async (dir: string, options: LintOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        const files = await readDefinitionDir(dir, ctx.io.cwd);
        const diagnostics = sortByFile(load(files).diagnostics, files.map((f) => f.path));
        const { errors, warnings } = count(diagnostics);
        if (options.json) {
          ctx.io.stdout(`${JSON.stringify({ files: files.length, errors, warnings, diagnostics }, null, 2)}\n`);
        } else {
          for (const d of diagnostics) ctx.io.stdout(`${formatDiagnostic(d, locale)}\n`);
          ctx.io.stdout(`${summary(files.length, errors, warnings, locale)}\n`);
        }
        ctx.exit(errors ? 1 : 0);
      });
  },
};
