import { z } from 'zod';
import { claimEventKinds } from '../domain/claims';
import { decisionKinds } from '../domain/betalingsonmacht-besluit';
import { claimDecisionSteps } from '../domain/escalatie';
import { detentionEventKinds } from '../domain/slachtoffer';
import { taskKinds, taskPriorities, taskStatuses } from '../domain/taken';
import { loketRequestWire } from './loket';
import { parameterSetWire } from './parameters';
import { savedViewDefinition } from './saved-views';
import { cents, claimKind, claimPhase, id, isoDate, isoDateTime, role } from '../ipc/schemas';
import { wireText } from '../validation/text';

/** Entities as the central API sends them in the change feed. `version` is the global change version. */

/** One step of a stored rule trace (src/shared/domain/trace.ts), as the central sends it. */
const wireTraceStep = z.object({
  rule: wireText(),
  text: wireText(),
  unconfirmed: z.boolean().optional(),
  source: z.object({ label: wireText(), url: z.url().optional() }).optional(),
});
export const personWire = z.object({
  id,
  bsn: wireText().regex(/^\d{9}$/),
  displayName: wireText().min(1).max(200),
  birthDate: isoDate,
  city: wireText().max(100),
  /** Street and house number; null when the source did not send it (older centrals send nothing). */
  streetAddress: wireText().min(1).max(200).nullable().default(null),
  postcode: wireText()
    .regex(/^[1-9][0-9]{3} [A-Z]{2}$/)
    .nullable()
    .default(null),
  isTestData: z.boolean(),
  deceasedOn: isoDate.nullable(),
  moratoriumUntil: isoDate.nullable(),
  version: z.number().int().nonnegative(),
});
export type PersonWire = z.infer<typeof personWire>;

export const claimWire = z.object({
  id,
  personId: id,
  kind: claimKind,
  phase: claimPhase,
  reference: wireText().max(40),
  originalCents: cents.nonnegative(),
  outstandingCents: cents.nonnegative(),
  administratiekostenCents: cents.nonnegative(),
  dueDate: isoDate,
  version: z.number().int().nonnegative(),
});
export type ClaimWire = z.infer<typeof claimWire>;

export const claimEventWire = z.object({
  id,
  claimId: id,
  kind: z.enum(claimEventKinds),
  occurredOn: isoDate,
  amountCents: cents,
  description: wireText(),
  version: z.number().int().nonnegative(),
});
export type ClaimEventWire = z.infer<typeof claimEventWire>;

export const caseNoteWire = z.object({
  id,
  claimId: id,
  authorName: wireText().max(200),
  text: wireText().max(2000),
  createdAt: isoDateTime,
  version: z.number().int().nonnegative(),
});
export type CaseNoteWire = z.infer<typeof caseNoteWire>;

export const arrangementStatuses = ['ter_goedkeuring', 'lopend', 'afgewezen', 'vastgelegd', 'beeindigd'] as const;

export const arrangementWire = z.object({
  id,
  personId: id,
  kind: z.enum(decisionKinds),
  status: z.enum(arrangementStatuses),
  totalCents: cents.nonnegative(),
  instalments: z.array(z.object({ number: z.number().int(), dueDate: isoDate, amountCents: cents })),
  pauseUntil: isoDate.nullable(),
  motivation: wireText(),
  decidedBy: wireText(),
  decidedById: wireText(),
  decidedAt: isoDateTime,
  approvedBy: wireText().nullable(),
  approvalNote: wireText().nullable(),
  /** When a running arrangement ended, and whether the person kept to it exactly (the 12-month rule). */
  endedOn: isoDate.nullable().default(null),
  honouredExactly: z.boolean().nullable().default(null),
  /** Betalingsregeling Rijk: the creditors it was decided over and what each was owed then (one: CJIB alone). */
  creditors: z.array(z.object({ creditor: wireText(), owedCents: cents })).default([]),
  /** Aflossingspauzes (pauzeknop), oldest first: the instalments from `from` on moved `months` later. */
  pauses: z
    .array(z.object({ from: isoDate, months: z.number().int(), reason: wireText(), recordedBy: wireText() }))
    .default([]),
  /** The stored assessment: inputs, parameter sets and the Dutch rule trace. */
  assessment: z.object({
    bvvCents: cents.nullable(),
    afloscapaciteitCents: cents,
    monthlyIncomeCents: cents,
    parameterSets: z.array(wireText()),
    trace: z.array(wireTraceStep),
  }),
  version: z.number().int().nonnegative(),
});
export type ArrangementWire = z.infer<typeof arrangementWire>;

export const escalationDecisionWire = z.object({
  id,
  claimId: id,
  personId: id,
  step: z.enum(claimDecisionSteps),
  status: z.enum(['ter_goedkeuring', 'vastgelegd', 'afgewezen']),
  motivation: wireText(),
  decidedBy: wireText(),
  decidedById: wireText(),
  decidedAt: isoDateTime,
  approvedBy: wireText().nullable(),
  approvalNote: wireText().nullable(),
  trace: z.array(wireTraceStep),
  version: z.number().int().nonnegative(),
});
export type EscalationDecisionWire = z.infer<typeof escalationDecisionWire>;

/** A victim as the victim-information role sees it in the feed: never their contact data. */
export const victimWire = z.object({
  id,
  offenderPersonId: id,
  displayName: wireText(),
  isNaturalPerson: z.boolean(),
  optedIn: z.boolean(),
  wantsInformation: z.boolean(),
  preferredChannel: z.enum(['brief', 'telefoon', 'email']),
  representative: wireText().nullable(),
  offenceCategory: wireText(),
  version: z.number().int().nonnegative(),
});
export type VictimWire = z.infer<typeof victimWire>;

