/**
 * Reading the import form's multipart body: the CSRF field first, then the fields and one file per kind, each
 * sealed into the upload as it arrives; a file of the wrong type or over the size limit ends the reading.
 */
import { extname } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import type { SealedUpload } from '../../services/sealed-upload.ts';
import { CSRF_FIELD, verifyCsrf } from '../../web/auth/plugin.ts';
import { MAX_UPLOAD_SETTING, type UploadLimits } from '../../web/config.ts';
import type { ImportForm } from './form.ts';
import { NARRATIVE_UPLOAD_NAME } from './service.ts';

/** WDES metric 9b's narrative comes as a text file beside the CSV files. */
const NARRATIVE_FIELD = 'wdes_9b';

export type UploadResult =
  | { ok: true; form: ImportForm; files: SourceKind[] }
  | { ok: false; forbidden: true }
  | { ok: false; forbidden: false; status: number; message: string };

function tooLarge(field: string, limits: UploadLimits): UploadResult {
  const mb = Math.floor(limits.maxUploadBytes / (1024 * 1024));
  return {
    ok: false, forbidden: false, status: 413,
    message: `The ${field} file is larger than ${mb} MB, the most Mirror accepts for one file. ` +
      `Split it, or ask whoever runs Mirror to raise ${MAX_UPLOAD_SETTING}`,
  };
}

/** Reads the multipart form: the CSRF field first, then fields and one file per kind, sealed into `upload`. */
export async function readUpload(request: FastifyRequest, upload: SealedUpload, limits: UploadLimits): Promise<UploadResult> {
  try {
    return await readParts(request, upload, limits);
  } catch (error) {
    const { code, part } = error as { code?: string; part?: { fieldname?: string } };
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(part?.fieldname === NARRATIVE_FIELD ? 'WDES narrative' : part?.fieldname ?? 'uploaded', limits);
    throw error;
  }
}

async function readParts(request: FastifyRequest, upload: SealedUpload, limits: UploadLimits): Promise<UploadResult> {
  const form: ImportForm = { organisation: '', newCode: '', newName: '', year: '' };
  const files: SourceKind[] = [];
  let csrfChecked = false;
  for await (const part of request.parts()) {
    if (!csrfChecked) {
      if (part.type !== 'field' || part.fieldname !== CSRF_FIELD || !verifyCsrf(request, String(part.value))) return { ok: false, forbidden: true };
      csrfChecked = true;
      continue;
    }
    if (part.type === 'field') {
      if (part.fieldname in form) form[part.fieldname as keyof ImportForm] = String(part.value).trim();
      continue;
    }
    const kind = SOURCE_KINDS.find((k) => k === part.fieldname);
    const extension = extname(part.filename).toLowerCase();
    if (part.fieldname === NARRATIVE_FIELD && part.filename) {
      if (extension !== '.txt') {
        part.file.resume();
        return { ok: false, forbidden: false, status: 400, message: 'The WDES narrative must be a .txt file' };
      }
      await upload.write(NARRATIVE_UPLOAD_NAME, part.file);
      if (part.file.truncated) return tooLarge('WDES narrative', limits);
      continue;
    }
    if (!kind || !part.filename) {
      part.file.resume();
      continue;
    }
    if (extension !== '.csv' && extension !== '.xlsx') {
      part.file.resume();
      return { ok: false, forbidden: false, status: 400, message: `The ${kind} file must be a .csv or .xlsx file` };
    }
    await upload.write(`${kind}${extension}`, part.file);
    if (part.file.truncated) return tooLarge(kind, limits);
    files.push(kind);
  }
  return csrfChecked ? { ok: true, form, files } : { ok: false, forbidden: true };
}
