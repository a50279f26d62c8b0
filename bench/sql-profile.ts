// Preloaded into a measuring process by `npm run bench -- --sql-profile`: times every SQLite statement by its SQL
// and writes the totals to $PARLEY_SQL_PROFILE on exit, to show which statements the store's time goes to. A process that
// ran no SQL (the baselines' processes, which share the variable) writes nothing.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface SqlStatementTime {
  sql: string;
  calls: number;
  ms: number;
  /** Rows returned by `all` (the other calls return one row or none). */
  rows: number;
}

const output = process.env.PARLEY_SQL_PROFILE;
if (output) {
  const totals = new Map<string, SqlStatementTime>();
  // Keyed by the SQL as written (the same string object each run of a cached statement); tidied only on output.
  const count = (sql: string, ms: number, rows: number) => {
    const total = totals.get(sql) ?? { sql, calls: 0, ms: 0, rows: 0 };
    total.calls += 1;
    total.ms += ms;
    total.rows += rows;
    totals.set(sql, total);
  };
  // better-sqlite3 exposes its Statement class only through a statement, so one is prepared to reach it.
  const probe = new Database(':memory:');
  const statementMethods = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all'] as const) {
    const original = statementMethods[method];
    statementMethods[method] = function timed(this: { source: string }, ...args: unknown[]) {
      const started = performance.now();
      const result = original.apply(this, args);
      count(this.source, performance.now() - started, Array.isArray(result) ? result.length : 0);
      return result;
    };
  }
  const databaseMethods = Database.prototype as unknown as Record<string, (sql: string) => unknown>;
  const exec = databaseMethods.exec;
  databaseMethods.exec = function timedExec(this: unknown, sql: string) {
    const started = performance.now();
    const result = exec.call(this, sql);
    count(sql, performance.now() - started, 0);
    return result;
  };
  process.on('exit', () => {
    if (totals.size === 0) return;
    const statements = [...totals.values()].map((total) => ({ ...total, sql: total.sql.replace(/\s+/g, ' ').trim() }));
    writeFileSync(output, JSON.stringify(statements.sort((a, b) => b.ms - a.ms)));
  });
}
