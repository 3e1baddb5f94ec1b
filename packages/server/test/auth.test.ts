import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, mintToken } from '../src/auth/tokens.js';
import { principalFromClaims } from '../src/auth/principal.js';

const secret = 'a'.repeat(32);

describe('bearer tokens', () => {
  it('verifies an HS256 token into a principal with roles, region and department', async () => {
    const verifier = createTokenVerifier({ secret });
    const jwt = await mintToken({ sub: 'clerk-7', roles: ['clerk', 'reviewer:public-security'], region: '110105', department: 'government-service-center' }, { secret });
    expect(await verifier.verify(jwt)).toEqual({
      sub: 'clerk-7',
      roles: ['clerk', 'reviewer:public-security'],
      region: '110105',
      department: 'government-service-center',
    });
  });

  it('refuses a token signed with another secret, an expired one and one with alg none', async () => {
    const verifier = createTokenVerifier({ secret });
    const other = await mintToken({ sub: 'x', roles: ['applicant'], region: '110105' }, { secret: 'b'.repeat(32) });
    expect(await verifier.verify(other)).toBeNull();
    const expired = await mintToken({ sub: 'x', roles: ['applicant'], region: '110105' }, { secret }, { expiresIn: -10 });
    expect(await verifier.verify(expired)).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"],"region":"110105"}').toString('base64url')}.`;
    expect(await verifier.verify(none)).toBeNull();
    expect(await verifier.verify('not a jwt')).toBeNull();
  });

  it('verifies EdDSA tokens against an inline JWKS and against a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const jwt = await mintToken({ sub: 'rev-1', roles: ['reviewer:health'], region: '110106' }, { privateKey, kid: 'k1' }, { issuer: 'https://idp.example' });
    const inline = createTokenVerifier({ jwks: { keys: [jwk] }, issuer: 'https://idp.example' });
    expect(await inline.verify(jwt)).toMatchObject({ sub: 'rev-1', roles: ['reviewer:health'] });
    expect(await createTokenVerifier({ jwks: { keys: [jwk] }, issuer: 'https://other.example' }).verify(jwt)).toBeNull();

    const server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`);
      expect(await createTokenVerifier({ jwks: url }).verify(jwt)).toMatchObject({ sub: 'rev-1', region: '110106' });
      // an HS256 token is not accepted when only a JWKS is configured
      expect(await createTokenVerifier({ jwks: url }).verify(await mintToken({ sub: 'x', roles: ['admin'], region: '110105' }, { secret }))).toBeNull();
    } finally {
      server.close();
    }
  });

  it('refuses claims with an unknown role or a malformed region', async () => {
    expect(principalFromClaims({ sub: 'x', roles: ['root'], region: '110105' })).toBeNull();
    expect(principalFromClaims({ sub: 'x', roles: ['applicant', 'root'], region: '110105' })).toBeNull();
    expect(principalFromClaims({ sub: 'x', roles: ['applicant'], region: 'beijing' })).toBeNull();
    expect(principalFromClaims({ sub: 'x', role: 'applicant', region: '110105' })).toEqual({ sub: 'x', roles: ['applicant'], region: '110105' });
    const verifier = createTokenVerifier({ secret });
    const odd = await new SignJWT({ roles: 'admin', region: '110105' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(secret));
    expect(await verifier.verify(odd)).toBeNull();
  });

  it('refuses to start with a short HS256 secret', () => {
    expect(() => createTokenVerifier({ secret: 'short' })).toThrow('at least 32 bytes');
  });
});
