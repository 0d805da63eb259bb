import { useState } from 'react';
import type { StatsTableId } from '../../../../../shared/api/stats';
import { ALL_COLUMNS, NARROW_COLUMNS, parseChoice, type ColumnChoice } from './columnChoice';

const storageKey = (table: StatsTableId) => `fdi-desk.stats.columns.${table}`;

function read(table: StatsTableId): ColumnChoice | null {
  try {
    return parseChoice(window.localStorage.getItem(storageKey(table)));
  } catch {
    return null;
  }
}

/**
 * Which columns a standard table shows, remembered per table on this machine (a view preference, not data: it stays
 * out of the database and its backups). Until a person chooses, the choice follows the window's width.
 */
export function useColumnChoice(table: StatsTableId, wide: boolean): [ColumnChoice, (choice: ColumnChoice) => void] {
  const [stored, setStored] = useState<Partial<Record<StatsTableId, ColumnChoice | null>>>({});
  const chosen = table in stored ? stored[table] : read(table);
  const save = (choice: ColumnChoice) => {
    setStored((s) => ({ ...s, [table]: choice }));
    try {
      window.localStorage.setItem(storageKey(table), JSON.stringify(choice));
    } catch {
      // a full or refused storage: the choice lasts for this session only
    }
  };
  return [chosen ?? (wide ? ALL_COLUMNS : NARROW_COLUMNS), save];
}
