import { z } from 'zod';
import { arrangementStatuses, savedViewWire, teamMemberWire } from '../api/entities';
import { decisionKinds } from '../domain/betalingsonmacht-besluit';
import { savedViewDefinition, savedViewName, searchText, taskSortKeys } from '../api/saved-views';
import { loketOutcomes } from '../api/loket';
import { claimDecisionSteps } from '../domain/escalatie';
import { taskKinds, taskPriorities, taskQueues, taskStatuses } from '../domain/taken';
import { cents, claimKind, claimPhase, emptyRequest, id, isoDate, isoDateTime, traceStep } from './schemas';
import { creditors } from '../domain/parameters/rijksincasso-parameters';
import { text } from '../validation/text';

/** Channels of the queues, the team lead's tools, the person view and the notifications. */

export const taskRow = z.object({
  id,
  personId: id,
  personName: text(),
  claimId: id.nullable(),
  claimKind: claimKind.nullable(),
  phase: claimPhase.nullable(),
  reference: text().nullable(),
  outstandingCents: cents.nullable(),
  kind: z.enum(taskKinds),
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  assigneeId: id.nullable(),
  assigneeName: text().nullable(),
  createdOn: isoDate,
  dueDate: isoDate,
  completedOn: isoDate.nullable(),
  version: z.number().int(),
  /** True while the server does not have this change yet. */
  pending: z.boolean(),
});
export type TaskRow = z.infer<typeof taskRow>;

export const savedView = savedViewWire.extend({ pending: z.boolean() });
export type SavedView = z.infer<typeof savedView>;

const assignmentOutcome = z.object({
  taskId: id,
  personName: text(),
  ok: z.boolean(),
  /** Dutch, when not ok. */
  reason: text().nullable(),
  previousAssigneeId: id.nullable(),
  previousAssigneeName: text().nullable(),
});
export type AssignmentOutcome = z.infer<typeof assignmentOutcome>;

const taskIdRequest = z.object({ taskId: id }).strict();

export const personViewResponse = z.object({
  person: z.object({
    id,
    displayName: text(),
    bsn: text(),
    birthDate: isoDate,
    city: text(),
    /** The postal address letters go to; null when the central does not know it. */
    streetAddress: text().nullable(),
    postcode: text().nullable(),
    deceasedOn: isoDate.nullable(),
    moratoriumUntil: isoDate.nullable(),
  }),
  claims: z.array(
    z.object({
      id,
      kind: claimKind,
      phase: claimPhase,
      reference: text(),
      originalCents: cents,
      outstandingCents: cents,
      dueDate: isoDate,
      partner: z.boolean(),
      /** The latest escalation decision on the claim and its status. */
      lastStep: z.enum(claimDecisionSteps).nullable(),
      lastStepStatus: z.enum(['ter_goedkeuring', 'vastgelegd', 'afgewezen']).nullable(),
    }),
  ),
  totals: z.object({ cjibCents: cents, partnerCents: cents }),
  arrangements: z.array(
    z.object({
      id,
      kind: z.enum(decisionKinds),
      status: z.enum(arrangementStatuses),
      totalCents: cents,
      decidedAt: isoDateTime,
      bvvCents: cents.nullable(),
      afloscapaciteitCents: cents,
      /** A running arrangement: how far the person is behind on the instalments due so far. */
      behindCents: cents.nullable(),
    }),
  ),
  openTasks: z.array(taskRow),
  /** The person's requests from the Digitaal Loket, newest first: what they asked and what became of it. */
  loketRequests: z.array(
    z.object({
      id,
      submittedAt: isoDateTime,
      kind: z.enum(['standaard', 'maatwerk']),
      outcome: z.enum(loketOutcomes),
      outcomeReason: text().nullable(),
      documents: z.number().int().nonnegative(),
    }),
  ),
  /** What one Betalingsregeling Rijk over the participating creditors would look like today. */
  rijk: z.object({
    shares: z.array(z.object({ creditor: z.enum(creditors), claimCount: z.number().int(), owedCents: cents })),
    outside: z.array(z.object({ creditor: z.enum(creditors), claimCount: z.number().int(), owedCents: cents })),
    totalCents: cents,
    eligible: z.boolean(),
    refusals: z.array(text()),
    maxMonths: z.number().int(),
    /** The standard plan's first instalment, divided over the creditors; null when not eligible. */
    firstInstalment: z
      .object({
        amountCents: cents,
        perCreditor: z.array(z.object({ creditor: z.enum(creditors), amountCents: cents })),
      })
      .nullable(),
    trace: z.array(traceStep),
  }),
});

