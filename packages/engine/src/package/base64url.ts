const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * Encodes bytes as base64url without padding (RFC 4648 §5), as JWK and JWS use it.
 * @example base64urlEncode(new Uint8Array([251, 255])) // '-_8'
 */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((x) => ALPHABET[x]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

/**
 * Decodes unpadded base64url; undefined for anything else (padding, other characters, a
 * length no encoder produces, or leftover bits that are not zero), so one value has one spelling.
 * @example base64urlDecode('-_8') // Uint8Array [251, 255]
 * @example base64urlDecode('a+b=') // undefined
 */
export function base64urlDecode(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const char of text) {
    const digit = INDEX.get(char);
    if (digit === undefined) return undefined;
    value = ((value << 6) | digit) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/**
 * The text of ASCII bytes; undefined when a byte is not ASCII (a JWS protected header here
 * holds only `alg` and `kid`, both ASCII).
 * @example asciiText(new Uint8Array([123, 125])) // '{}'
 */
export function asciiText(bytes: Uint8Array): string | undefined {
  let out = '';
  for (const byte of bytes) {
    if (byte > 127) return undefined;
    out += String.fromCharCode(byte);
  }
  return out;
}
