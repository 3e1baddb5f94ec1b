import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { JSONWebKeySet } from 'jose';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError } from '../context.js';
import { readDefinitionDir } from '../definitions-dir.js';
import { openStore } from '../../store/open.js';
import { importDefinitions } from '../../catalog/definitions.js';
import { serve } from '../../serve.js';
import { createLogger } from '../../logging.js';
import { demoIdentities, demoSecret, workbenchLink } from '../../demo.js';
import { defaultAssetMounts, REPO_ROOT } from '../../paths.js';
import { ASSET_PATHS, type AssetMounts } from '../../http/assets.js';
import type { AuthOptions } from '../../auth/tokens.js';
import type { TransportConfig } from '../../notifications/transports/index.js';

interface ServeFlags {
  port: string;
  host: string;
  store?: string;
  definitions?: string;
  demo?: boolean;
  jwks?: string;
  issuer?: string;
  audience?: string;
  cors?: string;
  logLevel: string;
  clockOffset?: string;
  scheduler: boolean;
  schedulerInterval: string;
  webhook?: string;
  draftDays: string;
  notifyLog?: boolean;
  trustProxy?: string;
}

const integer = (value: string, name: string, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

async function authFrom(flags: ServeFlags, ctx: CliContext): Promise<AuthOptions> {
  const auth: AuthOptions = {};
  const secret = ctx.io.env['ONETHING_JWT_SECRET'] || (flags.demo ? demoSecret(resolve(ctx.io.cwd, '.onething/demo-secret')) : undefined);
  if (secret) {
    if (Buffer.byteLength(secret) < 32) throw new UsageError('ONETHING_JWT_SECRET must be at least 32 bytes');
    auth.secret = secret;
  }
  if (flags.jwks) {
    if (/^https?:\/\//.test(flags.jwks)) auth.jwks = new URL(flags.jwks);
    else {
      const text = await readFile(resolve(ctx.io.cwd, flags.jwks), 'utf8').catch(() => {
        throw new UsageError(`cannot read --jwks ${flags.jwks}`);
      });
      try {
        auth.jwks = JSON.parse(text) as JSONWebKeySet;
      } catch {
        throw new UsageError(`--jwks ${flags.jwks} is not JSON`);
      }
    }
  }
  if (!auth.secret && !auth.jwks) throw new UsageError('no way to verify tokens: set ONETHING_JWT_SECRET (HS256) or pass --jwks URL|FILE (EdDSA), or use --demo');
  if (flags.issuer) auth.issuer = flags.issuer;
  if (flags.audience) auth.audience = flags.audience;
  return auth;
}

/** The notification transports the flags ask for: the inbox always, a webhook, the log. */
function transportsFrom(flags: ServeFlags, ctx: CliContext): TransportConfig[] {
  const transports: TransportConfig[] = [{ type: 'inbox' }];
  if (flags.webhook) {
    if (!/^https?:\/\//.test(flags.webhook)) throw new UsageError('--webhook must be an http(s) URL');
    const secret = ctx.io.env['ONETHING_WEBHOOK_SECRET'];
    transports.push({ type: 'webhook', url: flags.webhook, ...(secret ? { secret } : {}) });
  }
  if (flags.notifyLog || flags.demo) transports.push({ type: 'log' });
  return transports;
}

/**
 * `onething serve [--port 3000] [--host 127.0.0.1] [--store sqlite:PATH|mongodb://…]
 * [--definitions DIR] [--demo]`: runs the API, the deadline scheduler and the built browser
 * assets until SIGINT/SIGTERM. `--demo` is what `npm start` runs: SQLite at
 * `.onething/demo.sqlite`, the example definitions, and printed demo tokens.
 */
export const serveCommand: CliCommand = {
  name: 'serve',
  register(program: Command, ctx: CliContext) {
    program
      .command('serve')
      .description('run the API server and the deadline scheduler')
      .option('--port <port>', 'port to listen on (0: any free port)', '3000')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--store <spec>', 'sqlite:PATH (default sqlite:.onething/data.sqlite) or mongodb://… (replica set)')
      .option('--definitions <dir>', 'publish the definitions under DIR into the store at start')
      .option('--demo', 'demo mode: .onething/demo.sqlite, examples/definitions, printed demo tokens; tokens are signed and checked with ONETHING_JWT_SECRET when it is set, else with the demo secret (.onething/demo-secret)')
      .option('--jwks <url|file>', 'JWKS of trusted EdDSA token issuers (HS256 uses ONETHING_JWT_SECRET)')
      .option('--issuer <iss>', 'required token issuer')
      .option('--audience <aud>', 'required token audience')
      .option('--cors <origins>', 'comma-separated origins always allowed by CORS (portals can also be registered via the admin API)')
      .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug']).default('info'))
      .addOption(new Option('--clock-offset <ms>', 'shift the server clock (rehearsing deadlines; never in production)').hideHelp())
      .option('--no-scheduler', 'do not fire deadlines or deliver notifications in this process')
      .option('--draft-days <days>', 'delete drafts not saved for this many days (0: keep them)', '30')
      .option('--webhook <url>', 'also deliver notifications to this URL (signed with ONETHING_WEBHOOK_SECRET when set)')
      .option('--notify-log', 'also write notifications to the log (on with --demo)')
      .option('--scheduler-interval <ms>', 'pause between scheduler passes', '1000')
      .option('--trust-proxy <hops>', 'behind a reverse proxy: how many proxies to trust for the client IP (rate limits)')
      .action(async (flags: ServeFlags) => {
        const port = integer(flags.port, '--port', 0, 65535);
        const interval = integer(flags.schedulerInterval, '--scheduler-interval', 10, 3_600_000);
        const draftDays = integer(flags.draftDays, '--draft-days', 0, 3650);
        const offset = flags.clockOffset === undefined ? 0 : integer(flags.clockOffset, '--clock-offset', -1e13, 1e13);
        const trustProxy = flags.trustProxy === undefined ? undefined : integer(flags.trustProxy, '--trust-proxy', 0, 10);
        const auth = await authFrom(flags, ctx);
        const transports = transportsFrom(flags, ctx);
        const cwd = ctx.io.cwd;
        const spec = flags.store ?? `sqlite:${resolve(cwd, flags.demo ? '.onething/demo.sqlite' : '.onething/data.sqlite')}`;
        const store = await openStore(spec).catch((error: Error) => {
          throw new UsageError(`cannot open the store ${spec.replace(/\/\/[^@/]*@/, '//***@')}: ${error.message}`);
        });
        const logger = createLogger({ level: flags.logLevel });
        const clock = offset ? () => new Date(Date.now() + offset) : () => new Date();

        const definitionsDir =
          flags.definitions ?? (flags.demo ? (existsSync(resolve(cwd, 'examples/definitions')) ? 'examples/definitions' : join(REPO_ROOT, 'examples/definitions')) : undefined);
        if (definitionsDir) {
          const report = await importDefinitions(store, await readDefinitionDir(definitionsDir, cwd), 'onething serve', clock());
          for (const d of report.diagnostics) ctx.io.stderr(`${d.file ?? ''}:${d.pointer}  ${d.severity}  ${d.code}  ${d.message.en}\n`);
          ctx.io.stdout(`definitions: ${report.created} published, ${report.unchanged} already there${report.diagnostics.length ? `, ${report.diagnostics.length} problems` : ''}\n`);
        }

        const assets: AssetMounts = defaultAssetMounts(existsSync(resolve(cwd, 'packages/server')) ? cwd : REPO_ROOT);
        const cors = flags.cors ? flags.cors.split(',').map((o) => o.trim()).filter(Boolean) : [];
        const running = await serve({
          store,
          auth,
          clock,
          logger,
          assets,
          corsOrigins: cors,
          ...(trustProxy !== undefined ? { trustProxy } : {}),
          port,
          host: flags.host,
          scheduler: flags.scheduler ? { intervalMs: interval, draftDays } : false,
          notifications: flags.scheduler ? { transports } : false,
        }).catch(async (error: Error) => {
          await store.close();
          throw new UsageError(`cannot listen on ${flags.host}:${port}: ${error.message}`);
        });

        const lines = [
          '',
          `onething is running at ${running.url}  (store: ${store.kind}${running.scheduler ? ', scheduler on' : ''}${running.dispatcher ? ', notifications on' : ''})`,
          `  API            ${running.url}/api/`,
          `  OpenAPI        ${running.url}/api/openapi.json`,
          `  health         ${running.url}/healthz`,
        ];
        for (const [name, path] of Object.entries(ASSET_PATHS) as Array<[keyof AssetMounts, string]>) {
          const dir = assets[name];
          lines.push(dir && existsSync(dir) ? `  ${name.padEnd(14)} ${running.url}${path}` : `  ${name.padEnd(14)} (not built: ${dir})`);
        }
        if (flags.demo) {
          lines.push('', 'Demo tokens (Authorization: Bearer …), valid 30 days:');
          const workbench = assets.workbench && existsSync(assets.workbench) ? `${running.url}${ASSET_PATHS.workbench}` : undefined;
          for (const identity of await demoIdentities(await running.services.catalog.registry(), auth.secret as string)) {
            lines.push(`  ${identity.label}`, `    ${identity.token}`);
            const link = workbench ? workbenchLink(identity, workbench) : undefined;
            if (link) lines.push(`    workbench: ${link}`);
          }
        }
        lines.push('', 'Stop with Ctrl+C.', '');
        ctx.io.stdout(lines.join('\n'));

        await new Promise<void>((done) => {
          const stop = () => done();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await running.close();
        ctx.io.stdout('onething stopped\n');
      });
  },
};
