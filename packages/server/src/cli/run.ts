import { Command, CommanderError } from 'commander';
import type { CliContext, CliIo } from './context.js';
import { UsageError } from './context.js';
import { commands } from './commands/index.js';

/**
 * Runs `onething` with the given arguments and returns the exit status: 0 ok, 1 problems
 * found in the definitions, 2 usage or I/O errors (always a one-line message, never a
 * stack trace).
 * @example process.exitCode = await run(['lint', 'examples/definitions'], nodeIo())
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let status = 0;
  const ctx: CliContext = { io, exit: (code) => void (status = code) };
  const program = new Command('onething')
    .description('onething — government services declared as data')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run onething --help for usage)');
  for (const command of commands) command.register(program, ctx);
  // Subcommands inherit the overrides, so their usage errors come back here as well.
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output are not errors; commander already printed its message.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`onething: ${error.message}\n`);
      return 2;
    }
    io.stderr(`onething: internal error: ${error instanceof Error ? error.message : String(error)} (please report this)\n`);
    return 2;
  }
}

/** The real process's io. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
