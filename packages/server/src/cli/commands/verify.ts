import { Option, type Command } from 'commander';
import { verifyPackage } from '@onething/engine';
import type { Locale, Result, TrustedKeys, VerifiedPackage } from '@onething/engine';
import type { CliCommand, CliContext } from '../context.js';
import { resolveLocale } from '../context.js';
import { formatDiagnostic } from '../format.js';
import { readJsonFile, shown } from './exchange-files.js';

interface VerifyOptions {
  trust: string;
  json?: boolean;
  locale?: string;
}

/**
 * Reads a package and the trusted keys and verifies one against the other; shared by `verify`
 * and `import`.
 */
export async function verifyFile(file: string, trust: string, cwd: string): Promise<Result<VerifiedPackage | undefined>> {
  const keys = (await readJsonFile(trust, cwd, 'trusted keys file')) as TrustedKeys;
  const pkg = await readJsonFile(file, cwd, 'package');
  return verifyPackage(pkg, keys, { file: shown(file, cwd), trustFile: shown(trust, cwd) });
}

/** What a verified package holds, one line per definition. */
export function describePackage(pkg: VerifiedPackage, locale: Locale): string {
  const { publisher, region, created, entries } = pkg.manifest;
  const head =
    locale === 'zh-CN'
      ? `签名有效：发布者 ${publisher}（地区 ${region}），${created} 创建，密钥 ${pkg.kid}，共 ${entries.length} 个定义`
      : `signature valid: publisher ${publisher} (region ${region}), created ${created}, key ${pkg.kid}, ${entries.length} definitions`;
  return `${head}\n${entries.map((e) => `  ${e.kind.padEnd(8)} ${e.id}@${e.version}  ${e.hash.slice(0, 12)}…`).join('\n')}\n`;
}

/**
 * `onething verify FILE --trust KEYS.json [--json] [--locale]`: checks a package's signature
 * against the trusted keys (a JWK Set whose keys name their publisher) and every definition
 * against its manifest hash. Exit 0 valid, 1 not valid, 2 usage or I/O.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  register(program: Command, ctx: CliContext) {
    program
      .command('verify')
      .description('check a package’s signature and contents against trusted publisher keys')
      .argument('<file>', 'the package file')
      .requiredOption('--trust <file>', 'trusted keys: a JWK Set { "keys": [ { …, "publisher": "<id>" } ] }')
      .option('--json', 'print { valid, manifest, kid, diagnostics } as JSON')
      .addOption(new Option('--locale <locale>', 'language of the messages').choices(['zh-CN', 'en']))
      .action(async (file: string, options: VerifyOptions) => {
        const locale = resolveLocale(options.locale, ctx.io.env);
        const { value, diagnostics } = await verifyFile(file, options.trust, ctx.io.cwd);
        if (options.json) {
          const report = value ? { valid: true, manifest: value.manifest, kid: value.kid, diagnostics } : { valid: false, diagnostics };
          ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          for (const d of diagnostics) ctx.io.stdout(`${formatDiagnostic(d, locale)}\n`);
          if (value) ctx.io.stdout(describePackage(value, locale));
          else ctx.io.stdout(locale === 'zh-CN' ? '定义包未通过验证\n' : 'package NOT verified\n');
        }
        ctx.exit(value ? 0 : 1);
      });
  },
};
