import type { CliCommand } from '../context.js';
import { composeCommand } from './compose.js';
import { lintCommand } from './lint.js';
import { serveCommand } from './serve.js';
import { tokenCommand } from './token.js';
import { typesCommand } from './types.js';
import { exchangeCommands } from './exchange.js';

/** The sub-commands of `onething`, one file each; add yours here (serve, token, types, pack …). */
export const commands: CliCommand[] = [lintCommand, composeCommand, serveCommand, tokenCommand, typesCommand, ...exchangeCommands];
