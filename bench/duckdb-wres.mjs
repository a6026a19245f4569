/**
 * The DuckDB reference for bench/process.bench.ts: the same headline counts as reference_wres.py, as SQL over the
 * CSV files (DuckDB's own multi-threaded CSV reader), through @duckdb/node-api (a development dependency).
 *
 *     node bench/duckdb-wres.mjs <folder>
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const folder = process.argv[2];
const file = (name) => `'${join(folder, name).replaceAll("'", "''")}'`;
const csv = (name) => `read_csv(${file(name)}, header = true, all_varchar = true)`;

const sql = `
  CREATE MACRO grp(v) AS CASE
    WHEN trim(coalesce(v, '')) IN ('', 'Z', '99') OR lower(trim(v)) LIKE 'not %' THEN 'unknown'
    WHEN lower(trim(v)) LIKE 'white%' OR (length(trim(v)) <= 2 AND left(trim(v), 1) IN ('A', 'B', 'C')) THEN 'white'
    ELSE 'ethnic minority' END;
  CREATE TABLE staff AS SELECT staff_id, grp(ethnic_category) AS g FROM ${csv('staff.csv')}
    WHERE lower(trim(assignment_category)) <> 'bank';
  SELECT 'headcount' AS what, g, count(*) AS n FROM staff GROUP BY g
  UNION ALL
  SELECT 'shortlisted', grp(ethnic_category), count(*) FROM ${csv('applications.csv')}
    WHERE lower(trim(shortlisted)) LIKE 'y%' GROUP BY 2
  UNION ALL
  SELECT 'appointed', grp(ethnic_category), count(*) FROM ${csv('applications.csv')}
    WHERE lower(trim(shortlisted)) LIKE 'y%' AND lower(trim(appointed)) LIKE 'y%' GROUP BY 2
  UNION ALL
  SELECT 'disciplinary.csv', coalesce(s.g, 'not in staff file'), count(*)
    FROM (SELECT DISTINCT staff_id FROM ${csv('disciplinary.csv')}) d LEFT JOIN staff s USING (staff_id) GROUP BY 2
  UNION ALL
  SELECT 'training.csv', coalesce(s.g, 'not in staff file'), count(*)
    FROM (SELECT DISTINCT staff_id FROM ${csv('training.csv')} WHERE NOT lower(trim(mandatory)) LIKE 'y%') t
    LEFT JOIN staff s USING (staff_id) GROUP BY 2
  ORDER BY 1, 2;
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const statements = sql.split(';').map((s) => s.trim()).filter((s) => s !== '');
let result;
for (const statement of statements) result = await connection.runAndReadAll(statement);
for (const row of result.getRows()) console.log(row.map(String).join('\t'));
