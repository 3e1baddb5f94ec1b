import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Text } from '@onething/engine';

/** One definition file inside a package: its path and its JSON text. */
export interface PackageFile {
  path: string;
  text: string;
}

/**
 * A package format, keyed by `type` (STYLE.md: registries with descriptors). `unpack` turns the
 * bytes of a dropped file into definition files; `pack` (optional) writes files into one download.
 * Signed packages (ed25519 over canonical JSON, `onething pack`) are verified by the CLI against
 * trusted keys; `.json` recognises one and says so. A codec with `verify` would show its answer
 * in the import panel, which says "unsigned" for the codecs here.
 */
export interface PackageCodec {
  type: string;
  title: Text;
  /** File name endings this codec reads, lower case, with the dot. */
  extensions: string[];
  mime: string;
  unpack(bytes: Uint8Array, name: string): PackageFile[];
  pack?(files: PackageFile[]): Uint8Array;
  /** Checks a package's signature (a later codec); absent: packages of this type are unsigned. */
  verify?(files: PackageFile[]): Promise<{ signed: boolean; publisher?: string; problem?: Text }>;
}

/** Limits on what an import reads, so a hostile archive cannot exhaust the browser. */
export const PACKAGE_LIMITS = { files: 500, fileBytes: 5 * 1024 * 1024, totalBytes: 50 * 1024 * 1024 } as const;

/** Thrown by `unpack` for a file it cannot read; the message is shown beside the file name. */
export class PackageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'PackageError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A single `.json` definition file. */
export const jsonCodec: PackageCodec = {
  type: 'json',
  title: { 'zh-CN': 'JSON 定义文件', en: 'JSON definition file' },
  extensions: ['.json'],
  mime: 'application/json',
  unpack(bytes, name) {
    if (bytes.byteLength > PACKAGE_LIMITS.fileBytes) throw new PackageError({ 'zh-CN': '文件超过 5 MB', en: 'the file is larger than 5 MB' });
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new PackageError({ 'zh-CN': '不是 UTF-8 文本', en: 'not UTF-8 text' });
    }
    if (isSignedPackage(text)) throw new PackageError(SIGNED_PACKAGE);
    return [{ path: name, text }];
  },
};

/** What the panel says of a signed package (`onething pack`): the designer holds no trusted keys to verify it. */
const SIGNED_PACKAGE: Text = {
  'zh-CN': '这是签名定义包（onething pack 生成）。设计器不校验签名：请先用 onething verify 校验、onething import --trust 导入，再导入它写出的定义文件',
  en: 'this is a signed package (made by onething pack). The designer does not verify signatures: check it with onething verify and unpack it with onething import --trust, then import the definition files',
};

/**
 * Whether a JSON text is a signed package of definitions — `{ manifest, definitions: [...], signature }`
 * as `onething pack` writes it — rather than a definition file.
 * @example isSignedPackage(readFileSync('newborn.otpkg.json', 'utf8')) // true
 */
export function isSignedPackage(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !('kind' in value) && 'manifest' in value && 'signature' in value && Array.isArray((value as { definitions?: unknown }).definitions);
  } catch {
    return false;
  }
}

/** A `.zip` of definition files (what the designer exports; laid out like examples/definitions). */
export const zipCodec: PackageCodec = {
  type: 'zip',
  title: { 'zh-CN': 'zip 定义包', en: 'zip package of definitions' },
  extensions: ['.zip'],
  mime: 'application/zip',
  unpack(bytes) {
    let total = 0;
    let count = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, {
        // Decide on the declared sizes before inflating anything (zip bombs).
        filter(file) {
          if (!file.name.toLowerCase().endsWith('.json') || file.name.includes('__MACOSX/')) return false;
          count++;
          total += file.originalSize;
          if (count > PACKAGE_LIMITS.files) throw new PackageError({ 'zh-CN': `超过 ${PACKAGE_LIMITS.files} 个文件`, en: `more than ${PACKAGE_LIMITS.files} files` });
          if (file.originalSize > PACKAGE_LIMITS.fileBytes || total > PACKAGE_LIMITS.totalBytes) throw new PackageError({ 'zh-CN': '解压后过大', en: 'too large once unpacked' });
          return true;
        },
      });
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError({ 'zh-CN': '不是有效的 zip 文件', en: 'not a valid zip file' });
    }
    return Object.entries(entries)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, data]) => {
        try {
          return { path, text: decoder.decode(data) };
        } catch {
          throw new PackageError({ 'zh-CN': `${path} 不是 UTF-8 文本`, en: `${path} is not UTF-8 text` });
        }
      });
  },
  pack(files) {
    const tree: Record<string, Uint8Array> = {};
    for (const f of files) tree[f.path] = strToU8(f.text);
    return zipSync(tree, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  },
};

/** The package formats the designer reads and writes, by type. */
export const packageCodecs: ReadonlyMap<string, PackageCodec> = new Map([jsonCodec, zipCodec].map((c) => [c.type, c]));

/**
 * The codec for a file name, by its ending.
 * @example codecFor('newborn-birth-1.0.0.zip')?.type // 'zip'
 */
export function codecFor(name: string, codecs: ReadonlyMap<string, PackageCodec> = packageCodecs): PackageCodec | undefined {
  const lower = name.toLowerCase();
  return [...codecs.values()].find((c) => c.extensions.some((e) => lower.endsWith(e)));
}
