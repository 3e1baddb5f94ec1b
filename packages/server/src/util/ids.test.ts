import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids.js';

describe('timeOrderedId', () => {
  it('is a UUID of version 7 and the RFC 9562 variant, carrying the time in milliseconds', () => {
    const id = timeOrderedId(Date.UTC(2025, 2, 3, 1, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2025, 2, 3, 1, 0, 0, 123));
  });

  it('sorts ids of later milliseconds after earlier ones, and never repeats', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => timeOrderedId(1_700_000_000_000 + Math.floor(i / 3)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 3; i < ids.length; i += 3) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });
});
