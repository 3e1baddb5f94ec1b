import { Option, type Command } from 'commander';
import { jwkThumbprint, load, packDefinitions } from '@onething/engine';
import type { AnyDefinition, Ed25519PrivateJwk, Loaded, Registry } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError, resolveLocale } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { count, formatDiagnostic, sortByFile } from '../format.js';
import { readJsonFile, shown, writeJsonFile } from './exchange-files.js';

interface PackOptions {
  key: string;
  publisher: string;
  out: string;
  region?: string;
  created?: string;
  locale?: string;
}

/**
 * `onething pack DIR --key KEY.jwk --publisher ID --out FILE [--region CODE] [--created ISO]`:
 * loads every definition under DIR (refusing to sign definitions with errors), lists them in a
 * manifest and signs it with the publisher's Ed25519 key. The region defaults to the one all
 * items and bundles share. Exit 0 written, 1 definitions or manifest with errors, 2 usage or I/O.
 */
export const packCommand: CliCommand = {
  name: 'pack',
  register(program: Command, ctx: CliContext) {
    program
      .command('pack')
      .description('sign the definitions under DIR into one package for partner regions')
      .argument('<dir>', 'directory of definition files (*.json, searched recursively)')
      .requiredOption('--key <file>', 'the private key (JWK) from `onething keys generate`')
      .requiredOption('--publisher <id>', 'the publisher id partners trust the key for')
      .requiredOption('--out <file>', 'the package file to write (e.g. newborn-birth.otpkg.json)')
      .option('--region <code>', 'the publishing region (default: the region all items and bundles share)')
      .option('--created <date-time>', 'the creation time to record (default: now)')
      .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh-CN', 'en']))
      .action(async (dir: string, options: PackOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        const key = (await readJsonFile(options.key, ctx.io.cwd, 'key file')) as Ed25519PrivateJwk;
        const files = await readDefinitionDir(dir, ctx.io.cwd);
        const loaded = load(files);
        const errors = sortByFile(loaded.diagnostics, files.map((f) => f.path)).filter((d) => d.severity === 'error');
        if (errors.length) {
          for (const d of errors) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
          ctx.io.stderr(`onething: not packed: ${errors.length} error(s) in the definitions\n`);
          return ctx.exit(1);
        }
        const definitions = inFileOrder(loaded.value, files.map((f) => f.path));
        const region = options.region ?? sharedRegion(definitions);
        const created = options.created ?? new Date().toISOString();
        const packed = packDefinitions(definitions, { publisher: options.publisher, region, created }, key, shown(options.out, ctx.io.cwd));
        for (const d of packed.diagnostics) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
        if (!packed.value || count(packed.diagnostics).errors) return ctx.exit(1);
        await writeJsonFile(options.out, ctx.io.cwd, packed.value);
        ctx.io.stdout(`packed ${definitions.length} definitions from ${shown(dir, ctx.io.cwd)} into ${shown(options.out, ctx.io.cwd)}, signed by ${options.publisher} (key ${typeof key.kid === 'string' ? key.kid : jwkThumbprint(key)})\n`);
        ctx.exit(0);
      });
  },
};

/** Every loaded definition, in the order of its file. */
function inFileOrder(registry: Registry, order: string[]): AnyDefinition[] {
  const all: Array<Loaded<AnyDefinition>> = [
    ...registry.dictionaries.values(),
    ...[...registry.items.values(), ...registry.bundles.values(), ...registry.overlays.values()].flatMap((versions) => [...versions.values()]),
  ];
  const rank = new Map(order.map((file, i) => [file, i]));
  return all.sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0)).map((l) => l.definition);
}

function sharedRegion(definitions: AnyDefinition[]): string {
  const regions = new Set(definitions.flatMap((d) => (d.kind === 'item' || d.kind === 'bundle' ? [d.region] : [])));
  if (regions.size === 1) return [...regions][0]!;
  throw new UsageError(regions.size ? `the definitions name several regions (${[...regions].join(', ')}); pass --region` : 'no item or bundle names a region; pass --region');
}
