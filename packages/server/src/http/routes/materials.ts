import { extname } from 'node:path';
import type { RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { ref, schemas } from '../schemas.js';
import { sha256 } from '../../util/hash.js';
import { ApplicationService } from '../../applications/service.js';
import { readBody } from '../../materials/read-body.js';
import { sniffMime } from '../../materials/sniff.js';
import { accessOf } from './applications.js';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/ofd': 'ofd' };

/** A safe display name: decoded, no path, no control characters, at most 255 characters. */
export function fileName(header: unknown, fallback: string): string {
  if (typeof header !== 'string' || !header) return fallback;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return fallback;
  }
  name = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return name || fallback;
}

/** Uploads (content-addressed, size and type checked per the material's definition) and downloads. */
export const materialRoutes: RouteDescriptor[] = [
  {
    method: 'post',
    path: '/api/applications/{id}/materials/{material}',
    operationId: 'uploadMaterial',
    summary: 'Upload a file for one material of an application',
    description:
      'The body is the file itself. Its type is sniffed from the bytes and must be one the material accepts (else 415); ' +
      'its size must be within the material’s `maxBytes` (else 413). Reference the returned file in the draft’s `materials`.',
    tags: ['materials'],
    auth: 'token',
    continuation: true,
    params: {
      id: { schema: schemas.applicationId, description: 'Application id.' },
      material: { schema: schemas.id, description: 'Material id (from the composed bundle).' },
    },
    headers: { 'X-File-Name': { schema: { type: 'string', maxLength: 1000 }, description: 'The file name, URL-encoded (encodeURIComponent).' } },
    body: { binary: true, description: 'The file’s bytes.' },
    responses: { 201: { description: 'Stored.', schema: ref('FileRef') } },
    async handle(call) {
      const access = accessOf(call);
      const applications = new ApplicationService(call.services);
      const app = await applications.ownApplication(call.params['id']!, access);
      if (app.status === 'closed') throw new HttpError('eventNotAccepted');
      const runtime = await applications.runtimeOf(app);
      const material = runtime.composed.materials.find((m) => m.id === call.params['material']);
      if (!material) throw new HttpError('notFound', { pointer: '/params/material' });
      const bytes = await readBody(call.req, Math.min(material.maxBytes, call.services.limits.uploadBytes));
      if (bytes.length === 0) throw new HttpError('invalidRequest', { detail: { 'zh-CN': '文件为空', en: 'the file is empty' } });
      const type = await sniffMime(bytes);
      if (!type || !material.accept.includes(type)) {
        throw new HttpError('unsupportedMediaType', { detail: { 'zh-CN': `只接受 ${material.accept.join('、')}`, en: `accepted: ${material.accept.join(', ')}` } });
      }
      const hash = sha256(bytes);
      const name = fileName(call.req.headers['x-file-name'], `${material.id}.${EXTENSIONS[type] ?? extname(type)}`);
      await call.services.store.putBlob({ sha256: hash, size: bytes.length, type, bytes });
      await call.services.store.attach({ applicationId: app.id, materialId: material.id, sha256: hash, name, size: bytes.length, type, uploadedBy: call.principal?.sub ?? 'anonymous', at: call.now.toISOString() });
      return { status: 201, body: { sha256: hash, name, size: bytes.length, type } };
    },
  },
  {
    method: 'get',
    path: '/api/applications/{id}/materials/{sha256}',
    operationId: 'downloadMaterial',
    summary: 'Download a file uploaded to an application (by those who may see the application)',
    tags: ['materials'],
    auth: 'token',
    continuation: true,
    params: {
      id: { schema: schemas.applicationId, description: 'Application id.' },
      sha256: { schema: schemas.sha256, description: 'The file’s sha-256.' },
    },
    responses: { 200: { description: 'The file.', contentType: 'application/octet-stream' } },
    async handle(call) {
      const access = accessOf(call);
      const app = await new ApplicationService(call.services).readable(call.params['id']!, access);
      const attachment = (await call.services.store.attachments(app.id)).find((a) => a.sha256 === call.params['sha256']);
      const blob = attachment ? await call.services.store.getBlob(attachment.sha256) : null;
      if (!attachment || !blob) throw new HttpError('notFound');
      return {
        status: 200,
        bytes: blob.bytes,
        contentType: blob.type,
        headers: {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
          'Content-Security-Policy': "sandbox; default-src 'none'",
          'Cache-Control': 'private, no-store',
        },
      };
    },
  },
];
