import { describe, expect, it } from 'vitest';
import { supplementPatch } from '../src/status/supplement.js';

describe('the SUPPLEMENT payload', () => {
  const round = { fields: ['child.name', 'mother.idNumber', 'contact.address'], materials: ['household-register', 'marriage-certificate'] };

  it('carries only the flagged fields as a merge patch, null for one the person emptied, and the flagged materials given', () => {
    const data = { child: { name: '李沐阳', sex: 'male' }, mother: { name: '王晓燕', idNumber: '420703199405120024' }, contact: { mobile: '13971234567' } };
    const materials = { 'household-register': { eLicense: { type: 'household-register', number: 'HB-1' } }, 'mother-id-card': { files: [] } };
    expect(supplementPatch(round, data, materials)).toEqual({
      data: { child: { name: '李沐阳' }, mother: { idNumber: '420703199405120024' }, contact: { address: null } },
      materials: { 'household-register': { eLicense: { type: 'household-register', number: 'HB-1' } } },
    });
  });

  it('sends no data when only materials were flagged', () => {
    expect(supplementPatch({ fields: [], materials: ['household-register'] }, { child: { name: 'x' } }, {})).toEqual({});
  });
});
