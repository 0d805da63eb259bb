import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../electron/backend/fdi-import/record-keys';
import { seededRandom } from '../../../electron/backend/demo/random';

describe('the stage key index', () => {
  it('agrees with a Map through growth, colliding slots and overwrites', () => {
    const rng = seededRandom(99);
    const index = new KeyIndex();
    const reference = new Map<number, number>();
    // 52-bit keys, some repeated, some equal modulo the table size (they land on the same slot)
    for (let rowid = 1; rowid <= 200_000; rowid++) {
      const key = rowid % 7 === 0 ? (rowid % 5000) * 2 ** 20 : Math.floor(rng.next() * 2 ** 52);
      index.set(key, rowid);
      reference.set(key, rowid);
    }
    const wrong = [...reference].filter(([key, rowid]) => index.get(key) !== rowid);
    expect(wrong).toEqual([]);
    expect(index.get(2 ** 51 + 12345)).toBeUndefined();
    index.clear();
    expect(index.get([...reference.keys()][0]!)).toBeUndefined();
  });
});
