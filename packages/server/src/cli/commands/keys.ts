import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { generateSigningKey } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError } from '../context.js';
import { shown, writeJsonFile } from './exchange-files.js';

interface KeysOptions {
  out: string;
  publisher?: string;
  force?: boolean;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * `onething keys generate --out DIR [--publisher ID] [--force]`: writes a new Ed25519 key pair
 * as JWKs, `<name>.private.jwk.json` (mode 600: sign packages with it, keep it secret) and
 * `<name>.public.jwk.json` (give it to partners for their trusted keys), where name is the
 * publisher or `signing`. Existing files are not overwritten without --force.
 */
export const keysCommand: CliCommand = {
  name: 'keys',
  register(program: Command, ctx: CliContext) {
    const keys = program.command('keys').description('manage the keys that sign definition packages');
    keys
      .command('generate')
      .description('write a new Ed25519 key pair (JWK) for signing packages')
      .requiredOption('--out <dir>', 'directory to write the key files to')
      .option('--publisher <id>', 'the publisher the key signs for (kebab-case); recorded in the keys')
      .option('--force', 'overwrite existing key files')
      .exitOverride()
      .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
      .action(async (options: KeysOptions) => {
        if (options.publisher !== undefined && !ID.test(options.publisher)) throw new UsageError('--publisher must be a kebab-case id, e.g. huarong-approval-bureau');
        const name = options.publisher ?? 'signing';
        const privatePath = join(options.out, `${name}.private.jwk.json`);
        const publicPath = join(options.out, `${name}.public.jwk.json`);
        for (const path of [privatePath, publicPath]) {
          const exists = await access(resolve(ctx.io.cwd, path)).then(() => true, () => false);
          if (exists && !options.force) throw new UsageError(`${shown(path, ctx.io.cwd)} exists; pass --force to replace it (packages signed with the old key will no longer verify against the new one)`);
        }
        const { privateKey, publicKey } = generateSigningKey(options.publisher === undefined ? {} : { publisher: options.publisher });
        await writeJsonFile(privatePath, ctx.io.cwd, privateKey, 0o600);
        await writeJsonFile(publicPath, ctx.io.cwd, publicKey);
        ctx.io.stdout(`key ${publicKey.kid}\n  private: ${shown(privatePath, ctx.io.cwd)} (keep it secret)\n  public:  ${shown(publicPath, ctx.io.cwd)} (give it to partners)\n`);
      });
    keys.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  },
};
