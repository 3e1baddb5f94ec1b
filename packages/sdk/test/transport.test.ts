// sendWithProgress against a stand-in for the browser's XMLHttpRequest (Node has none): the test
// plays the events Chromium fires — upload progress, load, error, abort — and checks what the
// upload's promise does with each. The real thing runs in test/browser/upload.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../src/api/errors.js';
import { sendWithProgress } from '../src/api/transport.js';

class BrowserXhr {
  static last: BrowserXhr;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onreadystatechange: (() => void) | null = null;
  status = 0;
  responseText = '';
  sent: unknown;
  aborted = 0;
  headers: Record<string, string> = {};
  constructor() {
    BrowserXhr.last = this;
  }
  opened = false;
  open() {
    this.opened = true;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.sent = body;
  }
  getResponseHeader(name: string) {
    return name === 'Content-Type' ? 'application/json' : null;
  }
  /** Like the browser: our own abort() fires `abort` on a request still under way. */
  abort() {
    this.aborted++;
    if (this.status === 0) this.onabort?.();
  }
  // what the browser does
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  answer(status: number, text: string) {
    Object.assign(this, { status, responseText: text });
    this.onload?.();
  }
}

const file = new Blob(['%PDF-1.7 ' + ' '.repeat(991)], { type: 'application/pdf' });
const send = (options: { signal?: AbortSignal; onProgress?: (loaded: number, total: number) => void } = {}) =>
  sendWithProgress({ method: 'POST', url: 'https://zwfw.example.gov.cn/api/x', headers: { 'X-File-Name': 'a.pdf' }, body: file, timeoutMs: 15_000, signal: options.signal }, options.onProgress ?? (() => {}));

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', BrowserXhr);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sending a file with upload progress', () => {
  it('reports the bytes sent and resolves with the answer', async () => {
    const seen: number[] = [];
    const sending = send({ onProgress: (loaded, total) => seen.push(loaded / total) });
    BrowserXhr.last.progress(250, 1000);
    BrowserXhr.last.progress(750, 1000);
    BrowserXhr.last.answer(201, '{"sha256":"a"}');
    const answer = await sending;
    expect(seen).toEqual([0.25, 0.75]);
    expect({ status: answer.status, text: answer.text, type: answer.header('Content-Type') }).toEqual({ status: 201, text: '{"sha256":"a"}', type: 'application/json' });
    expect(BrowserXhr.last.sent).toBe(file);
    expect(BrowserXhr.last.headers).toEqual({ 'X-File-Name': 'a.pdf' });
  });

  it('is not cut off while it moves, however slowly; 15 s without any progress is a timeout', async () => {
    const sending = send();
    const outcome = sending.then(
      () => 'resolved',
      (e: ServiceError) => e.code,
    );
    for (let i = 1; i <= 4; i++) {
      await vi.advanceTimersByTimeAsync(14_000);
      BrowserXhr.last.progress(i * 100, 1000);
    }
    await vi.advanceTimersByTimeAsync(14_999);
    expect(BrowserXhr.last.aborted).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('timeout');
    expect(BrowserXhr.last.aborted).toBe(1);
  });

  it('fails as `network` at once when the connection fails, or when the browser aborts it itself', async () => {
    const failed = send();
    BrowserXhr.last.onerror!();
    await expect(failed).rejects.toMatchObject({ name: 'ServiceError', code: 'network', status: 0 });

    // e.g. the page stopped loading: only `abort` fires, and nobody waits 15 s for nothing
    const interrupted = send();
    BrowserXhr.last.onabort!();
    await expect(interrupted).rejects.toMatchObject({ code: 'network', message: 'the upload was interrupted' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when the caller’s signal aborts, and rejects with its reason', async () => {
    const controller = new AbortController();
    const sending = send({ signal: controller.signal });
    controller.abort(new DOMException('removed', 'AbortError'));
    await expect(sending).rejects.toMatchObject({ name: 'AbortError', message: 'removed' });
    expect(BrowserXhr.last.aborted).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    // a signal aborted before sending never opens a request
    await expect(send({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(BrowserXhr.last.opened).toBe(false);
  });
});
