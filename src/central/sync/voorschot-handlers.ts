import type { Command } from '../../shared/api/commands';
import { voorschot } from '../../shared/domain/slachtoffer';
import { formatCents } from '../../shared/format';
import type { Principal } from '../auth/access-token';
import type { Queryable } from '../db/sql-client';
import { victimTeams } from '../scope';
import { recordChange } from './change-feed';
import type { CommandResult } from './command-handlers';
import type { ServerClock } from './server-clock';
import { can, refusalOf } from '../../shared/domain/permissions';

type ProposeCommand = Extract<Command, { type: 'ProposeVoorschot' }>;
type DecideCommand = Extract<Command, { type: 'DecideVoorschot' }>;

interface CompensationRow {
  team_id: string;
  judgment_final_on: string;
  ordered_cents: number;
  collected_cents: number;
  schadefonds_cents: number;
  offence_category: string;
  is_natural_person: boolean;
}

/**
 * A victim-information worker proposes the voorschot. The server computes it again with the same
 * domain rule on its own figures and date; a different amount means the figures moved since the
 * worker looked (a conflict), an advance that is not due is refused.
 */
export async function proposeVoorschot(
  tx: Queryable,
  principal: Principal,
  command: ProposeCommand,
  clock: ServerClock,
): Promise<CommandResult> {
  const { today } = clock;
  if (!can(principal, 'proposeVoorschot')) return { status: 'rejected', reason: refusalOf('proposeVoorschot') };
  const rows = await tx.query<CompensationRow>(
    `SELECT c.team_id, to_char(c.judgment_final_on, 'YYYY-MM-DD') AS judgment_final_on,
            c.ordered_cents::bigint AS ordered_cents, c.collected_cents::bigint AS collected_cents,
            c.schadefonds_cents::bigint AS schadefonds_cents, v.offence_category, v.is_natural_person
     FROM victim_compensations c JOIN victims v ON v.id = c.victim_id WHERE c.id = $1 FOR UPDATE OF c`,
    [command.payload.compensationId],
  );
  const row = rows[0];
  if (!row || !victimTeams(principal).includes(row.team_id)) {
    return { status: 'rejected', reason: 'Deze schadevergoedingsmaatregel bestaat niet of hoort niet bij uw team.' };
  }
  const open = await tx.query<{ status: string }>(
    `SELECT status FROM voorschot_payments WHERE compensation_id = $1 AND status <> 'afgewezen'`,
    [command.payload.compensationId],
  );
  if (open[0]) {
    return {
      status: 'conflict',
      reason:
        open[0].status === 'goedgekeurd'
          ? 'Op deze maatregel is al een voorschot betaald.'
          : 'Er wacht al een voorstel voor een voorschot op goedkeuring.',
    };
  }
  const result = voorschot({
    judgmentFinalDate: row.judgment_final_on,
    orderedCents: Number(row.ordered_cents),
    receivedFromOffenderCents: Number(row.collected_cents),
    schadefondsCents: Number(row.schadefonds_cents),
    offenceCategory: row.offence_category,
    victimIsNaturalPerson: row.is_natural_person,
    today,
  });
  if (!result.eligible) {
    return { status: 'rejected', reason: result.trace.at(-1)?.text ?? 'Er is (nog) geen voorschot mogelijk.' };
  }
  if (result.advanceCents !== command.payload.expectedAmountCents) {
    return {
      status: 'conflict',
      reason: `Het voorschot is nu ${formatCents(result.advanceCents)} in plaats van ${formatCents(command.payload.expectedAmountCents)}: de bedragen zijn intussen gewijzigd.`,
    };
  }
  const version = await recordChange(tx, 'voorschot_payment', command.payload.paymentId, row.team_id);
  await tx.query(
    `INSERT INTO voorschot_payments (id, compensation_id, team_id, amount_cents, status, proposed_by, proposed_at, trace, version)
     VALUES ($1, $2, $3, $4, 'ter_goedkeuring', $5, $6, $7, $8)`,
    [
      command.payload.paymentId,
      command.payload.compensationId,
      row.team_id,
      result.advanceCents,
      principal.sub,
      clock.at,
      JSON.stringify(result.trace),
      version,
    ],
  );
  return { status: 'applied', reason: null };
}

/** A team lead of the victim team approves (the state pays, CJIB keeps collecting) or rejects. */
export async function decideVoorschot(
  tx: Queryable,
  principal: Principal,
  command: DecideCommand,
): Promise<CommandResult> {
  if (!can(principal, 'approveVoorschot')) return { status: 'rejected', reason: refusalOf('approveVoorschot') };
  const rows = await tx.query<{
    team_id: string;
    status: string;
    proposed_by: string;
    compensation_id: string;
    amount_cents: number;
  }>(
    `SELECT team_id, status, proposed_by, compensation_id, amount_cents::bigint AS amount_cents
     FROM voorschot_payments WHERE id = $1 FOR UPDATE`,
    [command.payload.paymentId],
  );
  const payment = rows[0];
  if (!payment || !victimTeams(principal).includes(payment.team_id)) {
    return { status: 'rejected', reason: 'Dit voorstel bestaat niet of hoort niet bij uw team.' };
  }
  if (payment.proposed_by === principal.sub) {
    return { status: 'rejected', reason: 'Vier ogen: u kunt uw eigen voorstel niet goedkeuren.' };
  }
  if (payment.status !== 'ter_goedkeuring') return { status: 'conflict', reason: 'Over dit voorstel is al beslist.' };
  const { approve, note } = command.payload;
  const version = await recordChange(tx, 'voorschot_payment', command.payload.paymentId, payment.team_id);
  await tx.query(
    `UPDATE voorschot_payments SET status = $2, approved_by = $3, approval_note = $4, version = $5 WHERE id = $1`,
    [command.payload.paymentId, approve ? 'goedgekeurd' : 'afgewezen', principal.sub, note || null, version],
  );
  if (approve) {
    const compensationVersion = await recordChange(tx, 'victim_compensation', payment.compensation_id, payment.team_id);
    await tx.query('UPDATE victim_compensations SET paid_out_cents = paid_out_cents + $2, version = $3 WHERE id = $1', [
      payment.compensation_id,
      Number(payment.amount_cents),
      compensationVersion,
    ]);
  }
  return { status: 'applied', reason: null };
}
