import type { MaterialValue } from '@onething/engine/runtime';
import { describe, expect, it } from 'vitest';
import { MaterialUploads, uploadFailure, type UploadHost } from '../src/upload/material-uploads.js';
import type { FileRef, UploadContext } from '../src/upload/uploads.js';
import { composeFixture } from './fixtures.js';

/** A form host around the fixture bundle whose uploads the test finishes by hand. */
function setup(options: { eLicenses?: Array<{ type: string; number: string }>; locked?: string[] } = {}) {
  const pending: Array<{ context: UploadContext; resolve(ref: FileRef): void; reject(error: unknown): void }> = [];
  const committed: Record<string, MaterialValue | undefined> = {};
  /** Materials whose value reached the form model, and whether listeners were told (`ot-change`). */
  const commits: Array<[id: string, told: boolean]> = [];
  const host: UploadHost & { eLicenses: Array<{ type: string; number: string }> } = {
    composed: composeFixture(),
    uploader: (_file, context) => new Promise<FileRef>((resolve, reject) => void pending.push({ context, resolve, reject })),
    eLicenses: options.eLicenses ?? [],
    bump: () => {},
    requestUpdate: () => {},
    dispatchEvent: () => true,
    locked: (path) => options.locked?.includes(path) ?? false,
    commitMaterial: (id, value, quiet) => {
      if (value === undefined) delete committed[id];
      else committed[id] = value;
      commits.push([id, !quiet]);
    },
  };
  const uploads = new MaterialUploads(host);
  const pick = (name: string) => uploads.add('tenancy', [new File(['%PDF-1.7'], name, { type: 'application/pdf' })]);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { host, uploads, pending, committed, commits, pick, settle };
}

describe('uploading the files of a material', () => {
  it('announces how far an upload got by quarters only, however often progress is reported', async () => {
    const { uploads, pending, pick, settle } = setup();
    // Given a file on its way
    pick('合同.pdf');
    const said = [uploads.news('tenancy')?.['zh-CN']];
    // When progress is reported at every few percent
    for (let loaded = 0; loaded <= 100; loaded += 3) {
      pending[0]!.context.progress(loaded, 100);
      const now = uploads.news('tenancy')?.['zh-CN'];
      if (now !== said.at(-1)) said.push(now);
    }
    // Then the bar follows every report, and the live region changes at 25, 50 and 75 % only
    expect(uploads.of('tenancy')[0]!.progress).toBe(0.99);
    pending[0]!.resolve({ sha256: 'a'.repeat(64), name: '合同.pdf', size: 8, type: 'application/pdf' });
    await settle();
    said.push(uploads.news('tenancy')?.['zh-CN']);
    expect(said).toEqual(['正在上传文件“合同.pdf”…', '文件“合同.pdf”已上传 25%', '文件“合同.pdf”已上传 50%', '文件“合同.pdf”已上传 75%', '文件“合同.pdf”已上传']);
  });

  it('says nothing more about a file removed while it uploads', () => {
    const { uploads, pending, pick } = setup();
    pick('合同.pdf');
    uploads.remove('tenancy', uploads.of('tenancy')[0]!.key);
    expect(pending[0]!.context.signal.aborted).toBe(true);
    // a report the transport sent before it saw the abort
    pending[0]!.context.progress(60, 100);
    expect(uploads.news('tenancy')?.en).toBe('“合同.pdf” was removed');
  });

  it('shows the uploader’s bilingual reason beside a failed file, and the rest of the material stays as it was', async () => {
    const { uploads, pending, committed, pick, settle } = setup();
    pick('一.pdf');
    pending[0]!.resolve({ sha256: 'b'.repeat(64), name: '一.pdf', size: 8, type: 'application/pdf' });
    await settle();
    // When the server refuses the second file, with its own message
    pick('二.pdf');
    pending[1]!.reject(Object.assign(new Error('HTTP 415'), { text: { 'zh-CN': '不支持的内容类型', en: 'This content type is not accepted' } }));
    await settle();
    // Then the failed file says why, in both languages, and so does the live region
    const failed = uploads.of('tenancy')[1]!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchInlineSnapshot(`
      {
        "en": "The file “二.pdf” could not be uploaded: This content type is not accepted",
        "zh-CN": "文件“二.pdf”上传失败：不支持的内容类型",
      }
    `);
    expect(uploads.news('tenancy')).toEqual(failed.error);
    // And the first file is still the material's value
    expect(committed['tenancy']).toEqual({ files: [{ sha256: 'b'.repeat(64), name: '一.pdf', size: 8, type: 'application/pdf' }] });
  });
});

