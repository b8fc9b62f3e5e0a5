import type { Sourced } from '../../../shared/domain/parameters/parameter-set';

/**
 * A parameter set's values as a list of editable leaves: every `Sourced` value with its path
 * (`bijstandsnormen.paar_pgl`), so one form serves every domain and a new field needs no new screen.
 */
export interface SourcedLeaf {
  path: string;
  /** Numbers as typed digits; anything else (lists, texts, null) as JSON. */
  value: string;
  kind: 'number' | 'json';
  source: string;
  status: Sourced<unknown>['status'];
}

function isSourced(node: unknown): node is Sourced<unknown> {
  return typeof node === 'object' && node !== null && 'value' in node && 'source' in node && 'status' in node;
}

export function toLeaves(values: object, prefix = ''): SourcedLeaf[] {
  return Object.entries(values).flatMap(([key, node]): SourcedLeaf[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isSourced(node)) {
      const kind = typeof node.value === 'number' ? 'number' : 'json';
      return [
        {
          path,
          kind,
          value: kind === 'number' ? String(node.value) : JSON.stringify(node.value),
          source: node.source,
          status: node.status,
        },
      ];
    }
    return typeof node === 'object' && node !== null ? toLeaves(node, path) : [];
  });
}

export type LeavesResult = { ok: true; values: Record<string, unknown> } | { ok: false; path: string };

/** The values object again; the first leaf whose value does not read as its kind is named. */
export function fromLeaves(leaves: readonly SourcedLeaf[]): LeavesResult {
  const values: Record<string, unknown> = {};
  for (const leaf of leaves) {
    let value: unknown;
    if (leaf.kind === 'number') {
      const text = leaf.value.trim().replace(',', '.');
      value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { ok: false, path: leaf.path };
    } else {
      try {
        value = JSON.parse(leaf.value);
      } catch {
        return { ok: false, path: leaf.path };
      }
    }
    const keys = leaf.path.split('.');
    let node = values;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1] ?? leaf.path] = { value, source: leaf.source, status: leaf.status };
  }
  return { ok: true, values };
}

export interface LeafChange {
  path: string;
  before: SourcedLeaf | undefined;
  after: SourcedLeaf | undefined;
}

/** What a proposed set changes against the set it would follow: value, source or status. */
export function changedLeaves(before: object | undefined, after: object): LeafChange[] {
  const old = new Map((before ? toLeaves(before) : []).map((leaf) => [leaf.path, leaf]));
  const changes: LeafChange[] = [];
  for (const leaf of toLeaves(after)) {
    const previous = old.get(leaf.path);
    old.delete(leaf.path);
    if (
      !previous ||
      previous.value !== leaf.value ||
      previous.source !== leaf.source ||
      previous.status !== leaf.status
    ) {
      changes.push({ path: leaf.path, before: previous, after: leaf });
    }
  }
  for (const [path, previous] of old) changes.push({ path, before: previous, after: undefined });
  return changes;
}
