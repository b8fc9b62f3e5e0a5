import { createHash, randomBytes } from 'node:crypto';
import type { ClaimsBatch, IntakePayment, IntakeResult, PaymentsBatch } from '../../shared/api/intake';
import { allocateArrangementPayment } from '../../shared/domain/betalingsregeling-rijk';
import { audit } from '../audit';
import { retryOnClash } from '../db/retry-on-clash';
import type { Queryable, SqlClient } from '../db/sql-client';
import { recordChanges, storeRecordedPayloads } from '../sync/change-feed';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { cjibClaimKinds, isPartnerClaim, type ClaimKind } from '../../shared/domain/claims';

/**
 * Bulk intake by source systems: the daily delivery of new claims and the bank's payments file.
 * A batch is one serializable transaction (at most 250 claims or 500 payments), so it
 * never holds the change feed back for long and a worker's command on the same claim is either
 * before it or after it. Each batch is kept with its answer: delivered twice, taken in once.
 */

export interface IntakeSource {
  id: string;
  displayName: string;
  /** What this source may deliver: CJIB's own systems its kinds, a partner only its own. */
  claimKinds: readonly ClaimKind[];
  /** The Digitaal Loket: submits requests for a betalingsregeling (src/central/loket), delivers no claims. */
  submitsRequests: boolean;
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Registers a source system and returns its key: shown once, only its hash is kept. A partner
 * (`claimKinds: ['cak']`, say) gets a key that delivers its own claims and nothing else.
 */
export async function createIntakeSource(
  db: Queryable,
  id: string,
  displayName: string,
  claimKinds: readonly ClaimKind[] = cjibClaimKinds,
  options: { submitsRequests?: boolean } = {},
): Promise<string> {
  const key = `bron_${randomBytes(32).toString('base64url')}`;
  await db.query(
    'INSERT INTO intake_sources (id, display_name, key_hash, claim_kinds, submits_requests) VALUES ($1, $2, $3, $4, $5)',
    [id, displayName, keyHash(key), [...claimKinds], options.submitsRequests ?? false],
  );
  return key;
}

/** Ends a source's key at once: its next delivery is refused. Returns whether there was a live key. */
export async function revokeIntakeSource(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE intake_sources SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

export async function listIntakeSources(
  db: Queryable,
): Promise<{ id: string; displayName: string; claimKinds: ClaimKind[]; submitsRequests: boolean; revoked: boolean }[]> {
  const rows = await db.query<{
    id: string;
    display_name: string;
    claim_kinds: ClaimKind[];
    submits_requests: boolean;
    revoked: boolean;
  }>(
    'SELECT id, display_name, claim_kinds, submits_requests, revoked_at IS NOT NULL AS revoked FROM intake_sources ORDER BY id',
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    claimKinds: r.claim_kinds,
    submitsRequests: r.submits_requests,
    revoked: r.revoked,
  }));
}

export async function authenticateSource(db: Queryable, key: string): Promise<IntakeSource | null> {
  if (!key.startsWith('bron_') || key.length > 100) return null;
  const rows = await db.query<{
    id: string;
    display_name: string;
    claim_kinds: ClaimKind[];
    submits_requests: boolean;
  }>(
    'SELECT id, display_name, claim_kinds, submits_requests FROM intake_sources WHERE key_hash = $1 AND revoked_at IS NULL',
    [keyHash(key)],
  );
  const row = rows[0];
  return row
    ? { id: row.id, displayName: row.display_name, claimKinds: row.claim_kinds, submitsRequests: row.submits_requests }
    : null;
}

type BatchKind = 'claims' | 'payments';

