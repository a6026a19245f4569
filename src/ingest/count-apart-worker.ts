/**
 * The thread that counts a folder's applications file for count-apart.ts: the same lazy CSV reading, reader, limits
 * and context as the folder's own thread uses, into a twin of the standard's counter; it posts one message, with
 * what was counted (plain data), the file's problems or its reader's result, and its provenance.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApplicationRecord } from '../core/records.ts';
import { streamCounter } from '../core/standards/stream-counters.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { readApplications } from './applications.ts';
import { openLazyCsvTable } from './lazy-csv-table.ts';
import { type LazyRead, readLazily } from './lazy-read.ts';
import type { ReadLimits } from './limits.ts';
import type { ReadRecordsResult } from './row-reader.ts';
import type { ReadContext } from './value-limits.ts';

export interface CountApartWorkerData {
  readonly path: string;
  readonly file: string;
  readonly limits: ReadLimits;
  readonly context: ReadContext;
  readonly standard: string;
  readonly year: number;
}

export type CountApartMessage =
  | Exclude<LazyRead<ReadRecordsResult<ApplicationRecord>>, { kind: 'read' }>
  | (Extract<LazyRead<ReadRecordsResult<ApplicationRecord>>, { kind: 'read' }> & { readonly part: unknown });

function countApart(data: CountApartWorkerData): CountApartMessage {
  const count = streamCounter(data.standard)?.(reportingPeriod(data.year));
  if (!count?.takePart) return { kind: 'again' };
  const lazy = openLazyCsvTable(data.path, data.file, data.limits);
  if (!lazy) return { kind: 'again' };
  const add = count.open('applications') ?? ((): void => {});
  const outcome = readLazily(lazy, undefined, (table) => readApplications(table, data.context, add));
  if (outcome.kind !== 'read') return outcome;
  return { ...outcome, part: count.takePart('applications') };
}

parentPort?.postMessage(countApart(workerData as CountApartWorkerData));
