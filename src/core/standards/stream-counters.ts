/**
 * The standards' streaming counters (counting/stream-count.ts) by the standard's id, kept apart from the standards'
 * declarations so that a thread counting part of a folder (ingest/count-apart.ts) can make a twin of a standard's
 * counter without loading its reports and outputs. A standard declares its `streamCount` as its entry here, which is
 * how the folder's reading knows the twin is the same counter.
 */
import type { StreamCount } from '../counting/stream-count.ts';
import { MedicalCounter } from '../medical/count.ts';
import { WdesCounter } from '../wdes/count.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import { WresCounter } from '../wres/count.ts';

export const STREAM_COUNTERS = {
  wres: (period: ReportingPeriod) => new WresCounter(period),
  wdes: (period: ReportingPeriod) => new WdesCounter(period),
  medical: (period: ReportingPeriod) => new MedicalCounter(period),
} as const;

/** The streaming counter maker of the standard with this id, or null when it has none here. */
export function streamCounter(id: string): ((period: ReportingPeriod) => StreamCount<unknown>) | null {
  return Object.hasOwn(STREAM_COUNTERS, id) ? STREAM_COUNTERS[id as keyof typeof STREAM_COUNTERS] : null;
}