/** Runs one batch once: a batch id seen before answers its stored result. */
function runBatch(
  db: SqlClient,
  source: IntakeSource,
  batchId: string,
  kind: BatchKind,
  takeIn: (tx: Queryable) => Promise<Omit<IntakeResult, 'batchId' | 'replayed'>>,
): Promise<IntakeResult> {
  return retryOnClash(() =>
    db.transaction(
      async (tx) => {
        const earlier = await tx.query<{ kind: BatchKind; result: IntakeResult }>(
          'SELECT kind, result FROM intake_batches WHERE source_id = $1 AND batch_id = $2',
          [source.id, batchId],
        );
        const stored = earlier[0];
        if (stored) {
          if (stored.kind !== kind) throw new IntakeBatchKindError();
          return { ...stored.result, replayed: true };
        }
        const counts = await takeIn(tx);
        await storeRecordedPayloads(tx);
        const result: IntakeResult = { batchId, ...counts, replayed: false };
        await tx.query('INSERT INTO intake_batches (source_id, batch_id, kind, result) VALUES ($1, $2, $3, $4)', [
          source.id,
          batchId,
          kind,
          JSON.stringify(result),
        ]);
        // Counts only: the batch's persons and amounts stay out of the audit log's detail.
        await audit(tx, {
          actorId: `bron:${source.id}`,
          action: 'create',
          entity: 'intake_batch',
          entityId: batchId,
          detail: {
            kind,
            applied: counts.applied,
            alreadyKnown: counts.alreadyKnown,
            unmatched: counts.unmatched.length,
          },
        });
        return result;
      },
      { isolation: 'serializable' },
    ),
  );
}

export class IntakeBatchKindError extends Error {
  constructor() {
    super('Dit partijnummer is al gebruikt voor een ander soort levering.');
    this.name = 'IntakeBatchKindError';
  }
}

export class IntakeKindNotAllowedError extends Error {
  constructor(source: IntakeSource, kind: string, reference: string) {
    super(
      `${source.displayName} mag alleen vorderingen van soort ${source.claimKinds.join(', ')} aanleveren; ` +
        `kenmerk ${reference} is van soort ${kind}. De partij is niet verwerkt.`,
    );
    this.name = 'IntakeKindNotAllowedError';
  }
}

export class IntakePaymentsNotAllowedError extends Error {
  constructor(source: IntakeSource) {
    super(`${source.displayName} mag geen betalingen aanleveren. De partij is niet verwerkt.`);
    this.name = 'IntakePaymentsNotAllowedError';
  }
}

/**
 * New claims: the person is found by BSN (or created, in the inning team the BSN falls to), the
 * claim starts in `beschikking` with its beschikking in the history. A claim id is the source and
 * its reference, so the same claim in a later batch is recognised and left alone.
 */
