import { describe, expect, it } from 'vitest';
import { sql, sqlJoin, sqlOrderBy, sqlTrusted } from './sql';

describe('sql tagged template', () => {
  it('keeps values out of the text', () => {
    const name = "x'; DROP TABLE claims; --";
    const query = sql`SELECT * FROM persons WHERE display_name = ${name} AND version > ${3}`;
    expect(query.text).toBe('SELECT * FROM persons WHERE display_name = ? AND version > ?');
    expect(query.values).toEqual([name, 3]);
  });

  it('nests fragments in order, with their values', () => {
    const conditions = [sql`kind = ${'wahv'}`, sql`phase = ${'verhaal'}`];
    const query = sql`SELECT 1 FROM claims WHERE ${sqlJoin(conditions, ' AND ')} LIMIT ${10}`;
    expect(query.text).toBe('SELECT 1 FROM claims WHERE kind = ? AND phase = ? LIMIT ?');
    expect(query.values).toEqual(['wahv', 'verhaal', 10]);
  });

  it('puts trusted constants in as text without values', () => {
    const query = sql`SELECT 1 ORDER BY ${sqlTrusted('c.due_date DESC')}`;
    expect(query.text).toBe('SELECT 1 ORDER BY c.due_date DESC');
    expect(query.values).toEqual([]);
  });

  it('orders by the given columns and the tie-breaker, all in one direction', () => {
    expect(sql`SELECT 1 ORDER BY ${sqlOrderBy(['t.kind', 't.due_date'], 't.rowid', 'desc')}`.text).toBe(
      'SELECT 1 ORDER BY t.kind DESC, t.due_date DESC, t.rowid DESC',
    );
    expect(sqlOrderBy(['c.due_date'], 'c.rowid', 'asc')).toMatchObject({
      text: 'c.due_date ASC, c.rowid ASC',
      values: [],
    });
  });

  it('treats a look-alike object as a value, not as SQL', () => {
    const forged = { text: 'DROP TABLE claims', values: [] } as unknown as string;
    expect(sql`SELECT ${forged}`.text).toBe('SELECT ?');
  });
});
