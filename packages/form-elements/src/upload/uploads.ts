import type { ComposedMaterial } from '@onething/engine/runtime';
import type { Text } from '../model/types.js';

/** What an upload produced: the reference the submission stores (`MaterialValue.files[]`). */
export interface FileRef {
  sha256: string;
  name: string;
  size: number;
  type: string;
}

/** What the form hands an uploader with each file. */
export interface UploadContext {
  material: ComposedMaterial;
  /** Aborted when the person removes the file while it uploads. */
  signal: AbortSignal;
  /** Report progress; the form shows it in a progress bar. */
  progress(loaded: number, total: number): void;
}

/**
 * Uploads one file and resolves with its reference (the SDK provides one that posts to the server).
 * Call `progress(loaded, total)` as bytes go out (the bar follows it; 25, 50 and 75 % are announced
 * politely). To say why it failed, reject with an error carrying a bilingual `text`
 * (`{ 'zh-CN', en }`, as the SDK's `ServiceError` does): the form shows "could not be uploaded:
 * <text>" beside the file; any other rejection shows "could not be uploaded – try again".
 * @example form.uploader = (file, { progress }) => myUpload(file, progress)
 */
export type Uploader = (file: File, context: UploadContext) => Promise<FileRef>;

/** Detail of `ot-upload-request`, fired when no `.uploader` is set: call `respond` with the upload's promise. */
export interface UploadRequestDetail extends UploadContext {
  file: File;
  respond(upload: Promise<FileRef>): void;
}

/** One file of a material, as the form shows it. */
export interface MaterialUpload {
  key: number;
  name: string;
  size: number;
  /** 0…1 while uploading. */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  ref?: FileRef;
  /** Why it failed, ready to show (the file name filled in). */
  error?: Text;
  controller: AbortController;
}
