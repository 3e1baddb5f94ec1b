import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../context.js';
import { UsageError } from '../context.js';
import { mintToken } from '../../auth/tokens.js';
import { isRegion, isRole, type Role } from '../../auth/principal.js';
import { demoSecret } from '../../demo.js';

interface TokenFlags {
  role: string[];
  sub: string;
  region: string;
  department?: string;
  name?: string;
  idNumber?: string;
  mobile?: string;
  creditCode?: string;
  enterpriseName?: string;
  expires: string;
  demo?: boolean;
  issuer?: string;
  audience?: string;
}

/**
 * `onething token --role applicant --sub u1 --region 420703 [--department d] [--expires 12h]`:
 * mints a development token signed with ONETHING_JWT_SECRET (or the demo secret with `--demo`)
 * and prints it. Production tokens come from your identity provider.
 */
export const tokenCommand: CliCommand = {
  name: 'token',
  register(program: Command, ctx: CliContext) {
    program
      .command('token')
      .description('mint a development token (HS256, ONETHING_JWT_SECRET or --demo)')
      .requiredOption('--role <role...>', 'applicant, clerk, admin or reviewer:<department> (repeatable)')
      .requiredOption('--sub <subject>', 'the subject (user id)')
      .requiredOption('--region <code>', 'six-digit division code')
      .option('--department <id>', 'the department (clerks of the comprehensive window)')
      .option('--name <name>', 'display name (also prefills applicant.name)')
      .option('--id-number <id>', 'resident ID number (prefills applicant.idNumber)')
      .option('--mobile <number>', 'mobile number (prefills applicant.mobile)')
      .option('--credit-code <code>', 'unified social credit code (prefills enterprise.creditCode)')
      .option('--enterprise-name <name>', 'enterprise name (prefills enterprise.name)')
      .option('--expires <span>', 'lifetime, e.g. 12h, 7d', '12h')
      .option('--demo', 'sign with the demo secret (.onething/demo-secret), as `npm start` does; ONETHING_JWT_SECRET, when set, wins over it')
      .option('--issuer <iss>', 'issuer claim')
      .option('--audience <aud>', 'audience claim')
      .action(async (flags: TokenFlags) => {
        const roles = flags.role.flatMap((r) => r.split(',')).map((r) => r.trim());
        const bad = roles.find((r) => !isRole(r));
        if (bad !== undefined) throw new UsageError(`unknown role "${bad}": use applicant, clerk, admin or reviewer:<department>`);
        if (!isRegion(flags.region)) throw new UsageError('--region must be a six-digit division code, e.g. 420703');
        if (!/^\d+[smhdw]$/.test(flags.expires)) throw new UsageError('--expires must look like 30m, 12h or 7d');
        const secret = ctx.io.env['ONETHING_JWT_SECRET'] || (flags.demo ? demoSecret(resolve(ctx.io.cwd, '.onething/demo-secret')) : undefined);
        if (!secret) throw new UsageError('set ONETHING_JWT_SECRET (at least 32 bytes) or pass --demo');
        if (Buffer.byteLength(secret) < 32) throw new UsageError('ONETHING_JWT_SECRET must be at least 32 bytes');
        const token = await mintToken(
          {
            sub: flags.sub,
            roles: roles as Role[],
            region: flags.region,
            ...(flags.department ? { department: flags.department } : {}),
            ...(flags.name ? { name: flags.name } : {}),
            profile: Object.fromEntries(
              Object.entries({ idNumber: flags.idNumber, mobile: flags.mobile, creditCode: flags.creditCode, enterpriseName: flags.enterpriseName }).filter(
                (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
              ),
            ),
          },
          { secret },
          { expiresIn: flags.expires, ...(flags.issuer ? { issuer: flags.issuer } : {}), ...(flags.audience ? { audience: flags.audience } : {}) },
        );
        ctx.io.stdout(`${token}\n`);
      });
  },
};
