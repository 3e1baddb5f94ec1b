import { describe, expect, it } from 'vitest';
import { applyCorrections, supplementPatch } from '../src/status/supplement.js';

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

  it('puts corrections kept on the device back into the application: flagged fields and materials only, null empties a field', () => {
    // Given the corrections of a round, kept as the payload they would be sent as
    const typed = { child: { name: '李沐扬', sex: 'female' }, mother: { name: '王晓燕', idNumber: '420703199405120016' }, contact: {} };
    const materials = { 'household-register': { eLicense: { type: 'household-register', number: 'HB-2' } } };
    const kept = supplementPatch(round, typed, materials);
    // When the application is read again (a reload, a newer revision) and they are applied to it
    const server = { child: { name: '李沐阳', sex: 'male' }, mother: { name: '王晓燕', idNumber: '420703199405120024' }, contact: { address: '旧地址', mobile: '13971234567' } };
    const serverMaterials = { 'household-register': { files: [] }, 'mother-id-card': { files: [] } };
    const restored = applyCorrections(round, server, serverMaterials, kept);
    // Then the flagged fields show what the person typed (the emptied address is empty), the rest what the server has
    expect(restored.data).toEqual({ child: { name: '李沐扬', sex: 'male' }, mother: { name: '王晓燕', idNumber: '420703199405120016' }, contact: { mobile: '13971234567' } });
    expect(restored.materials).toEqual({ 'household-register': { eLicense: { type: 'household-register', number: 'HB-2' } }, 'mother-id-card': { files: [] } });
    expect(server.contact.address).toBe('旧地址'); // the application read from the server is not changed
  });
});
