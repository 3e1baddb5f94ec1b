import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { createTokenVerifier } from '../src/auth/tokens.js';
import { SECRET } from './helpers.js';

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: process.cwd(), env }, out, err };
}

describe('onething token', () => {
  it('mints a token the server accepts, with roles, region, department and profile claims', async () => {
    const { io: cli, out } = io({ ONETHING_JWT_SECRET: SECRET });
    const code = await run(['token', '--role', 'clerk', '--role', 'reviewer:huarong-health', '--sub', 'c1', '--region', '420703', '--department', 'huarong-service-centre', '--id-number', '420703199003071231'], cli);
    expect(code).toBe(0);
    const principal = await createTokenVerifier({ secret: SECRET }).verify(out.join('').trim());
    expect(principal).toEqual({
      sub: 'c1',
      roles: ['clerk', 'reviewer:huarong-health'],
      region: '420703',
      department: 'huarong-service-centre',
      profile: { idNumber: '420703199003071231' },
    });
  });

  it.each([
    [['token', '--role', 'root', '--sub', 'x', '--region', '420703'], 'onething: unknown role "root": use applicant, clerk, admin or reviewer:<department>'],
    [['token', '--role', 'admin', '--sub', 'x', '--region', 'hubei'], 'onething: --region must be a six-digit division code, e.g. 420703'],
    [['token', '--role', 'admin', '--sub', 'x', '--region', '420703', '--expires', 'forever'], 'onething: --expires must look like 30m, 12h or 7d'],
  ])('refuses %j with a one-line message', async (args, message) => {
    const { io: cli, err } = io({ ONETHING_JWT_SECRET: SECRET });
    expect(await run(args, cli)).toBe(2);
    expect(err.join('').trim()).toBe(message);
  });

  it('needs a secret', async () => {
    const { io: cli, err } = io({});
    expect(await run(['token', '--role', 'admin', '--sub', 'x', '--region', '420703'], cli)).toBe(2);
    expect(err.join('')).toContain('set ONETHING_JWT_SECRET');
  });
});

describe('onething serve', () => {
  it('refuses to start without a way to verify tokens', async () => {
    const { io: cli, err } = io({});
    expect(await run(['serve', '--store', 'sqlite::memory:'], cli)).toBe(2);
    expect(err.join('').trim()).toBe('onething: no way to verify tokens: set ONETHING_JWT_SECRET (HS256) or pass --jwks URL|FILE (EdDSA), or use --demo');
  });

  it('refuses an unknown store', async () => {
    const { io: cli, err } = io({ ONETHING_JWT_SECRET: SECRET });
    expect(await run(['serve', '--store', 'postgres://x'], cli)).toBe(2);
    expect(err.join('').trim()).toBe('onething: cannot open the store postgres://x: unknown store "postgres://x": use sqlite:PATH or mongodb://…');
  });
});
