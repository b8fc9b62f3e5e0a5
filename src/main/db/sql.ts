/**
 * A small `sql` tagged template (as in Signal Desktop): the text keeps `?` placeholders and the
 * values travel separately, so a value can never become SQL. Fragments nest; text that must vary
 * (a sort column) comes from a constant in the code through `sqlTrusted`.
 */

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlQuery {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

const fragmentBrand = Symbol('sqlFragment');
interface SqlFragment extends SqlQuery {
  readonly [fragmentBrand]: true;
}

function fragment(text: string, values: readonly SqlValue[]): SqlFragment {
  return { text, values, [fragmentBrand]: true };
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && fragmentBrand in value;
}

export function sql(strings: TemplateStringsArray, ...params: (SqlValue | SqlFragment)[]): SqlFragment {
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  params.forEach((param, index) => {
    if (isFragment(param)) {
      text += param.text;
      values.push(...param.values);
    } else {
      text += '?';
      values.push(param);
    }
    text += strings[index + 1] ?? '';
  });
  return fragment(text, values);
}

/**
 * SQL text taken from a constant in the code (a whitelisted ORDER BY, say). Never pass input:
 * the text goes into the statement as it is.
 */
export function sqlTrusted(text: string): SqlFragment {
  return fragment(text, []);
}

/**
 * An ORDER BY list: the whitelisted `columns` (constants in the code, never input) and the table's
 * rowid `tieBreaker`, all in one direction.
 */
export function sqlOrderBy(columns: readonly string[], tieBreaker: string, direction: 'asc' | 'desc'): SqlFragment {
  const keyword = direction === 'desc' ? 'DESC' : 'ASC';
  return sqlTrusted([...columns, tieBreaker].map((column) => `${column} ${keyword}`).join(', '));
}

export function sqlJoin(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.values),
  );
}

export const emptySql = fragment('', []);
