// Prepares each SQL string once per connection and hands back the same statement afterwards.
import type Database from 'better-sqlite3';

export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * A LIMIT for statements run many times per article. SQLite reads a plain `LIMIT ?` while planning
 * (to cost an ORDER BY against the row count), which makes it prepare the statement again on every
 * run; the cast hides the value from the planner, so the statement is prepared once.
 */
export const reusedLimit = 'CAST(? AS INTEGER)';
