import { z } from 'zod';
import { auditFilter, auditPage } from '../api/audit';
import { decisionRequestSchema } from '../api/betalingsonmacht';
import {
  arrangementStatuses,
  arrangementWire,
  claimEventWire,
  detentionEventWire,
  escalationDecisionWire,
  victimCompensationWire,
  victimNotificationWire,
  victimWire,
  voorschotPaymentWire,
  victimWishWire,
} from '../api/entities';
import { pauseArrangementFields } from '../api/commands';
import { loketDocumentContent, loketRequestWire } from '../api/loket';
import {
  parameterSetDecisionRequest,
  parameterSetList,
  parameterSetProposal,
  parameterSetRecord,
  parameterSetWire,
} from '../api/parameters';
import { searchText } from '../api/saved-views';
import { victimContact, victimPreferencesFields, victimWishesFields, withZoneRule } from '../api/victims';
import { detentionEventKinds } from '../domain/slachtoffer';
import { decisionKinds } from '../domain/betalingsonmacht-besluit';
import { escalationSteps } from '../domain/escalatie';
import { takenChannels } from './contract-taken';
import { claimKind, claimPhase, cents, emptyRequest, id, isoDate, isoDateTime, role, traceStep } from './schemas';
import { text } from '../validation/text';

export {
  taskRow,
  type AppNotification,
  type AssignmentOutcome,
  type Dashboard,
  type SavedView,
  type TaskRow,
} from './contract-taken';

/**
 * The one contract between the renderer and the backend. Every channel has a request and a
 * response schema; both hosts (Electron IPC and the browser host) validate against it, and the
 * renderer's typed client is derived from it.
 */

export const werkvoorraadSortKeys = ['dueDate', 'outstanding', 'personName', 'kind', 'phase'] as const;
/** The Escalaties worklist sorts on the claim's columns and on the advised step (in the order of the steps). */
export const escalationSortKeys = [...werkvoorraadSortKeys, 'advice'] as const;
/** An advised step, or `geen`: no step is possible now. */
export const escalationAdviceKeys = [...escalationSteps, 'geen'] as const;
export type EscalationAdviceKey = (typeof escalationAdviceKeys)[number];

export const claimRow = z.object({
  id,
  personId: id,
  personName: text(),
  kind: claimKind,
  phase: claimPhase,
  reference: text(),
  originalCents: cents,
  outstandingCents: cents,
  administratiekostenCents: cents,
  dueDate: isoDate,
});
export type ClaimRow = z.infer<typeof claimRow>;