export const dashboardResponse = z.object({
  today: isoDate,
  backlog: z.array(
    z.object({
      queue: z.enum(['teamvoorraad', 'toegewezen', 'ter_beoordeling', 'conflicten']),
      total: z.number().int(),
      /** Age since creation: 0–7 days, 8–30 days, more than 30 days. */
      byAge: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
    }),
  ),
  deadlines: z.object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    dueThisWeek: z.number().int(),
    later: z.number().int(),
  }),
  weeks: z.array(isoDate),
  throughput: z.array(z.object({ workerId: id, workerName: text(), perWeek: z.array(z.number().int()) })),
  /** Per week: tasks completed after their due date. */
  missedPerWeek: z.array(z.number().int()),
});
export type Dashboard = z.infer<typeof dashboardResponse>;

export const notification = z.object({
  id: text(),
  kind: z.enum(['slachtoffer_termijn', 'goedkeuring', 'urgente_taak', 'conflict', 'normen']),
  title: text(),
  detail: text(),
  /** Where the item opens, inside the app. */
  route: text().regex(/^\/[\w\-/]*$/),
  urgent: z.boolean(),
});
export type AppNotification = z.infer<typeof notification>;

/**
 * A queue search that matches more persons or claims than this is not run: at a million claims a
 * word such as "jan" matches thousands of people, and ordering all their tasks costs far more than
 * a queue may take. The worker is asked to be more specific instead.
 */
export const queueSearchMatchLimit = 2_000;

export const takenChannels = {
  'taken.queue': {
    request: z
      .object({
        queue: z.enum(taskQueues),
        sort: z.enum(taskSortKeys).default('dueDate'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().min(0, 'Begin kan niet negatief zijn.').default(0),
        limit: z.number().int().min(1).max(200, 'Hoogstens 200 regels per pagina.').default(100),
        taskKind: z.enum(taskKinds).nullable().default(null),
        claimKind: claimKind.nullable().default(null),
        phase: claimPhase.nullable().default(null),
        search: searchText.default(''),
      })
      .strict(),
    response: z.object({
      rows: z.array(taskRow),
      total: z.number().int().nonnegative(),
      /** The search matched too many persons or claims to order them all; no rows then. */
      tooBroad: z.boolean(),
    }),
  },
  'taken.counts': {
    request: emptyRequest,
    response: z.object({
      mijnWerk: z.number().int(),
      teamvoorraad: z.number().int(),
      terBeoordeling: z.number().int(),
      conflicten: z.number().int(),
    }),
  },
  'taken.claim': { request: taskIdRequest, response: taskRow },
  'taken.release': { request: taskIdRequest, response: taskRow },
  'taken.complete': { request: taskIdRequest, response: taskRow },
  /** What a bulk assignment would do, item by item, without doing it. */
  'taken.assignPreview': {
    request: z
      .object({
        taskIds: z.array(id).min(1, 'Kies minstens één taak.').max(500, 'Hoogstens 500 taken tegelijk.'),
        assigneeId: id.nullable(),
      })
      .strict(),
    response: z.object({ outcomes: z.array(assignmentOutcome) }),
  },
  /** Assigns each task in its own transaction and reports each outcome; also used to undo. */
  'taken.assign': {
    request: z
      .object({
        assignments: z
          .array(z.object({ taskId: id, assigneeId: id.nullable() }).strict())
          .min(1, 'Kies minstens één taak.')
          .max(500, 'Hoogstens 500 taken tegelijk.'),
      })
      .strict(),
    response: z.object({ outcomes: z.array(assignmentOutcome) }),
  },
  'team.members': {
    request: emptyRequest,
    response: z.object({ members: z.array(teamMemberWire) }),
  },
  'views.list': { request: emptyRequest, response: z.object({ views: z.array(savedView) }) },
  'views.save': {
    request: z.object({ viewId: id.optional(), name: savedViewName, definition: savedViewDefinition }).strict(),
    response: savedView,
  },
  'views.delete': { request: z.object({ viewId: id }).strict(), response: z.object({}) },
  'dashboard.team': { request: emptyRequest, response: dashboardResponse },
  'persons.view': { request: z.object({ personId: id }).strict(), response: personViewResponse },
  /** The vorderingenoverzicht for the person: every claim at every creditor, what is arranged, what is next (PDF). */
  'persons.vorderingenoverzicht': {
    request: z.object({ personId: id }).strict(),
    response: z.object({ fileName: text(), pdfBase64: text() }),
  },
  'notifications.list': {
    request: emptyRequest,
    response: z.object({ notifications: z.array(notification) }),
  },
} as const;
