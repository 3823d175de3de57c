// Runs export.sql on a players.csv with DuckDB (2 threads), writing CSV to
// standard output: node export.mjs players.csv [AS-OF]
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [file, asOf = '2026-06-01'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node export.mjs players.csv [YYYY-MM-DD]');
  process.exit(2);
}
const sql = readFileSync(new URL('export.sql', import.meta.url), 'utf8')
  .replaceAll('$FILE', file.replaceAll("'", "''"))
  .replaceAll('$ASOF', asOf);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
await con.run(sql);
