import { text } from '../validation/text';

/**
 * A position in the central API's change feed, `<transaction>.<version>`: the id of the
 * PostgreSQL transaction that wrote the change, then the change's version. The feed is ordered by
 * that pair and only shows transactions older than every one still running, so a transaction that
 * commits late can never land behind a cursor a client already holds — without one lock that all
 * writers wait for. A plain number (`N`) is a cursor from before this order and means `0.N`.
 * Clients treat it as opaque, apart from checking it never moves back.
 */
export type FeedCursor = string;

export const startCursor: FeedCursor = '0';

const pattern = /^(0|[1-9]\d{0,19})(?:\.(0|[1-9]\d{0,19}))?$/;

// The transaction is a PostgreSQL xid8 (unsigned 64 bits), the version a bigint (signed 64 bits):
// a cursor beyond them is refused here, as any bad cursor, instead of failing in the database.
const maxTransaction = 2n ** 64n - 1n;
const maxVersion = 2n ** 63n - 1n;

export const feedCursor = text()
  .regex(pattern, 'De cursor is ongeldig.')
  .refine(
    (cursor) => {
      if (!pattern.test(cursor)) return true; // the regex above has said so already
      const { transaction, version } = parseFeedCursor(cursor);
      return transaction <= maxTransaction && version <= maxVersion;
    },
    { message: 'De cursor is ongeldig.' },
  );

export interface FeedPosition {
  transaction: bigint;
  version: bigint;
}

export function parseFeedCursor(cursor: FeedCursor): FeedPosition {
  const match = pattern.exec(cursor);
  if (!match) throw new Error(`ongeldige cursor: ${cursor}`);
  return match[2] === undefined
    ? { transaction: 0n, version: BigInt(match[1] ?? '0') }
    : { transaction: BigInt(match[1] ?? '0'), version: BigInt(match[2]) };
}

/** Negative when `a` comes before `b` in the feed, 0 when both name the same position. */
export function compareFeedCursors(a: FeedCursor, b: FeedCursor): number {
  const left = parseFeedCursor(a);
  const right = parseFeedCursor(b);
  if (left.transaction !== right.transaction) return left.transaction < right.transaction ? -1 : 1;
  if (left.version !== right.version) return left.version < right.version ? -1 : 1;
  return 0;
}

export function isStartCursor(cursor: FeedCursor): boolean {
  return compareFeedCursors(cursor, startCursor) === 0;
}
