/**
 * board.csv: one row per board member, for WRES indicator 9 and WDES metric 10 (board representation, voting and
 * executive). Disability is optional; when absent it is recorded as not known.
 */
import type { BoardMemberRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import { identifier } from './value-limits.ts';

export const BOARD_COLUMNS = {
  required: ['member_id', 'ethnic_category', 'voting', 'executive'],
  optional: ['disability'],
} as const satisfies ColumnSpec;

export function readBoard(table: StreamedTable): ReadRecordsResult<BoardMemberRecord> {
  return readRecords(table, BOARD_COLUMNS, readBoardRow);
}

function readBoardRow(row: RowReader): BoardMemberRecord | undefined {
  const fields = complete({
    memberId: identifier(row, 'member_id'),
    ethnicity: row.ethnicity('ethnic_category'),
    voting: row.requiredYesNo('voting'),
    executive: row.requiredYesNo('executive'),
    disability: row.disability('disability'),
    source: row.source,
  });
  return fields;
}
