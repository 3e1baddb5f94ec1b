import semver from 'semver';
import { Option, type Command } from 'commander';
import { applyOverlay, hashDefinition, load, pinOverlay } from '@onething/engine';
import type { BundleDefinition, ItemDefinition, Loaded, OverlayDefinition, Registry } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError, resolveLocale } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { count, formatDiagnostic } from '../format.js';
import { readJsonFile, shown, writeJsonFile } from './exchange-files.js';

interface AdaptOptions {
  overlay: string;
  out?: string;
  pin?: boolean;
  json?: boolean;
  locale?: string;
}

/**
 * `onething adapt DIR --overlay FILE [--out FILE] [--pin] [--json] [--locale]`: applies a
 * partner overlay to its base (the highest version under DIR in the overlay's range) and prints
 * the adapted definition (or writes it with --out), with every remapping, conflict and lint
 * diagnostic on stderr. `--pin` first records the base it is applied to in the overlay file
 * (`base.writtenAgainst`) — after you have reviewed the base's changes. Exit 0 adapted (warnings
 * allowed), 1 with errors (nothing written), 2 usage or I/O.
 */
export const adaptCommand: CliCommand = {
  name: 'adapt',
  register(program: Command, ctx: CliContext) {
    program
      .command('adapt')
      .description('apply a partner overlay to its base under DIR and print the adapted definition')
      .argument('<dir>', 'directory of definition files holding the base (*.json, searched recursively)')
      .requiredOption('--overlay <file>', 'the overlay (kind "overlay") to apply')
      .option('--out <file>', 'write the adapted definition to this file instead of printing it')
      .option('--pin', 'record the base it is applied to in the overlay file (base.writtenAgainst) first')
      .option('--json', 'print { definition, diagnostics } as JSON')
      .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh-CN', 'en']))
      .action(async (dir: string, options: AdaptOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        let overlay = (await readJsonFile(options.overlay, ctx.io.cwd, 'overlay file')) as OverlayDefinition;
        if (typeof overlay !== 'object' || overlay === null || overlay.kind !== 'overlay' || typeof overlay.base !== 'object' || overlay.base === null) {
          throw new UsageError(`${options.overlay} is not an overlay (a JSON object with "kind": "overlay" and a "base")`);
        }
        const files = await readDefinitionDir(dir, ctx.io.cwd);
        const { value: registry } = load(files);
        const base = findBase(registry, overlay.base);
        if (!base) throw new UsageError(`no ${overlay.base.kind} ${overlay.base.id} in the range ${overlay.base.version} under ${shown(dir, ctx.io.cwd)}${loadedVersions(registry, overlay.base)}`);
        if (options.pin) {
          overlay = pinOverlay(overlay, base);
          await writeJsonFile(options.overlay, ctx.io.cwd, overlay);
          ctx.io.stderr(`pinned ${shown(options.overlay, ctx.io.cwd)} to ${base.definition.id}@${base.definition.version} (${base.hash.slice(0, 12)}…)\n`);
        }
        const file = options.out === undefined ? `${shown(options.overlay, ctx.io.cwd)} (adapted)` : shown(options.out, ctx.io.cwd);
        const loaded = { definition: overlay, file: shown(options.overlay, ctx.io.cwd), hash: hashDefinition(overlay) };
        const { value, diagnostics } = applyOverlay(base, loaded, registry, { file });
        const { errors } = count(diagnostics);
        if (options.json) ctx.io.stdout(`${JSON.stringify({ definition: value ?? null, diagnostics }, null, 2)}\n`);
        else for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d, locale)}\n`);
        if (errors || !value) {
          if (!options.json) ctx.io.stderr(`onething: not adapted: ${errors} error(s)\n`);
          return ctx.exit(1);
        }
        if (options.out !== undefined) {
          await writeJsonFile(options.out, ctx.io.cwd, value);
          if (!options.json) ctx.io.stderr(`wrote ${value.kind} ${value.id}@${value.version} to ${file}\n`);
        } else if (!options.json) ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
        ctx.exit(0);
      });
  },
};

/** The highest loaded version of the overlay's base in its range. */
function findBase(registry: Registry, base: OverlayDefinition['base']): Loaded<ItemDefinition | BundleDefinition> | undefined {
  if (typeof base.id !== 'string' || typeof base.version !== 'string') return undefined;
  if (base.kind === 'item') return registry.resolveItem(base.id, base.version);
  const versions = base.kind === 'bundle' ? registry.bundles.get(base.id) : undefined;
  const best = versions && semver.validRange(base.version) ? semver.maxSatisfying([...versions.keys()], base.version) : null;
  return best === null ? undefined : versions?.get(best);
}

function loadedVersions(registry: Registry, base: OverlayDefinition['base']): string {
  const versions = (base.kind === 'bundle' ? registry.bundles : registry.items).get(base.id);
  return versions ? ` (loaded: ${[...versions.keys()].join(', ')})` : '';
}
