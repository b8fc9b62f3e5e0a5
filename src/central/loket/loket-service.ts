import { createHash } from 'node:crypto';
import type { BvvInput } from '../../shared/domain/beslagvrije-voet';
import { arrangementAlreadyOpen, evaluateDecision } from '../../shared/domain/betalingsonmacht-besluit';
import { addDays, firstOfNextMonth } from '../../shared/domain/calendar';
import {
  loketDocumentMaxBytes,
  loketMagicBytes,
  normalizedDocumentName,
  type LoketDocumentContent,
  type LoketRequest,
  type LoketResult,
  systemDeciderId,
} from '../../shared/api/loket';
import { formatCents, formatDate } from '../../shared/format';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import { retryOnClash } from '../db/retry-on-clash';
import type { Queryable, SqlClient } from '../db/sql-client';
import type { IntakeSource } from '../intake/intake-service';
import { caseTeams } from '../scope';
import { caseFactsAndCreditors, markClaimsInArrangement, storeArrangement } from '../sync/betalingsonmacht-handlers';
import type { ArrangementCreditor } from '../../shared/domain/betalingsregeling-rijk';
import { recordChange, storeRecordedPayloads } from '../sync/change-feed';
import { serverClock, type ServerClock } from '../sync/server-clock';

/**
 * Requests for a betalingsregeling from the Digitaal Loket. A standard request that the shared rules
 * allow (the same `evaluateDecision` a worker's decision and the server's re-check run) is decided
 * at once by the system: the arrangement with its trace, audited as "systeem", answered to the
 * person. Every other request becomes a betalingsonmacht task in the person's team, with what the
 * person declared kept for the assessment form and the documents for the worker to open.
 */

/** A worker picks up a Loket request within a week. */
const taskDaysToDue = 7;
const autoMotivation =
  'Automatisch besluit op een aanvraag via het Digitaal Loket: de gedeelde regels staan een standaardregeling toe.';

export class LoketNotAllowedError extends Error {
  constructor(source: IntakeSource) {
    super(`${source.displayName} mag geen aanvragen voor een betalingsregeling indienen.`);
    this.name = 'LoketNotAllowedError';
  }
}

/** A document that is not what it says it is, or too large: the whole request is refused, nothing is kept. */
/** A request id sent before with other content: a client bug or a replay, never a retry. */
export class LoketRequestConflictError extends Error {
  constructor() {
    super('Deze aanvraag-id is al gebruikt voor een aanvraag met een andere inhoud.');
    this.name = 'LoketRequestConflictError';
  }
}

export class LoketDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoketDocumentError';
  }
}

interface CheckedDocument {
  number: number;
  fileName: string;
  mediaType: LoketRequest['documents'][number]['mediaType'];
  bytes: Buffer;
}

/** Decodes each document and checks its size and that its first bytes match its declared type. */
export function checkDocuments(documents: LoketRequest['documents']): CheckedDocument[] {
  return documents.map((document, index) => {
    const bytes = Buffer.from(document.contentBase64, 'base64');
    const name = `Bestand ${index + 1} (${document.fileName})`;
    if (bytes.length === 0) throw new LoketDocumentError(`${name} is leeg.`);
    if (bytes.length > loketDocumentMaxBytes) throw new LoketDocumentError(`${name} is groter dan 5 MB.`);
    const magic = loketMagicBytes[document.mediaType];
    // The start and the end of the file: a PDF ends with %%EOF (in its last kilobyte), a JPEG with FF D9.
    const ends =
      document.mediaType === 'application/pdf'
        ? bytes.subarray(-1024).includes('%%EOF')
        : bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9;
    if (!magic.every((byte, at) => bytes[at] === byte) || !ends) {
      const label = document.mediaType === 'application/pdf' ? 'PDF' : 'JPEG-afbeelding';
      throw new LoketDocumentError(`${name} is geen ${label}, al staat dat wel in de aanvraag.`);
    }
    return {
      number: index + 1,
      fileName: normalizedDocumentName(document.fileName, document.mediaType),
      mediaType: document.mediaType,
      bytes,
    };
  });
}

