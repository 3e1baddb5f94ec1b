import type { MaterialValue } from '@onething/engine/runtime';
import { describe, expect, it } from 'vitest';
import { MaterialUploads, uploadFailure, type UploadHost } from '../src/upload/material-uploads.js';
import type { FileRef, UploadContext } from '../src/upload/uploads.js';
import { composeFixture } from './fixtures.js';

/** A form host around the fixture bundle whose uploads the test finishes by hand. */
function setup() {
  const pending: Array<{ context: UploadContext; resolve(ref: FileRef): void; reject(error: unknown): void }> = [];
  const committed: Record<string, MaterialValue | undefined> = {};
  const host: UploadHost = {
    composed: composeFixture(),
    uploader: (_file, context) => new Promise<FileRef>((resolve, reject) => void pending.push({ context, resolve, reject })),
    eLicenses: [],
    bump: () => {},
    requestUpdate: () => {},
    dispatchEvent: () => true,
    commitMaterial: (id, value) => void (committed[id] = value),
  };
  const uploads = new MaterialUploads(host);
  const pick = (name: string) => uploads.add('tenancy', [new File(['%PDF-1.7'], name, { type: 'application/pdf' })]);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { uploads, pending, committed, pick, settle };
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

describe('uploadFailure', () => {
  it('falls back to “try again” when the error carries no bilingual text', () => {
    expect(uploadFailure('a.pdf', new Error('boom')).en).toBe('The file “a.pdf” could not be uploaded – try again');
    expect(uploadFailure('a.pdf', { text: 'plain' })['zh-CN']).toBe('文件“a.pdf”上传失败，请重试');
    expect(uploadFailure('a.pdf', { text: { 'zh-CN': '', en: '' } }).en).toBe('The file “a.pdf” could not be uploaded – try again');
    expect(uploadFailure('a.pdf', null).en).toBe('The file “a.pdf” could not be uploaded – try again');
  });
});
