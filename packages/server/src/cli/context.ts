import type { Command } from 'commander';
import type { Locale } from '@onething/engine';

/** Where a command writes and what it runs in; `run` gets the real one, tests may pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** What a command's action gets: the io, and a way to set the exit status. */
export interface CliContext {
  io: CliIo;
  /** Sets the process exit status (0 ok, 1 problems found, 2 usage or I/O error). */
  exit(code: number): void;
}

/**
 * One `onething` sub-command, in its own file under `commands/`, registered by the
 * `commands` array. `register` adds the command to the program with its options and action.
 * @example export const lintCommand: CliCommand = { name: 'lint', register(program, ctx) { program.command('lint <dir>').action(…) } }
 */
export interface CliCommand {
  name: string;
  register(program: Command, ctx: CliContext): void;
}

/** A problem with how the command was called or with its inputs (exit 2, message only, no stack trace). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The locale to print in: `--locale`, else the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`
 * starting with `zh`), else English.
 * @example resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function resolveLocale(option: string | undefined, env: CliIo['env']): Locale {
  if (option === 'zh-CN' || option === 'en') return option;
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(fromEnv) ? 'zh-CN' : 'en';
}
