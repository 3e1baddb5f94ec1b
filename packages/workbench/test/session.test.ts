import { describe, expect, it } from 'vitest';
import { readSession } from '../src/model/session.js';

/** An unsigned JWT with these claims (the workbench never verifies: the server does). */
const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('reading who signed in from a staff token', () => {
  it('takes the window clerk’s department, a reviewer’s departments, and admins first', () => {
    expect(readSession(jwt({ sub: 'c1', roles: ['clerk'], region: '420703', department: 'huarong-service-centre', name: '周敏' }))).toEqual({
      session: { sub: 'c1', name: '周敏', region: '420703', roles: ['clerk'], kind: 'clerk', departments: ['huarong-service-centre'] },
    });
    expect(readSession(jwt({ sub: 'r1', roles: ['reviewer:huarong-health', 'reviewer:huarong-cdc'], region: '420703' }))).toMatchObject({
      session: { kind: 'reviewer', departments: ['huarong-health', 'huarong-cdc'] },
    });
    expect(readSession(jwt({ sub: 'a1', roles: ['reviewer:huarong-health', 'admin'], region: '420703' }))).toMatchObject({ session: { kind: 'admin', departments: [] } });
    expect(readSession(jwt({ sub: 'c2', role: 'clerk', region: '420703' }))).toMatchObject({ session: { kind: 'clerk', departments: [] } });
  });

  it('refuses an applicant’s token, an expired one and anything that is not a token', () => {
    const now = Date.parse('2025-03-03T00:00:00Z');
    expect(readSession(jwt({ sub: 'u1', roles: ['applicant'], region: '420703' }), now)).toEqual({ problem: 'not-staff' });
    expect(readSession(jwt({ sub: 'c1', roles: ['clerk'], region: '420703', exp: now / 1000 - 1 }), now)).toEqual({ problem: 'expired' });
    expect(readSession('not a token')).toEqual({ problem: 'malformed' });
    expect(readSession('a.!!!.c')).toEqual({ problem: 'malformed' });
    expect(readSession(jwt(['clerk']))).toEqual({ problem: 'malformed' });
    expect(readSession(jwt({ sub: 'c1', roles: ['clerk'] }))).toEqual({ problem: 'malformed' });
  });
});
