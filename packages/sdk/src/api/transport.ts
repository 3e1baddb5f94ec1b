import { ServiceError } from './errors.js';

/** A request as the client sends it, whichever way. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: BodyInit | undefined;
  /** The caller's signal (a file removed while it uploads): aborting rejects with its reason. */
  signal?: AbortSignal | undefined;
  /** Milliseconds without an answer (fetch) or without progress (uploads) before `timeout`. */
  timeoutMs: number;
}

/** What came back: the status, the body as text, and the headers. */
export interface Answer {
  status: number;
  text: string;
  header(name: string): string | null;
}

/**
 * Sends a request with fetch. No answer is a `ServiceError` `network`, no answer within
 * `timeoutMs` one with `timeout`; the caller's abort rejects with the signal's reason.
 * @example const answer = await sendFetch({ method: 'GET', url, headers: {}, timeoutMs: 15_000 }, fetch)
 */
export async function sendFetch(out: Outgoing, doFetch: typeof fetch): Promise<Answer> {
  const timeout = AbortSignal.timeout(out.timeoutMs);
  const signal = out.signal ? AbortSignal.any([out.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await doFetch(out.url, { method: out.method, headers: out.headers, body: out.body ?? null, signal, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if (out.signal?.aborted) throw error;
    if (timeout.aborted) throw new ServiceError('timeout', 0, `no answer within ${out.timeoutMs} ms`);
    throw new ServiceError('network', 0, String((error as Error)?.message ?? error));
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, text, header: (name) => response.headers.get(name) };
}

/**
 * Sends a file with XMLHttpRequest, which — unlike fetch — reports how much of the body has gone
 * out (`upload.onprogress`), so the form's progress bar moves with the upload instead of jumping
 * from 0 to 100 %. A slow connection is not a failure: `timeout` means no progress at all for
 * `timeoutMs`. Aborting the caller's signal aborts the request and rejects with its reason.
 * @example await sendWithProgress({ method: 'POST', url, headers, body: file, timeoutMs: 15_000 }, (loaded, total) => bar.value = loaded / total)
 */
export function sendWithProgress(out: Outgoing & { body: Blob }, onProgress: (loaded: number, total: number) => void): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      out.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      finish();
      xhr.abort();
      reject(error);
    };
    // restarted whenever something moves: only silence counts as a timeout
    const waitForProgress = () => {
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => fail(new ServiceError('timeout', 0, `no progress within ${out.timeoutMs} ms`)), out.timeoutMs);
    };
    const onAbort = () => fail(out.signal!.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
    if (out.signal?.aborted) return onAbort();
    out.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.open(out.method, out.url);
    for (const [name, value] of Object.entries(out.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      waitForProgress();
      onProgress(e.loaded, e.lengthComputable ? e.total : out.body.size);
    };
    xhr.onreadystatechange = waitForProgress;
    xhr.onload = () => {
      finish();
      resolve({ status: xhr.status, text: xhr.responseText, header: (name) => xhr.getResponseHeader(name) });
    };
    xhr.onerror = () => fail(new ServiceError('network', 0, 'the upload could not be sent'));
    // aborted by the browser, not by us (the page stopped loading): no answer, at once rather than after the timeout
    xhr.onabort = () => {
      if (!settled) fail(new ServiceError('network', 0, 'the upload was interrupted'));
    };
    waitForProgress();
    xhr.send(out.body);
  });
}
