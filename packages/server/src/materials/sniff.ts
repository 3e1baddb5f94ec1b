import { fileTypeFromBuffer } from 'file-type';

/** True when a zip archive holds `OFD.xml` at its root (an OFD document, GB/T 33190). */
function isOfd(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextEncoder().encode('OFD.xml');
  for (let i = 0; i + 30 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x04) continue;
    const length = view.getUint16(i + 26, true);
    if (length === name.length && name.every((b, k) => bytes[i + 30 + k] === b)) return true;
  }
  return false;
}

/**
 * The MIME type of a file from its bytes (never from its name or the client's header):
 * `file-type` for images and PDF, plus OFD (a zip with `OFD.xml`). Undefined when unknown.
 * @example await sniffMime(pdfBytes) // 'application/pdf'
 */
export async function sniffMime(bytes: Uint8Array): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === 'application/zip' && isOfd(bytes)) return 'application/ofd';
  return found?.mime;
}
