import { describe, expect, it } from 'vitest';
import { flaggedPaths, isOpen } from '../src/elements/supplement.js';

const reason = { 'zh-CN': '与身份证不一致', en: 'Does not match the ID card' };

describe('a supplement request', () => {
  it('opens the named fields and materials, with their reasons', () => {
    const flagged = flaggedPaths({ fields: ['child.name', { path: 'mother', reason }], materials: [{ id: 'id-card', reason }, 'photo'] });
    expect([...flagged]).toEqual([
      ['child.name', undefined],
      ['mother', reason],
      ['material/id-card', reason],
      ['material/photo', undefined],
    ]);
  });

  it('leaves a field open when it, a group around it, or a field inside it is named — and nothing else', () => {
    const flagged = flaggedPaths({ fields: ['child.name', 'mother'] });
    expect(isOpen(flagged, 'child.name')).toBe(true);
    expect(isOpen(flagged, 'child')).toBe(true); // the group holding a named field
    expect(isOpen(flagged, 'mother.idNumber')).toBe(true); // inside a named group
    expect(isOpen(flagged, 'child.birthDate')).toBe(false);
    expect(isOpen(flagged, 'childhood')).toBe(false); // a prefix of the name is not a parent
    expect(isOpen(flagged, 'material/id-card')).toBe(false);
  });
});