export async function takeInClaims(db: SqlClient, source: IntakeSource, batch: ClaimsBatch): Promise<IntakeResult> {
  const foreign = batch.claims.filter((c) => !source.claimKinds.includes(c.kind));
  if (foreign.length) {
    // Refused before anything is read or written; the attempt itself is on record.
    await audit(db, {
      actorId: `bron:${source.id}`,
      action: 'create',
      entity: 'intake_batch_refused',
      entityId: batch.batchId,
      detail: { refused: foreign.length, kinds: [...new Set(foreign.map((c) => c.kind))] },
    });
    throw new IntakeKindNotAllowedError(source, foreign[0]?.kind ?? '', foreign[0]?.reference ?? '');
  }
  return runBatch(db, source, batch.batchId, 'claims', async (tx) => {
    const claimId = (reference: string) => `${source.id}:${reference}`;
    const ids = [...new Set(batch.claims.map((c) => claimId(c.reference)))];
    const known = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM claims WHERE id = ANY($1)', [ids])).map((r) => r.id),
    );
    const seen = new Set<string>();
    const fresh = batch.claims.filter((c) => {
      const id = claimId(c.reference);
      if (known.has(id) || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const personOf = await findOrCreatePersons(
      tx,
      fresh.map((c) => c.person),
    );
    const claimRows = fresh.map((c) => {
      const person = personOf.get(c.person.bsn);
      if (!person) throw new Error('person missing after intake');
      return { claim: c, id: claimId(c.reference), personId: person.id, teamId: person.teamId };
    });
    const claimVersions = await recordChanges(
      tx,
      'claim',
      claimRows.map((r) => ({ id: r.id, teamId: r.teamId })),
    );
    await tx.query(
      `INSERT INTO claims (id, person_id, team_id, kind, phase, reference, original_cents, outstanding_cents, due_date, version)
       SELECT u.id, u.person_id, u.team_id, u.kind, 'beschikking', u.reference, u.cents, u.cents, u.due_date, u.version
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::bigint[])
         AS u(id, person_id, team_id, kind, reference, cents, due_date, version)`,
      [
        claimRows.map((r) => r.id),
        claimRows.map((r) => r.personId),
        claimRows.map((r) => r.teamId),
        claimRows.map((r) => r.claim.kind),
        claimRows.map((r) => r.claim.reference),
        claimRows.map((r) => r.claim.originalCents),
        claimRows.map((r) => r.claim.dueDate),
        claimVersions,
      ],
    );
    // A partner's claim starts its history as received from the partner, CJIB's own with its beschikking.
    for (const partner of [false, true]) {
      await insertClaimEvents(
        tx,
        'beschikking',
        partner ? `Vordering ontvangen van ${source.displayName}` : 'Beschikking ontvangen',
        claimRows
          .filter((r) => isPartnerClaim(r.claim.kind) === partner)
          .map((r) => ({
            id: `beschikking:${r.id}`,
            claimId: r.id,
            teamId: r.teamId,
            occurredOn: todayInAmsterdam(),
            cents: r.claim.originalCents,
          })),
      );
    }
    return { applied: claimRows.length, alreadyKnown: batch.claims.length - claimRows.length, unmatched: [] };
  });
}

interface PersonRef {
  id: string;
  teamId: string;
}

async function findOrCreatePersons(
  tx: Queryable,
  persons: readonly ClaimsBatch['claims'][number]['person'][],
): Promise<Map<string, PersonRef>> {
  const byBsn = new Map<string, PersonRef>();
  const bsns = [...new Set(persons.map((p) => p.bsn))];
  for (const row of await tx.query<{ bsn: string; id: string; team_id: string }>(
    'SELECT DISTINCT ON (bsn) bsn, id, team_id FROM persons WHERE bsn = ANY($1) ORDER BY bsn, id',
    [bsns],
  )) {
    byBsn.set(row.bsn, { id: row.id, teamId: row.team_id });
  }
  const newcomers = [...new Map(persons.filter((p) => !byBsn.has(p.bsn)).map((p) => [p.bsn, p])).values()];
  if (newcomers.length === 0) return byBsn;
  const teams = (
    await tx.query<{ team_id: string }>(
      `SELECT DISTINCT team_id FROM users WHERE role = 'medewerker_inning' AND deactivated_at IS NULL ORDER BY team_id`,
    )
  ).map((r) => r.team_id);
  if (teams.length === 0) throw new Error('geen inningsteam om nieuwe personen aan toe te wijzen');
  const rows = newcomers.map((p) => ({
    person: p,
    id: `persoon-${p.bsn}`,
    // The same BSN always falls to the same team, whichever node or batch sees it first.
    teamId: teams[Number(BigInt(p.bsn) % BigInt(teams.length))] ?? teams[0] ?? '',
  }));
  const versions = await recordChanges(
    tx,
    'person',
    rows.map((r) => ({ id: r.id, teamId: r.teamId })),
  );
  await tx.query(
    `INSERT INTO persons (id, team_id, bsn, display_name, birth_date, city, is_test_data, version)
     SELECT u.id, u.team_id, u.bsn, u.name, u.birth_date, u.city, false, u.version
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::bigint[])
       AS u(id, team_id, bsn, name, birth_date, city, version)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.teamId),
      rows.map((r) => r.person.bsn),
      rows.map((r) => r.person.displayName),
      rows.map((r) => r.person.birthDate),
      rows.map((r) => r.person.city),
      versions,
    ],
  );
  for (const row of rows) byBsn.set(row.person.bsn, { id: row.id, teamId: row.teamId });
  return byBsn;
}

/**
 * The payments file: each payment becomes a `betaling` in the claim's history and lowers what is
 * outstanding (never below zero); a claim paid in full moves to `betaald`. A payment for a
 * reference the store does not know is reported back, not guessed at.
 */
export function takeInPayments(db: SqlClient, source: IntakeSource, batch: PaymentsBatch): Promise<IntakeResult> {
  if (source.claimKinds.length === 0) return Promise.reject(new IntakePaymentsNotAllowedError(source));
  return runBatch(db, source, batch.batchId, 'payments', async (tx) => {
    const eventId = (paymentId: string) => `betaling:${source.id}:${paymentId}`;
    const known = new Set(
      (
        await tx.query<{ id: string }>('SELECT id FROM claim_events WHERE id = ANY($1)', [
          batch.payments.map((p) => eventId(p.paymentId)),
        ])
      ).map((r) => r.id),
    );
    const claims = new Map(
      // Only claims of the kinds this source delivers: a partner's payments never touch CJIB's claims
      // or another partner's; such a payment is reported as unmatched.
      (
        await tx.query<{ reference: string; id: string; team_id: string }>(
          `SELECT DISTINCT ON (reference) reference, id, team_id FROM claims
           WHERE reference = ANY($1) AND kind = ANY($2)
           ORDER BY reference, id`,
          [[...new Set(batch.payments.map((p) => p.claimReference))], [...source.claimKinds]],
        )
      ).map((r) => [r.reference, { id: r.id, teamId: r.team_id }]),
    );
    const unmatched: string[] = [];
    const seen = new Set<string>();
    const fresh = batch.payments.flatMap((p) => {
      const id = eventId(p.paymentId);
      if (known.has(id) || seen.has(id)) return [];
      seen.add(id);
      const claim = claims.get(p.claimReference);
      if (!claim) {
        unmatched.push(p.paymentId);
        return [];
      }
      return [{ payment: p, id, claim }];
    });
    await insertClaimEvents(
      tx,
      'betaling',
      'Betaling ontvangen',
      fresh.map((r) => ({
        id: r.id,
        claimId: r.claim.id,
        teamId: r.claim.teamId,
        occurredOn: r.payment.paidOn,
        cents: r.payment.amountCents,
      })),
    );
    const paidPerClaim = new Map<string, { teamId: string; cents: number }>();
    for (const r of fresh) {
      const sum = paidPerClaim.get(r.claim.id) ?? { teamId: r.claim.teamId, cents: 0 };
      paidPerClaim.set(r.claim.id, { teamId: sum.teamId, cents: sum.cents + r.payment.amountCents });
    }
    await lowerOutstanding(tx, paidPerClaim);
    // What matched no claim may be an instalment of a Betalingsregeling Rijk, paid under its kenmerk
    // to CJIB's bank: only CJIB's own sources deliver those.
    const unmatchedIds = new Set(unmatched);
    const arranged = source.claimKinds.some((k) => (cjibClaimKinds as readonly string[]).includes(k))
      ? await takeInArrangementPayments(
          tx,
          source,
          batch.payments.filter((p) => unmatchedIds.has(p.paymentId)),
        )
      : { applied: [], alreadyKnown: [] };
    const settled = new Set([...arranged.applied, ...arranged.alreadyKnown]);
    const stillUnmatched = unmatched.filter((id) => !settled.has(id));
    return {
      applied: fresh.length + arranged.applied.length,
      alreadyKnown: batch.payments.length - fresh.length - arranged.applied.length - stillUnmatched.length,
      unmatched: stillUnmatched,
    };
  });
}

/** Lowers what each claim owes by what was paid on it (never below zero); a claim paid in full is `betaald`. */
async function lowerOutstanding(tx: Queryable, paidPerClaim: ReadonlyMap<string, { teamId: string; cents: number }>) {
  const claimIds = [...paidPerClaim.keys()];
  const claimVersions = await recordChanges(
    tx,
    'claim',
    claimIds.map((id) => ({ id, teamId: paidPerClaim.get(id)?.teamId ?? '' })),
  );
  await tx.query(
    `UPDATE claims c SET outstanding_cents = GREATEST(0, c.outstanding_cents - u.paid),
            phase = CASE WHEN c.outstanding_cents - u.paid <= 0 THEN 'betaald' ELSE c.phase END,
            version = u.version
     FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(id, paid, version) WHERE c.id = u.id`,
    [claimIds, claimIds.map((id) => paidPerClaim.get(id)?.cents ?? 0), claimVersions],
  );
}

/**
 * Payments under a running Betalingsregeling Rijk, by its kenmerk: each is allocated over the
 * creditors by what each is still owed, then to each creditor's oldest claim first
 * (`allocateArrangementPayment`), written as a 'betaling' per claim and kept with its allocation.
 * One after another, so the second instalment in a file sees what the first paid.
 */
async function takeInArrangementPayments(
  tx: Queryable,
  source: IntakeSource,
  payments: readonly IntakePayment[],
): Promise<{ applied: string[]; alreadyKnown: string[] }> {
  const applied: string[] = [];
  const alreadyKnown: string[] = [];
  if (payments.length === 0) return { applied, alreadyKnown };
  const arrangements = new Map(
    (
      await tx.query<{ id: string; person_id: string; payment_reference: string }>(
        `SELECT id, person_id, payment_reference FROM arrangements
         WHERE payment_reference = ANY($1) AND status = 'lopend'`,
        [payments.map((p) => p.claimReference)],
      )
    ).map((a) => [a.payment_reference, a]),
  );
  const paymentId = (p: IntakePayment) => `${source.id}:${p.paymentId}`;
  const known = new Set(
    (
      await tx.query<{ payment_id: string }>('SELECT payment_id FROM arrangement_payments WHERE payment_id = ANY($1)', [
        payments.map(paymentId),
      ])
    ).map((r) => r.payment_id),
  );
  for (const payment of payments) {
    const arrangement = arrangements.get(payment.claimReference);
    if (!arrangement) continue;
    if (known.has(paymentId(payment))) {
      alreadyKnown.push(payment.paymentId);
      continue;
    }
    known.add(paymentId(payment));
    const claims = await tx.query<{
      id: string;
      team_id: string;
      kind: ClaimKind;
      outstanding_cents: number;
      due_date: string;
    }>(
      `SELECT id, team_id, kind, outstanding_cents::bigint AS outstanding_cents, to_char(due_date, 'YYYY-MM-DD') AS due_date
       FROM claims WHERE person_id = $1 AND phase = 'regeling' AND outstanding_cents > 0 FOR UPDATE`,
      [arrangement.person_id],
    );
    const allocation = allocateArrangementPayment(
      payment.amountCents,
      claims.map((c) => ({
        id: c.id,
        kind: c.kind,
        outstandingCents: Number(c.outstanding_cents),
        dueDate: c.due_date,
      })),
    );
    const teamOf = new Map(claims.map((c) => [c.id, c.team_id]));
    for (const part of allocation.perClaim) {
      await insertClaimEvents(tx, 'betaling', `Betaling regeling ${payment.claimReference} (deel ${part.creditor})`, [
        {
          id: `betaling:${paymentId(payment)}:${part.claimId}`,
          claimId: part.claimId,
          teamId: teamOf.get(part.claimId) ?? '',
          occurredOn: payment.paidOn,
          cents: part.cents,
        },
      ]);
    }
    await lowerOutstanding(
      tx,
      new Map(allocation.perClaim.map((p) => [p.claimId, { teamId: teamOf.get(p.claimId) ?? '', cents: p.cents }])),
    );
    await tx.query(
      `INSERT INTO arrangement_payments (payment_id, arrangement_id, paid_on, amount_cents, allocation, surplus_cents)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        paymentId(payment),
        arrangement.id,
        payment.paidOn,
        payment.amountCents,
        JSON.stringify(allocation.perCreditor),
        allocation.surplusCents,
      ],
    );
    applied.push(payment.paymentId);
  }
  return { applied, alreadyKnown };
}

/** Entries in the claims' history, each with its own place in the feed. */
async function insertClaimEvents(
  tx: Queryable,
  kind: 'beschikking' | 'betaling',
  description: string,
  events: readonly { id: string; claimId: string; teamId: string; occurredOn: string; cents: number }[],
): Promise<void> {
  const versions = await recordChanges(
    tx,
    'claim_event',
    events.map((e) => ({ id: e.id, teamId: e.teamId })),
  );
  await tx.query(
    `INSERT INTO claim_events (id, claim_id, team_id, kind, occurred_on, amount_cents, description, version)
     SELECT u.id, u.claim_id, u.team_id, $1, u.occurred_on, u.cents, $2, u.version
     FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::bigint[], $8::bigint[])
       AS u(id, claim_id, team_id, occurred_on, cents, version)`,
    [
      kind,
      description,
      events.map((e) => e.id),
      events.map((e) => e.claimId),
      events.map((e) => e.teamId),
      events.map((e) => e.occurredOn),
      events.map((e) => e.cents),
      versions,
    ],
  );
}
