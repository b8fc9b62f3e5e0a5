import { z } from 'zod';
import { id } from '../ipc/schemas';
import { claimDecisionSteps } from '../domain/escalatie';
import { decisionRequestSchema } from './betalingsonmacht';
import { savedViewDefinition, savedViewName } from './saved-views';
import { victimPreferencesFields, victimWishesFields, withZoneRule } from './victims';
import { text } from '../validation/text';

/**
 * Intent-level commands a worker's app sends to the central API. Each has a UUID `commandId`, a
 * per-client `seq` rising by one, the entity version the worker saw, and its payload. The server
 * applies each exactly once and re-checks every rule.
 */

const commandBase = {
  commandId: z.uuid({ message: 'commandId moet een UUID zijn.' }),
  seq: z.number().int().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  /** The version of the target entity the worker saw; null when the command does not depend on it. */
  baseVersion: z.number().int().nonnegative().nullable(),
};

export const addCaseNoteCommand = z
  .object({
    ...commandBase,
    type: z.literal('AddCaseNote'),
    payload: z
      .object({
        noteId: id,
        claimId: id,
        text: text()
          .trim()
          .min(1, 'Een notitie mag niet leeg zijn.')
          .max(2000, 'Een notitie is hoogstens 2000 tekens.'),
      })
      .strict(),
  })
  .strict();

