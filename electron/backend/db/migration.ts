import type Database from 'better-sqlite3';

/** One schema step. Shipped migrations are never edited: a change is a new file with the next version. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run as one script, or a function for steps that need code. */
  up: string | ((db: Database.Database) => void);
}
