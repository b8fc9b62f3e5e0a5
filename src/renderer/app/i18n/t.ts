import { nl, type Catalog } from './nl';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key in the catalog, checked at compile time: a typo is a type error, not a blank label. */
export type MessageKey = Leaves<Catalog>;

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  let node: unknown = nl;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const text = typeof node === 'string' ? node : key;
  return vars ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match)) : text;
}