export async function takeInLoketRequest(
  db: SqlClient,
  source: IntakeSource,
  request: LoketRequest,
  clock: () => ServerClock = () => serverClock(),
): Promise<LoketResult> {
  if (!source.submitsRequests) throw new LoketNotAllowedError(source);
  const documents = checkDocuments(request.documents);
  const contentHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  return oneAtATime(() =>
    retryOnClash(() =>
      db.transaction(
        async (tx) => {
          // Loket requests take their turn, across all API nodes: each reads persons, claims and the
          // small arrangements table and writes them, so two at once clash under SERIALIZABLE again
          // and again (seen: 20 retries used up at 8 senders). LOCK TABLE takes no snapshot, so as the
          // first statement it waits before this transaction's snapshot is taken, and the snapshot
          // then sees the request before it. Workers' commands and other intake never take this lock.
          await tx.query('LOCK TABLE loket_requests IN SHARE ROW EXCLUSIVE MODE');
          const earlier = await tx.query<{ result: LoketResult; content_sha256: string | null }>(
            'SELECT result, content_sha256 FROM loket_requests WHERE id = $1',
            [request.requestId],
          );
          const stored = earlier[0];
          if (stored) {
            // The same request again (a retry) gets its first answer; other content under its id is refused.
            if (stored.content_sha256 !== null && stored.content_sha256 !== contentHash)
              throw new LoketRequestConflictError();
            return { ...stored.result, replayed: true };
          }
          const result = await decide(tx, source, request, documents, clock());
          await tx.query('UPDATE loket_requests SET content_sha256 = $2 WHERE id = $1', [
            request.requestId,
            contentHash,
          ]);
          await storeRecordedPayloads(tx);
          return result;
        },
        { isolation: 'serializable' },
      ),
    ),
  );
}

/**
 * Loket requests wait for their turn in this process before they take a database connection: a
 * request waiting on the table lock would otherwise hold one of the pool's connections that the
 * workers' commands need (bench loket-week: 8 senders held them and the workers' p99 went up).
 */
let loketTurn: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = loketTurn.then(work, work);
  loketTurn = run.catch(() => undefined);
  return run;
}

async function decide(
  tx: Queryable,
  source: IntakeSource,
  request: LoketRequest,
  documents: readonly CheckedDocument[],
  clock: ServerClock,
): Promise<LoketResult> {
  const persons = await tx.query<{ id: string; team_id: string }>(
    'SELECT id, team_id FROM persons WHERE bsn = $1 ORDER BY id LIMIT 1',
    [request.bsn],
  );
  const person = persons[0];
  if (!person) {
    // Nothing about a person CJIB has no case of is kept: not what they declared, not their documents.
    const result: LoketResult = {
      requestId: request.requestId,
      outcome: 'onbekende_persoon',
      message:
        'Wij hebben geen openstaande vorderingen op uw naam gevonden. U hoeft niets te doen. Klopt dit niet, neem dan contact met ons op.',
      arrangement: null,
      replayed: false,
    };
    await tx.query(
      `INSERT INTO loket_requests (id, source_id, kind, submitted_at, outcome, result)
       VALUES ($1, $2, $3, $4, 'onbekende_persoon', $5)`,
      [request.requestId, source.id, request.kind, request.submittedAt, JSON.stringify(result)],
    );
    await auditRequest(tx, request, 'onbekende_persoon', documents.length);
    return result;
  }

  const bvvInput: BvvInput = {
    ...request.declared,
    peildatum: clock.today,
    corrections: [],
    informationWithheld: false,
  };
  const decision = await automaticDecision(tx, person.id, request, bvvInput, clock.today);
  const { reason, outcome } = decision;
  let arrangementId: string | null = null;
  let taskId: string | null = null;
  let result: LoketResult;
  if (outcome) {
    arrangementId = `loket-${request.requestId}`;
    await storeArrangement(tx, {
      id: arrangementId,
      personId: person.id,
      teamId: person.team_id,
      status: 'lopend',
      outcome,
      motivation: autoMotivation,
      bvvInput,
      decider: { system: 'digitaal_loket' },
      decidedAt: clock.at,
      creditors: decision.outcome ? decision.creditors : [],
    });
    await markClaimsInArrangement(tx, person.id, person.team_id, clock.today);
    const first = outcome.instalments[0];
    result = {
      requestId: request.requestId,
      outcome: 'automatisch_toegekend',
      message:
        `U krijgt een betalingsregeling voor ${formatCents(outcome.totalCents)} in ${outcome.instalments.length} termijnen` +
        (first
          ? `; de eerste termijn van ${formatCents(first.amountCents)} betaalt u uiterlijk ${formatDate(first.dueDate)}.`
          : '.') +
        ' U krijgt het besluit ook per brief. Dit besluit is automatisch genomen; bent u het er niet mee eens, dan kunt u bezwaar maken.',
      arrangement: { id: arrangementId, totalCents: outcome.totalCents, instalments: outcome.instalments },
      replayed: false,
    };
  } else {
    taskId = `loket-${request.requestId}`;
    const version = await recordChange(tx, 'task', taskId, person.team_id);
    await tx.query(
      `INSERT INTO tasks (id, team_id, person_id, kind, priority, status, created_on, due_date, version)
       VALUES ($1, $2, $3, 'betalingsonmacht', 'normaal', 'open', $4, $5, $6)`,
      [taskId, person.team_id, person.id, clock.today, addDays(clock.today, taskDaysToDue), version],
    );
    result = {
      requestId: request.requestId,
      outcome: 'in_behandeling',
      message:
        'Wij hebben uw aanvraag ontvangen. Een medewerker beoordeelt haar; u krijgt ons besluit per brief. Tot dat besluit hoeft u niets te betalen van wat u vraagt te regelen.',
      arrangement: null,
      replayed: false,
    };
  }
  const version = await recordChange(tx, 'loket_request', request.requestId, person.team_id);
  await tx.query(
    `INSERT INTO loket_requests (id, source_id, person_id, team_id, kind, submitted_at, declared, explanation, outcome,
                                 outcome_reason, arrangement_id, task_id, result, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      request.requestId,
      source.id,
      person.id,
      person.team_id,
      request.kind,
      request.submittedAt,
      JSON.stringify(request.declared),
      request.explanation,
      result.outcome,
      reason,
      arrangementId,
      taskId,
      JSON.stringify(result),
      version,
    ],
  );
  for (const document of documents) {
    await tx.query(
      `INSERT INTO loket_documents (request_id, number, file_name, media_type, size_bytes, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        request.requestId,
        document.number,
        document.fileName,
        document.mediaType,
        document.bytes.length,
        createHash('sha256').update(document.bytes).digest('hex'),
        document.bytes,
      ],
    );
  }
  await auditRequest(tx, request, result.outcome, documents.length, person.id, arrangementId);
  return result;
}

