/**
 * CSV downloads from the web application, all sent the same way: as an attachment with its file name, never kept
 * by a cache (the figures are equality data), and built with csv-stringify with every text cell a spreadsheet would
 * run as a formula neutralised. Numbers are written as they are; null and undefined are empty cells.
 */
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { neutraliseFormula } from '../core/util/spreadsheet-safe.ts';

export type CsvCell = string | number | boolean | null | undefined;

/** A header row and the rows under it, as CSV text. Booleans are written "true" and "false". */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell ?? '')));
  return stringify([header.map(neutraliseFormula), ...safe], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

/** Sends CSV text as a download named `fileName`. */
export function sendCsv(reply: FastifyReply, fileName: string, body: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