export const recordBetalingsonmachtDecisionCommand = z
  .object({
    ...commandBase,
    type: z.literal('RecordBetalingsonmachtDecision'),
    payload: decisionRequestSchema
      .extend({
        arrangementId: id,
        /** The total the worker's assessment was based on; a different total on the server is a conflict. */
        expectedTotalCents: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();

export const decideApprovalCommand = z
  .object({
    ...commandBase,
    type: z.literal('DecideApproval'),
    payload: z
      .object({
        arrangementId: id,
        approve: z.boolean(),
        note: text().trim().max(2000),
      })
      .strict()
      .refine((p) => p.approve || p.note.length >= 10, {
        message: 'Geef bij afkeuren een reden (minstens 10 tekens).',
        path: ['note'],
      }),
  })
  .strict();

/** The pauzeknop: the person asked for an aflossingspauze; the rules (duration, once a year) run on both sides. */
export const pauseArrangementFields = z
  .object({
    arrangementId: id,
    /** The due date of the first instalment paused. */
    from: z.iso.date({ message: 'Kies de eerste termijn die vervalt.' }),
    months: z.number().int('Kies een hele maand.').min(1, 'Een pauze duurt minstens een maand.').max(12),
    reason: text().trim().min(5, 'Geef een reden (minstens 5 tekens).').max(500),
  })
  .strict();

export type PauseArrangementRequest = z.infer<typeof pauseArrangementFields>;

export const pauseArrangementCommand = z
  .object({ ...commandBase, type: z.literal('PauseArrangement'), payload: pauseArrangementFields })
  .strict();

export const escalationFactsSchema = z
  .object({
    hasDrivingLicence: z.boolean(),
    vehicle: z.enum(['geen', 'eigen', 'van_derde']),
    verhaalFailed: z.boolean(),
  })
  .strict();

export const recordEscalationDecisionCommand = z
  .object({
    ...commandBase,
    type: z.literal('RecordEscalationDecision'),
    payload: z
      .object({
        decisionId: id,
        claimId: id,
        step: z.enum(claimDecisionSteps, { message: 'Kies een stap.' }),
        facts: escalationFactsSchema,
        motivation: text().trim().min(10, 'Geef een motivering van minstens 10 tekens.').max(2000),
        /** Waiving: the aanmaning whose verhoging is waived. */
        eventId: id.optional(),
      })
      .strict()
      .refine((p) => p.step !== 'verhoging_kwijtschelden' || p.eventId, {
        message: 'Kies de aanmaning waarvan de verhoging wordt kwijtgescholden.',
        path: ['eventId'],
      }),
  })
  .strict();

export const decideEscalationApprovalCommand = z
  .object({
    ...commandBase,
    type: z.literal('DecideEscalationApproval'),
    payload: z
      .object({ decisionId: id, approve: z.boolean(), note: text().trim().max(2000) })
      .strict()
      .refine((p) => p.approve || p.note.length >= 10, {
        message: 'Geef bij afkeuren een reden (minstens 10 tekens).',
        path: ['note'],
      }),
  })
  .strict();

export const recordVictimNotificationCommand = z
  .object({
    ...commandBase,
    type: z.literal('RecordVictimNotification'),
    payload: z
      .object({
        notificationId: id,
        victimId: id,
        eventId: id,
        channel: z.enum(['brief', 'telefoon', 'email'], { message: 'Kies hoe het slachtoffer is geïnformeerd.' }),
        content: text().trim().min(10, 'Beschrijf wat het slachtoffer is verteld (minstens 10 tekens).').max(4000),
        notifiedOn: z.iso.date({ message: 'Vul een geldige datum in.' }),
      })
      .strict(),
  })
  .strict();

export const victimWishesPayload = withZoneRule(victimWishesFields.extend({ wishId: id }).strict());

export const updateVictimPreferencesCommand = z
  .object({ ...commandBase, type: z.literal('UpdateVictimPreferences'), payload: victimPreferencesFields.strict() })
  .strict();

export const recordVictimWishesCommand = z
  .object({ ...commandBase, type: z.literal('RecordVictimWishes'), payload: victimWishesPayload })
  .strict();

/** A worker takes an unassigned task of their team (oppakken). */
export const claimTaskCommand = z
  .object({ ...commandBase, type: z.literal('ClaimTask'), payload: z.object({ taskId: id }).strict() })
  .strict();

/**
 * Who held the task when the desktop moved it: a release or completion made on an older picture
 * (offline, a team lead's stale list) is a conflict when someone else holds it by now. Optional only
 * for commands from desktops of before this field; they are checked as before.
 */
const expectedAssignee = { expectedAssigneeId: id.nullable().optional() };

/** The assignee (or the team lead) hands a task back to the team (vrijgeven). */
export const releaseTaskCommand = z
  .object({
    ...commandBase,
    type: z.literal('ReleaseTask'),
    payload: z.object({ taskId: id, ...expectedAssignee }).strict(),
  })
  .strict();

/**
 * A team lead assigns a task to a colleague (or back to the team with null). `expectedAssigneeId`
 * is the precondition relied on: if someone else moved the task meanwhile, it is a conflict.
 */
export const assignTaskCommand = z
  .object({
    ...commandBase,
    type: z.literal('AssignTask'),
    payload: z.object({ taskId: id, assigneeId: id.nullable(), expectedAssigneeId: id.nullable() }).strict(),
  })
  .strict();

export const completeTaskCommand = z
  .object({
    ...commandBase,
    type: z.literal('CompleteTask'),
    /** `completedOn` is the desktop's date, kept for older servers: the central stores its own. */
    payload: z.object({ taskId: id, completedOn: z.iso.date(), ...expectedAssignee }).strict(),
  })
  .strict();

export const saveViewCommand = z
  .object({
    ...commandBase,
    type: z.literal('SaveView'),
    payload: z.object({ viewId: id, name: savedViewName, definition: savedViewDefinition }).strict(),
  })
  .strict();

export const deleteViewCommand = z
  .object({ ...commandBase, type: z.literal('DeleteView'), payload: z.object({ viewId: id }).strict() })
  .strict();

/**
 * Proposing the voorschot on a schadevergoedingsmaatregel as a payment for approval. The amount the
 * worker saw is the precondition: the server computes it again on its own figures and date.
 */
export const proposeVoorschotCommand = z
  .object({
    ...commandBase,
    type: z.literal('ProposeVoorschot'),
    payload: z.object({ paymentId: id, compensationId: id, expectedAmountCents: z.number().int().positive() }).strict(),
  })
  .strict();

export const decideVoorschotCommand = z
  .object({
    ...commandBase,
    type: z.literal('DecideVoorschot'),
    payload: z
      .object({ paymentId: id, approve: z.boolean(), note: text().trim().max(2000) })
      .strict()
      .refine((p) => p.approve || p.note.length >= 10, {
        message: 'Geef bij afkeuren een reden (minstens 10 tekens).',
        path: ['note'],
      }),
  })
  .strict();

export const command = z.discriminatedUnion('type', [
  addCaseNoteCommand,
  recordBetalingsonmachtDecisionCommand,
  decideApprovalCommand,
  pauseArrangementCommand,
  recordEscalationDecisionCommand,
  decideEscalationApprovalCommand,
  recordVictimNotificationCommand,
  recordVictimWishesCommand,
  updateVictimPreferencesCommand,
  claimTaskCommand,
  releaseTaskCommand,
  assignTaskCommand,
  completeTaskCommand,
  saveViewCommand,
  deleteViewCommand,
  proposeVoorschotCommand,
  decideVoorschotCommand,
]);
export type Command = z.infer<typeof command>;
export type CommandType = Command['type'];