export const sessionUser = z.object({
  id,
  displayName: text(),
  role,
  teamName: text(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const syncStatus = z.object({
  /** `session_expired`: the session ran out by time; work goes on and waits until the user signs in again. */
  connection: z.enum(['online', 'offline', 'not_configured', 'signed_out', 'session_expired']),
  pendingCommands: z.number().int().nonnegative(),
  lastSyncAt: isoDateTime.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  error: text().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const caseNote = z.object({
  id,
  claimId: id,
  authorName: text(),
  text: text(),
  createdAt: isoDateTime,
  /** True while only this app knows it; it becomes false once the server has it. */
  pending: z.boolean(),
});
export type CaseNote = z.infer<typeof caseNote>;

export const claimDetail = claimRow.extend({ bsn: text(), city: text(), version: z.number().int() });
export type ClaimDetail = z.infer<typeof claimDetail>;

const letterFile = z.object({ fileName: text(), pdfBase64: text(), text: text() });

export const voorschotResult = z.object({
  eligibleFrom: isoDate,
  eligible: z.boolean(),
  remainderCents: cents,
  advanceCents: cents,
  capApplied: z.boolean(),
  trace: z.array(traceStep),
});

export const commandReview = z.object({
  commandId: text(),
  outcome: z.enum(['rejected', 'conflict']),
  reason: text(),
  createdAt: isoDateTime,
  /** What the worker decided, and the version they saw. */
  mine: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('AddCaseNote'),
      claimId: id,
      text: text(),
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    z.object({
      type: z.literal('RecordBetalingsonmachtDecision'),
      personId: id,
      decisionKind: text(),
      expectedTotalCents: cents,
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    z.object({
      type: z.literal('RecordEscalationDecision'),
      claimId: id,
      step: text(),
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    z.object({
      type: z.literal('RecordVictimNotification'),
      victimId: id,
      eventId: id,
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    z.object({
      type: z.literal('DecideEscalationApproval'),
      decisionId: id,
      approve: z.boolean(),
      note: text(),
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    z.object({
      type: z.literal('DecideApproval'),
      arrangementId: id,
      approve: z.boolean(),
      note: text(),
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    /** Taking, handing back, assigning or finishing a task; saving or removing a view. */
    z.object({
      type: z.literal('Werkvoorraad'),
      action: z.enum(['ClaimTask', 'ReleaseTask', 'AssignTask', 'CompleteTask', 'SaveView', 'DeleteView']),
      subjectId: id,
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    /** Proposing or deciding on a voorschot for a victim. */
    z.object({
      type: z.literal('Voorschot'),
      action: z.enum(['ProposeVoorschot', 'DecideVoorschot']),
      subjectId: id,
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
    /** A change to a running arrangement (the pauzeknop). */
    z.object({
      type: z.literal('Regeling'),
      action: z.enum(['PauseArrangement']),
      subjectId: id,
      baseVersion: z.number().int().nullable(),
      issuedAt: isoDateTime,
    }),
  ]),
  /** The server's current state of the same case, as far as this cache has it. */
  theirs: z.object({
    claim: claimDetail.nullable(),
    personName: text().nullable(),
    openTotalCents: cents.nullable(),
    arrangementStatus: text().nullable(),
  }),
});
export type CommandReview = z.infer<typeof commandReview>;

export const noteText = text()
  .trim()
  .min(1, 'Een notitie mag niet leeg zijn.')
  .max(2000, 'Een notitie is hoogstens 2000 tekens.');

const arrangementRecord = arrangementWire.extend({ pending: z.boolean() });
const escalationRecord = escalationDecisionWire.extend({ pending: z.boolean() });
const escalationFacts = z
  .object({
    hasDrivingLicence: z.boolean(),
    vehicle: z.enum(['geen', 'eigen', 'van_derde']),
    verhaalFailed: z.boolean(),
  })
  .strict();

export const contract = {
  'app.info': {
    request: emptyRequest,
    response: z.object({
      appVersion: text(),
      schemaVersion: z.number().int(),
      /** Set when the cache was found damaged at this start, set aside and rebuilt (cache-recovery.ts). */
      cacheRecovery: z
        .object({
          reason: z.enum(['not_a_database', 'damaged']),
          keptAs: text(),
          commandsKept: z.number().int().nonnegative(),
          commandsUnreadable: z.boolean(),
        })
        .nullable(),
      /** The disk was full at start: the cache is open for reading and sending only (open-cache.ts). */
      storageFull: z.boolean(),
    }),
  },
  /** "Diagnose exporteren": versions, cache health, sync state and redacted log lines; no case data. */
  'app.diagnostics': {
    request: emptyRequest,
    response: z.object({ fileName: text(), json: text() }),
  },
  'session.current': {
    request: emptyRequest,
    /** `locked`: the backend holds the idle lock, so a reload shows the lock screen again. */
    response: z.object({ user: sessionUser.nullable(), centralConfigured: z.boolean(), locked: z.boolean() }),
  },
  /** The screen was idle: the backend answers nothing but unlock and sign-out until the password is given. */
  'session.lock': {
    request: emptyRequest,
    response: z.object({}),
  },
  'session.login': {
    request: z
      .object({
        username: text().trim().min(1, 'Vul uw gebruikersnaam in.').max(100),
        password: text().min(1, 'Vul uw wachtwoord in.').max(200),
      })
      .strict(),
    response: z.object({ user: sessionUser }),
  },
  'session.unlock': {
    request: z.object({ password: text().min(1, 'Vul uw wachtwoord in.').max(200) }).strict(),
    response: z.object({ user: sessionUser }),
  },
  'session.logout': {
    request: emptyRequest,
    response: z.object({}),
  },
  'sync.now': {
    request: emptyRequest,
    response: syncStatus,
  },
  'sync.rebuild': {
    request: emptyRequest,
    response: syncStatus,
  },
  'claims.get': {
    request: z.object({ id }).strict(),
    response: claimDetail,
  },
  /** The central audit log, live (functional administrators only); never stored in the cache. */
  'audit.list': {
    request: auditFilter,
    response: auditPage,
  },
  /** The approved parameter sets this app holds (from the change feed); every role's rules use them. */
  'parameters.approved': {
    request: emptyRequest,
    response: z.object({ sets: z.array(parameterSetWire) }),
  },
  /** Every parameter set with its status, live (functioneel beheerders only). */
  'parameters.list': {
    request: emptyRequest,
    response: parameterSetList,
  },
  /** A new dated parameter set, proposed live; a second beheerder decides. */
  'parameters.propose': {
    request: parameterSetProposal,
    response: parameterSetRecord,
  },
  'parameters.decide': {
    request: parameterSetDecisionRequest,
    response: parameterSetRecord,
  },
  /** The claim's own history (beschikking, aanmaningen with their verhoging, payments, steps), oldest first. */
  'claims.history': {
    request: z.object({ claimId: id }).strict(),
    response: z.object({ events: z.array(claimEventWire) }),
  },
  'notes.list': {
    request: z.object({ claimId: id }).strict(),
    response: z.object({ notes: z.array(caseNote) }),
  },
  'notes.add': {
    request: z.object({ claimId: id, text: noteText }).strict(),
    response: caseNote,
  },
  'betalingsonmacht.person': {
    request: z.object({ personId: id }).strict(),
    response: z.object({
      person: z.object({ id, displayName: text(), bsn: text(), birthDate: isoDate, city: text() }),
      claims: z.array(claimRow),
      facts: z.object({
        claims: z.array(
          z.object({ id, outstandingCents: cents, administratiekostenCents: cents, outsideArrangement: z.boolean() }),
        ),
        deurwaarderInvolved: z.boolean(),
        dwangmiddelInProgress: z.boolean(),
        previousArrangements: z.array(z.object({ endedOn: isoDate, honouredExactly: z.boolean() })),
      }),
      arrangements: z.array(arrangementRecord),
      /** The form of an interrupted assessment, as the screen saved it. */
      draft: text().nullable(),
      /** The person's request from the Digitaal Loket that waits for this assessment, if any. */
      loketRequest: loketRequestWire.nullable(),
    }),
  },
  /** One document of a Loket request, read live from the central API (never cached; the read is audited there). */
  'loket.document': {
    request: z.object({ requestId: id, number: z.number().int().min(1).max(10) }).strict(),
    response: loketDocumentContent,
  },
  'betalingsonmacht.saveDraft': {
    request: z.object({ personId: id, draft: text().max(50_000) }).strict(),
    response: z.object({}),
  },
  'betalingsonmacht.decide': {
    request: decisionRequestSchema,
    response: arrangementWire,
  },
  /** The pauzeknop on a running arrangement: the moved plan at once, the command to the server. */
  'betalingsonmacht.pause': {
    request: pauseArrangementFields,
    response: arrangementWire,
  },
  'betalingsonmacht.letter': {
    request: z.object({ arrangementId: id }).strict(),
    response: z.object({ fileName: text(), pdfBase64: text() }),
  },
  'arrangements.list': {
    request: z
      .object({ status: z.enum(arrangementStatuses).optional(), limit: z.number().int().min(1).max(500).default(200) })
      .strict(),
    response: z.object({ arrangements: z.array(arrangementRecord.extend({ personName: text() })) }),
  },
  'arrangements.decideApproval': {
    request: z.object({ arrangementId: id, approve: z.boolean(), note: text().trim().max(2000) }).strict(),
    response: z.object({}),
  },
  /**
   * The Escalaties worklist: claims with their advised next step, filtered, sorted and counted per
   * advised step (the counts cover the other filters, not the step filter itself).
   */
  'escalaties.page': {
    request: z
      .object({
        sort: z.enum(escalationSortKeys).default('dueDate'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
        kind: claimKind.optional(),
        phase: claimPhase.optional(),
        advice: z.enum(escalationAdviceKeys).optional(),
        minOutstandingCents: cents.optional(),
        search: searchText.optional(),
      })
      .strict(),
    response: z.object({
      rows: z.array(
        claimRow.extend({ recommended: z.enum(escalationSteps).nullable(), blockedCount: z.number().int() }),
      ),
      total: z.number().int(),
      counts: z.array(z.object({ advice: z.enum(escalationAdviceKeys), count: z.number().int().nonnegative() })),
    }),
  },
  'escalaties.claim': {
    request: z.object({ claimId: id }).strict(),
    response: z.object({
      claim: claimDetail,
      events: z.array(claimEventWire),
      personStatus: z.object({ deceasedOn: isoDate.nullable(), moratoriumUntil: isoDate.nullable() }),
      personDecisions: z.array(
        z.object({
          kind: z.enum(decisionKinds),
          status: z.enum(arrangementStatuses),
          pauseUntil: isoDate.nullable(),
          honoured: z.boolean().optional(),
        }),
      ),
      decisions: z.array(escalationRecord),
    }),
  },
  'escalaties.decide': {
    request: z
      .object({
        claimId: id,
        step: z.enum(escalationSteps, { message: 'Kies een stap.' }),
        facts: escalationFacts,
        motivation: text().trim().min(10, 'Geef een motivering van minstens 10 tekens.').max(2000),
      })
      .strict(),
    response: escalationDecisionWire,
  },
  'escalaties.bulk': {
    request: z
      .object({
        claimIds: z.array(id).min(1, 'Kies minstens één vordering.').max(200, 'Hoogstens 200 vorderingen tegelijk.'),
        step: z.enum(escalationSteps, { message: 'Kies een stap.' }),
        facts: escalationFacts,
        motivation: text().trim().min(10, 'Geef een motivering van minstens 10 tekens.').max(2000),
        /** Only check, record nothing: the preview. */
        preview: z.boolean(),
      })
      .strict(),
    response: z.object({
      results: z.array(
        z.object({
          claimId: id,
          personName: text(),
          reference: text(),
          ok: z.boolean(),
          /** Why the step is not possible for this claim (Dutch), when not ok. */
          reason: text().nullable(),
          requiresApproval: z.boolean(),
        }),
      ),
    }),
  },
  'escalaties.waive': {
    request: z
      .object({
        claimId: id,
        eventId: id,
        motivation: text().trim().min(10, 'Geef een reden van minstens 10 tekens.').max(2000),
      })
      .strict(),
    response: escalationDecisionWire,
  },
  'escalaties.list': {
    request: z
      .object({
        status: z.enum(['ter_goedkeuring', 'vastgelegd', 'afgewezen']).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    response: z.object({
      decisions: z.array(escalationRecord.extend({ personName: text(), claimReference: text() })),
    }),
  },
  'escalaties.decideApproval': {
    request: z.object({ decisionId: id, approve: z.boolean(), note: text().trim().max(2000) }).strict(),
    response: z.object({}),
  },
  'slachtoffers.tasks': {
    request: emptyRequest,
    response: z.object({
      tasks: z.array(
        z.object({
          victimId: id,
          victimName: text(),
          eventId: id,
          eventKind: z.enum(detentionEventKinds),
          eventDate: isoDate,
          deadline: isoDate,
          urgent: z.boolean(),
          overdue: z.boolean(),
        }),
      ),
      /** Notifications sent after their deadline (reported on). */
      lateCount: z.number().int(),
    }),
  },
  'slachtoffers.victim': {
    request: z.object({ victimId: id }).strict(),
    response: z.object({
      victim: victimWire,
      events: z.array(detentionEventWire.extend({ deadline: isoDate })),
      notifications: z.array(victimNotificationWire.extend({ pending: z.boolean() })),
      wishes: z.array(victimWishWire.extend({ pending: z.boolean() })),
      compensation: victimCompensationWire.nullable(),
      /** The voorschot on the maatregel today, with its rule trace (null without a maatregel). */
      voorschot: voorschotResult.nullable(),
      payments: z.array(voorschotPaymentWire.extend({ pending: z.boolean() })),
    }),
  },
  /** A letter to the victim from its template, to the domicilie address when there is one (read audited). */
  'slachtoffers.letter': {
    request: z.object({ victimId: id, eventId: id }).strict(),
    response: letterFile,
  },
  /** An aanmaning of the claim's timeline as the person received it, from its template. */
  'claims.aanmaningLetter': {
    request: z.object({ eventId: id }).strict(),
    response: letterFile,
  },
  'slachtoffers.proposeVoorschot': {
    request: z.object({ compensationId: id }).strict(),
    response: voorschotPaymentWire.extend({ pending: z.boolean() }),
  },
  'voorschot.approvals': {
    request: emptyRequest,
    response: z.object({
      payments: z.array(
        voorschotPaymentWire.extend({ pending: z.boolean(), victimName: text(), claimReference: text() }),
      ),
    }),
  },
  'voorschot.decide': {
    request: z.object({ paymentId: id, approve: z.boolean(), note: text().trim().max(2000) }).strict(),
    response: z.object({}),
  },
  'slachtoffers.preferences': {
    request: victimPreferencesFields.strict(),
    response: victimWire,
  },
  'slachtoffers.wishes': {
    request: withZoneRule(victimWishesFields.strict()),
    response: victimWishWire,
  },
  'slachtoffers.contact': {
    request: z
      .object({
        victimId: id,
        reason: text().trim().min(5, 'Geef een reden om de contactgegevens in te zien.').max(500),
      })
      .strict(),
    response: victimContact,
  },
  'slachtoffers.notify': {
    request: z
      .object({
        victimId: id,
        eventId: id,
        channel: z.enum(['brief', 'telefoon', 'email'], { message: 'Kies hoe het slachtoffer is geïnformeerd.' }),
        content: text().trim().min(10, 'Beschrijf wat het slachtoffer is verteld (minstens 10 tekens).').max(4000),
        notifiedOn: isoDate,
      })
      .strict(),
    response: victimNotificationWire,
  },
  'reviews.list': {
    request: emptyRequest,
    response: z.object({ reviews: z.array(commandReview) }),
  },
  'reviews.drop': {
    request: z.object({ commandId: id }).strict(),
    response: z.object({}),
  },
  'reviews.redo': {
    request: z.object({ commandId: id }).strict(),
    response: z.object({}),
  },
  'sync.status': {
    request: emptyRequest,
    response: syncStatus,
  },
  'werkvoorraad.list': {
    request: z
      .object({
        sort: z.enum(werkvoorraadSortKeys).default('dueDate'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().min(0, 'Begin kan niet negatief zijn.').default(0),
        limit: z.number().int().min(1).max(200, 'Hoogstens 200 regels per pagina.').default(50),
        kind: claimKind.optional(),
        phase: claimPhase.optional(),
        search: searchText.optional(),
      })
      .strict(),
    response: z.object({ rows: z.array(claimRow), total: z.number().int().nonnegative() }),
  },
  ...takenChannels,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults still optional). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