describe('choosing the e-licence instead of an upload', () => {
  // the fixture's 'id-card' can be replaced by a resident ID card e-licence (exempt); 'tenancy' cannot
  const idCard = { eLicense: { type: 'resident-id-card' } };

  it('keeps "use my e-licence", the default choice, as the value without any typing, and tells no listener', () => {
    // Given a form whose host knows none of the applicant's licences
    const { uploads, committed, commits } = setup();
    // When the form applies its defaults
    uploads.applyDefaults({});
    // Then the material shown with the e-licence selected has the e-licence as its value
    expect(uploads.mode('id-card', composeFixture().materials.find((m) => m.id === 'id-card')!)).toBe('e-licence');
    expect(committed).toEqual({ 'id-card': idCard });
    // And no ot-change is fired: the person changed nothing (an autosave would create a draft on every page load)
    expect(commits).toEqual([['id-card', false]]);
  });

  it('adds the number typed, drops it when erased, and forgets the e-licence only when the person chooses to upload', () => {
    const { uploads, committed, commits } = setup();
    uploads.applyDefaults({});
    uploads.setLicenceNumber('id-card', ' 420703199405120024 ');
    expect(committed['id-card']).toEqual({ eLicense: { type: 'resident-id-card', number: '420703199405120024' } });
    uploads.setLicenceNumber('id-card', '');
    expect(committed['id-card']).toEqual(idCard);
    // When the person chooses to upload, and nothing is uploaded yet, the material has no value
    uploads.setMode('id-card', 'upload');
    expect(committed['id-card']).toBeUndefined();
    // And choosing the e-licence again brings it back
    uploads.setMode('id-card', 'e-licence');
    expect(committed['id-card']).toEqual(idCard);
    expect(commits.slice(1).every(([, told]) => told)).toBe(true);
  });

  it('uses the licence number the host knows, also when the host learns it after the default was kept', () => {
    const { host, uploads, committed } = setup();
    uploads.applyDefaults({});
    host.eLicenses = [{ type: 'resident-id-card', number: '420703199405120024' }];
    uploads.applyDefaults({ ...committed } as Record<string, MaterialValue>);
    expect(committed['id-card']).toEqual({ eLicense: { type: 'resident-id-card', number: '420703199405120024' } });
  });

  it('keeps what a resumed draft says: uploaded files, a chosen e-licence without a number; a read-only material gets no default', () => {
    const file = { sha256: 'c'.repeat(64), name: '身份证.pdf', size: 8, type: 'application/pdf' };
    const resumed = setup();
    resumed.uploads.reset({ 'id-card': { files: [file] } });
    resumed.uploads.applyDefaults({ 'id-card': { files: [file] } });
    expect(resumed.commits).toEqual([]);
    const chosen = setup();
    chosen.uploads.reset({ 'id-card': idCard });
    chosen.uploads.applyDefaults({ 'id-card': idCard });
    expect(chosen.commits).toEqual([]);
    // a supplement request that does not name the material: it stays as the server has it
    const locked = setup({ locked: ['material/id-card'] });
    locked.uploads.applyDefaults({});
    expect(locked.committed).toEqual({});
  });
});

describe('uploadFailure', () => {
  it('falls back to “try again” when the error carries no bilingual text', () => {
    expect(uploadFailure('a.pdf', new Error('boom')).en).toBe('The file “a.pdf” could not be uploaded – try again');
    expect(uploadFailure('a.pdf', { text: 'plain' })['zh-CN']).toBe('文件“a.pdf”上传失败，请重试');
    expect(uploadFailure('a.pdf', { text: { 'zh-CN': '', en: '' } }).en).toBe('The file “a.pdf” could not be uploaded – try again');
    expect(uploadFailure('a.pdf', null).en).toBe('The file “a.pdf” could not be uploaded – try again');
  });
});