/**
 * The standard arrangement the shared rules allow on this request, or why a worker must look at it.
 * Only a request for the standard arrangement is decided by the system, never a tailored one.
 */
async function automaticDecision(
  tx: Queryable,
  personId: string,
  request: LoketRequest,
  bvvInput: BvvInput,
  today: string,
): Promise<
  | {
      reason: null;
      outcome: Extract<ReturnType<typeof evaluateDecision>, { allowed: true }>;
      creditors: ArrangementCreditor[];
    }
  | { reason: string; outcome: null }
> {
  const worker = (reason: string) => ({ reason, outcome: null });
  if (request.kind === 'maatwerk')
    return worker('De persoon vraagt een regeling op maat: de standaardtermijn is volgens de aanvraag te hoog.');
  const statuses = await tx.query<{ status: string }>('SELECT status FROM arrangements WHERE person_id = $1', [
    personId,
  ]);
  const open = arrangementAlreadyOpen(statuses.map((r) => r.status));
  if (open) return worker(open);
  const { facts, creditors } = await caseFactsAndCreditors(tx, personId, today);
  const outcome = evaluateDecision(bvvInput, facts, {
    kind: 'standaard',
    firstDueDate: firstOfNextMonth(today),
    motivation: autoMotivation,
  });
  if (!outcome.allowed) return worker(outcome.reason);
  if (outcome.requiresApproval) {
    const normsOutdated = outcome.trace.some((s) => s.rule === 'bvv.normen-verouderd');
    return worker(
      normsOutdated
        ? 'De normen voor de beslagvrije voet zijn na de geplande wijziging nog niet bijgewerkt: de berekening is onbevestigd en een teamleider beslist.'
        : 'Het besluit vraagt goedkeuring van een teamleider.',
    );
  }
  return { reason: null, outcome, creditors };
}

async function auditRequest(
  tx: Queryable,
  request: LoketRequest,
  outcome: LoketResult['outcome'],
  documents: number,
  personId: string | null = null,
  arrangementId: string | null = null,
): Promise<void> {
  await audit(tx, {
    actorId: systemDeciderId,
    action: 'create',
    entity: 'loket_request',
    entityId: request.requestId,
    reason: 'aanvraag betalingsregeling via het Digitaal Loket',
    detail: { kind: request.kind, outcome, documents, personId, arrangementId },
  });
}

/** One document of a request, for a worker or team lead of the person's team; the read is audited. */
export async function readLoketDocument(
  db: SqlClient,
  principal: Principal,
  requestId: string,
  number: number,
): Promise<LoketDocumentContent | null> {
  const rows = await db.query<{
    file_name: string;
    media_type: LoketDocumentContent['mediaType'];
    content: Buffer;
    team_id: string;
  }>(
    `SELECT d.file_name, d.media_type, d.content, r.team_id FROM loket_documents d
     JOIN loket_requests r ON r.id = d.request_id WHERE d.request_id = $1 AND d.number = $2`,
    [requestId, number],
  );
  const row = rows[0];
  if (!row || !caseTeams(principal).includes(row.team_id)) return null;
  await audit(db, {
    actorId: principal.sub,
    action: 'read',
    entity: 'loket_document',
    entityId: `${requestId}/${number}`,
    reason: 'beoordeling betalingsonmacht',
  });
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    contentBase64: Buffer.from(row.content).toString('base64'),
  };
}