export const detentionEventWire = z.object({
  id,
  offenderPersonId: id,
  kind: z.enum(detentionEventKinds),
  eventDate: isoDate,
  reportedOn: isoDate,
  version: z.number().int().nonnegative(),
});
export type DetentionEventWire = z.infer<typeof detentionEventWire>;

export const victimNotificationWire = z.object({
  id,
  victimId: id,
  eventId: id,
  channel: z.enum(['brief', 'telefoon', 'email']),
  content: wireText(),
  notifiedOn: isoDate,
  deadline: isoDate,
  late: z.boolean(),
  notifiedBy: wireText(),
  version: z.number().int().nonnegative(),
});
export type VictimNotificationWire = z.infer<typeof victimNotificationWire>;

export const victimWishWire = z.object({
  id,
  victimId: id,
  eventId: id,
  contactverbod: z.boolean(),
  gebiedsverbod: z.boolean(),
  zoneDescription: wireText().nullable(),
  remarks: wireText(),
  recordedOn: isoDate,
  forwardedToOmOn: isoDate,
  recordedBy: wireText(),
  version: z.number().int().nonnegative(),
});
export type VictimWishWire = z.infer<typeof victimWishWire>;

export const taskWire = z.object({
  id,
  personId: id,
  claimId: id.nullable(),
  kind: z.enum(taskKinds),
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  assigneeId: id.nullable(),
  createdOn: isoDate,
  dueDate: isoDate,
  completedOn: isoDate.nullable(),
  version: z.number().int().nonnegative(),
});
export type TaskWire = z.infer<typeof taskWire>;

/** A colleague in the user's own team, for assigning work and for the dashboard. */
export const teamMemberWire = z.object({
  id,
  displayName: wireText(),
  role,
  version: z.number().int().nonnegative(),
});
export type TeamMemberWire = z.infer<typeof teamMemberWire>;

/** A saved view of a queue, shared within the team; `deleted` views stay as tombstones in the feed. */
export const savedViewWire = z.object({
  id,
  ownerId: id,
  ownerName: wireText(),
  name: wireText().min(1).max(80),
  definition: savedViewDefinition,
  deleted: z.boolean(),
  version: z.number().int().nonnegative(),
});
export type SavedViewWire = z.infer<typeof savedViewWire>;

/** The schadevergoedingsmaatregel for one victim, as far as the victim process needs it. */
export const victimCompensationWire = z.object({
  id,
  victimId: id,
  claimReference: wireText(),
  judgmentFinalOn: isoDate,
  orderedCents: cents.nonnegative(),
  collectedCents: cents.nonnegative(),
  paidOutCents: cents.nonnegative(),
  schadefondsCents: cents.nonnegative(),
  version: z.number().int().nonnegative(),
});
export type VictimCompensationWire = z.infer<typeof victimCompensationWire>;

export const voorschotStatuses = ['ter_goedkeuring', 'goedgekeurd', 'afgewezen'] as const;

export const voorschotPaymentWire = z.object({
  id,
  compensationId: id,
  victimId: id,
  amountCents: cents.positive(),
  status: z.enum(voorschotStatuses),
  proposedBy: wireText(),
  proposedById: id,
  proposedAt: isoDateTime,
  approvedBy: wireText().nullable(),
  approvalNote: wireText().nullable(),
  trace: z.array(wireTraceStep),
  version: z.number().int().nonnegative(),
});
export type VoorschotPaymentWire = z.infer<typeof voorschotPaymentWire>;

export const change = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('person'), version: z.number().int(), data: personWire }),
  z.object({ entity: z.literal('claim'), version: z.number().int(), data: claimWire }),
  z.object({ entity: z.literal('case_note'), version: z.number().int(), data: caseNoteWire }),
  z.object({ entity: z.literal('claim_event'), version: z.number().int(), data: claimEventWire }),
  z.object({ entity: z.literal('arrangement'), version: z.number().int(), data: arrangementWire }),
  z.object({ entity: z.literal('escalation'), version: z.number().int(), data: escalationDecisionWire }),
  z.object({ entity: z.literal('victim'), version: z.number().int(), data: victimWire }),
  z.object({ entity: z.literal('detention_event'), version: z.number().int(), data: detentionEventWire }),
  z.object({ entity: z.literal('victim_notification'), version: z.number().int(), data: victimNotificationWire }),
  z.object({ entity: z.literal('victim_wish'), version: z.number().int(), data: victimWishWire }),
  z.object({ entity: z.literal('task'), version: z.number().int(), data: taskWire }),
  z.object({ entity: z.literal('team_member'), version: z.number().int(), data: teamMemberWire }),
  z.object({ entity: z.literal('saved_view'), version: z.number().int(), data: savedViewWire }),
  z.object({ entity: z.literal('victim_compensation'), version: z.number().int(), data: victimCompensationWire }),
  z.object({ entity: z.literal('voorschot_payment'), version: z.number().int(), data: voorschotPaymentWire }),
  z.object({ entity: z.literal('loket_request'), version: z.number().int(), data: loketRequestWire }),
  z.object({ entity: z.literal('parameter_set'), version: z.number().int(), data: parameterSetWire }),
]);
export type Change = z.infer<typeof change>;
