/**
 * Reading an import's multipart body: the CSRF field first, then the fields and the files, all chosen in one
 * picker (several files, a folder or a zip), each sealed into the upload as it arrives under a plain name of its
 * own. Their kinds are recognised later, by the import job, from their headings. A file of a type Mirror does not
 * read, or over the size limit, ends the reading; files a system leaves in folders (".DS_Store") are skipped.
 */
import { extname } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { SealedUpload } from '../../services/sealed-upload.ts';
import { CSRF_FIELD, verifyCsrf } from '../../web/auth/plugin.ts';
import { MAX_UPLOAD_SETTING, type UploadLimits } from '../../web/config.ts';
import type { ImportForm } from './form.ts';
import { isSystemFile, type UploadedFile } from './service.ts';

/**
 * Files one request may bring: a folder holds other files beside the tables (the demonstration's README); more than
 * this is refused with a message suggesting a zip.
 */
export const MAX_FILES_AT_ONCE = 40;

/** The one file input's name. */
export const FILES_FIELD = 'files';
const EXTENSIONS = new Set(['.csv', '.xlsx', '.zip', '.txt']);
const HINTS: Readonly<Record<string, string>> = {
  '.xls': 'older Excel (.xls) files are not read; save it as .xlsx or CSV',
  '.ods': 'OpenDocument spreadsheets are not read; save it as .xlsx or CSV',
  '.pdf': 'a PDF cannot be read as a table; export the data as .xlsx or CSV',
};

export type UploadResult =
  | { ok: true; form: ImportForm; files: UploadedFile[] }
  | { ok: false; forbidden: true }
  | { ok: false; forbidden: false; status: number; message: string };

function tooLarge(name: string, limits: UploadLimits): UploadResult {
  const mb = Math.floor(limits.maxUploadBytes / (1024 * 1024));
  return {
    ok: false, forbidden: false, status: 413,
    message: `${name} is larger than ${mb} MB, the most Mirror accepts for one file. ` +
      `Split it, or ask whoever runs Mirror to raise ${MAX_UPLOAD_SETTING}`,
  };
}

/** The name a file was chosen with, without the folders a folder picker puts before it. */
export function chosenName(filename: string): string {
  return filename.split(/[\\/]/).pop()?.trim() || 'unnamed file';
}

/**
 * Reads the multipart form, sealing each file into `upload` as attempt `attempt`. `written` gets the stored name of
 * every file written, so a caller can delete exactly those should the request be refused.
 */
export async function readUpload(request: FastifyRequest, upload: SealedUpload, limits: UploadLimits, attempt: number, written: string[]): Promise<UploadResult> {
  let current = 'The file';
  try {
    return await readParts(request, upload, attempt, written, (name) => {
      current = name;
    }, limits);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(current, limits);
    if (code === 'FST_FILES_LIMIT') {
      return { ok: false, forbidden: false, status: 413, message: `More than ${MAX_FILES_AT_ONCE} files were chosen at once; choose only the year's tables, or put them in one .zip` };
    }
    throw error;
  }
}

async function readParts(request: FastifyRequest, upload: SealedUpload, attempt: number, written: string[], reading: (name: string) => void, limits: UploadLimits): Promise<UploadResult> {
  const form: ImportForm = { organisation: '', newCode: '', newName: '', year: '' };
  const files: UploadedFile[] = [];
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
    // A folder's relative path keeps the folders for system files in them (__MACOSX/…).
    if (part.fieldname !== FILES_FIELD || !part.filename || isSystemFile(part.filename)) {
      part.file.resume();
      continue;
    }
    const name = chosenName(part.filename);
    const extension = extname(name).toLowerCase();
    if (!EXTENSIONS.has(extension)) {
      part.file.resume();
      const hint = HINTS[extension] ?? 'Mirror reads .csv and .xlsx tables, a .zip of them, and the WDES 9b narrative as .txt';
      return { ok: false, forbidden: false, status: 400, message: `${name} cannot be imported: ${hint}. Leave it out and choose the files again` };
    }
    const stored = `a${attempt}-${files.length + 1}${extension}`;
    reading(name);
    written.push(stored);
    await upload.write(stored, part.file);
    if (part.file.truncated) return tooLarge(name, limits);
    files.push({ stored, name, attempt });
  }
  return csrfChecked ? { ok: true, form, files } : { ok: false, forbidden: true };
}
