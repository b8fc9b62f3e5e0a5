import { formatCents, formatDate } from '../format';
import { percentOf, roundCents, type Cents } from './money';
import type { LivingSituation, NormCategory } from './parameters/beslagvrije-voet-parameters';
import type { BvvParameterSet } from './parameters/beslagvrije-voet-parameters';
import { activeParameterSets } from './parameters/registry';
import { selectParameterSet } from './parameters/parameter-set';
import { sources } from './sources';
import { step, type Explained, type TraceStep } from './trace';

/**
 * The beslagvrije voet (BVV) since 2021 (docs/regels.md, Beslagvrije voet) and the repayment capacity above it.
 * Implemented: the household norm by living situation and age, 95 % of the norm for income groups
 * 1 and 2, the fixed maximum for group 3, halving when information is withheld, residence, holiday
 * allowance paid yearly or monthly alike. Everything the public sources leave open (the group-2
 * compensation, kostendelers, housing, health premium, kindgebonden budget, partner income) enters
 * only as a correction the worker types in with a reason, and is flagged as unconfirmed.
 */

export type AgeGroup = '18_20' | '21_tot_pgl' | 'pgl';
export type IncomeGroup = 'volledige_toeslagen' | 'gedeeltelijke_toeslagen' | 'geen_toeslagen';
export type CorrectionTopic =
  | 'compensatie_gedeeltelijke_toeslagen'
  | 'kostendelers'
  | 'woonkosten'
  | 'zorgpremie_zorgtoeslag'
  | 'kindgebonden_budget'
  | 'partnerinkomen'
  | 'verblijf_in_instelling'
  | 'overig';

export interface BvvCorrection {
  topic: CorrectionTopic;
  /** Added to the BVV (negative lowers it). */
  amountCents: Cents;
  reason: string;
}

export interface BvvInput {
  /** The date the assessment is about; selects the parameter set. */
  peildatum: string;
  livingSituation: LivingSituation;
  /** For a couple: 'pgl' when one or both have reached the state pension age. */
  ageGroup: AgeGroup;
  incomeGroup: IncomeGroup;
  /** Net periodic income under garnishment, per month, without holiday allowance. */
  netIncomeMonthlyCents: Cents;
  otherIncomeMonthlyCents: Cents;
  holidayAllowance: { paid: 'maandelijks' | 'jaarlijks' | 'geen'; amountCents: Cents };
  residentOfNetherlands: boolean;
  informationWithheld: boolean;
  corrections: BvvCorrection[];
  /** Replaces the computed BVV altogether; needs a team lead's approval. */
  override?: { bvvCents: Cents; reason: string } | undefined;
}

export interface BvvResult {
  /** Null when no BVV applies (debtor not resident) or no norm is known and no override given. */
  bvvCents: Cents | null;
  monthlyIncomeCents: Cents;
  afloscapaciteitCents: Cents;
  requiresApproval: boolean;
  hasUnconfirmedSteps: boolean;
}

const topicLabels: Record<CorrectionTopic, string> = {
  compensatie_gedeeltelijke_toeslagen: 'compensatie bij gedeeltelijke toeslagen',
  kostendelers: 'kostendelers',
  woonkosten: 'woonkosten en huurtoeslag',
  zorgpremie_zorgtoeslag: 'zorgpremie en zorgtoeslag',
  kindgebonden_budget: 'kinderen en kindgebonden budget',
  partnerinkomen: 'inkomen van de partner',
  verblijf_in_instelling: 'verblijf in een instelling',
  overig: 'overig',
};

const livingLabels: Record<LivingSituation, string> = {
  alleenstaand: 'alleenstaand',
  alleenstaande_ouder: 'alleenstaande ouder (kind onder 18)',
  paar: 'paar zonder kind onder 18',
  paar_met_kind: 'paar met kind onder 18',
};

/**
 * The norm the BVV starts from. A debtor under 21 gets the norm of 21 to pension age: the youth
 * bijstandsnorm (about € 340) is not enough to live on, and the BVV law does not use it.
 */
export function normCategory(living: LivingSituation, age: AgeGroup): NormCategory {
  const single = living === 'alleenstaand' || living === 'alleenstaande_ouder';
  if (age === 'pgl') return single ? 'alleenstaand_pgl' : 'paar_pgl';
  return single ? 'alleenstaand_21_pgl' : 'paar_21_pgl';
}

/** Income per month; a yearly holiday allowance counts for a twelfth each month. */
export function monthlyIncome(
  input: Pick<BvvInput, 'netIncomeMonthlyCents' | 'otherIncomeMonthlyCents' | 'holidayAllowance'>,
): Cents {
  const holiday =
    input.holidayAllowance.paid === 'jaarlijks'
      ? roundCents(input.holidayAllowance.amountCents / 12)
      : input.holidayAllowance.paid === 'maandelijks'
        ? input.holidayAllowance.amountCents
        : 0;
  return input.netIncomeMonthlyCents + input.otherIncomeMonthlyCents + holiday;
}

/** Bijstandsnormen change on 1 January and 1 July (docs/regels.md, Beslagvrije voet): the first such day after `validFrom`. */
export function nextScheduledNormUpdate(validFrom: string): string {
  const year = Number(validFrom.slice(0, 4));
  return validFrom < `${year}-07-01` ? `${year}-07-01` : `${year + 1}-01-01`;
}

/** Beheerders are told this many days before a norm date that no set for it is approved yet. */
export const normReminderDays = 56;

export interface NormDateDue {
  /** The 1 January or 1 July the norms change. */
  date: string;
  /** True when the date has passed without a set: today's calculations are flagged. */
  overdue: boolean;
}

/**
 * The norm dates a functioneel beheerder must act on: the half-year now running when no set starts
 * on its first day, and the next 1 January / 1 July once it is eight weeks away with no set for it.
 */
export function normDatesDue(
  today: string,
  sets: readonly BvvParameterSet[] = activeParameterSets('bvv'),
): NormDateDue[] {
  const has = (date: string) => sets.some((s) => s.validFrom === date);
  const year = Number(today.slice(0, 4));
  const current = today.slice(5) < '07-01' ? `${year}-01-01` : `${year}-07-01`;
  const next = nextScheduledNormUpdate(today);
  const due: NormDateDue[] = [];
  if (!has(current)) due.push({ date: current, overdue: true });
  const daysLeft = (Date.parse(`${next}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (daysLeft <= normReminderDays && !has(next)) due.push({ date: next, overdue: false });
  return due;
}

export function computeBeslagvrijeVoet(
  input: BvvInput,
  sets: readonly BvvParameterSet[] = activeParameterSets('bvv'),
): Explained<BvvResult, BvvInput> {
  const parameters = selectParameterSet(sets, input.peildatum);
  const trace: TraceStep[] = [];
  // Past a scheduled norm update without a newer set, the norms used are probably too low: the
  // outcome may be right, but nobody has confirmed it, so a team lead looks at it.
  const normUpdate = nextScheduledNormUpdate(parameters.validFrom);
  const normsOutdated = input.peildatum >= normUpdate;
  if (normsOutdated) {
    trace.push(
      step(
        'bvv.normen-verouderd',
        `De normen van ${formatDate(parameters.validFrom)} zijn op ${formatDate(normUpdate)} gewijzigd, maar er is nog geen nieuwere parameterset vastgesteld. Deze berekening is onbevestigd en gaat ter goedkeuring naar de teamleider.`,
        true,
        sources.normenbrief(formatDate(normUpdate)),
      ),
    );
  }
  const income = monthlyIncome(input);
  trace.push(
    step(
      'inkomen.maand',
      `Inkomen per maand: ${formatCents(income)} (netto ${formatCents(input.netIncomeMonthlyCents)}, overig ${formatCents(input.otherIncomeMonthlyCents)}` +
        (input.holidayAllowance.paid === 'geen'
          ? ', geen vakantiegeld)'
          : `, vakantiegeld ${input.holidayAllowance.paid === 'jaarlijks' ? 'jaarlijks betaald, per maand een twaalfde' : 'maandelijks'})`),
    ),
  );

  const finish = (bvv: Cents | null, requiresApproval: boolean): Explained<BvvResult, BvvInput> => {
    const capacity = bvv === null ? 0 : Math.max(0, income - bvv);
    if (bvv !== null)
      trace.push(
        step(
          'afloscapaciteit',
          `Afloscapaciteit: ${formatCents(income)} − ${formatCents(bvv)} = ${formatCents(capacity)} per maand (nooit minder dan € 0).`,
        ),
      );
    return {
      value: {
        bvvCents: bvv,
        monthlyIncomeCents: income,
        afloscapaciteitCents: capacity,
        requiresApproval: requiresApproval || normsOutdated,
        hasUnconfirmedSteps: trace.some((s) => s.unconfirmed),
      },
      inputs: input,
      parameterSet: { id: parameters.id, validFrom: parameters.validFrom },
      trace,
    };
  };

  if (input.override) {
    trace.push(
      step(
        'bvv.handmatig',
        `Beslagvrije voet handmatig vastgesteld op ${formatCents(input.override.bvvCents)}: ${input.override.reason}. Goedkeuring teamleider vereist.`,
        true,
      ),
    );
    return finish(Math.max(0, input.override.bvvCents), true);
  }
  if (!input.residentOfNetherlands) {
    trace.push(
      step(
        'bvv.niet-ingezetene',
        'Geen beslagvrije voet: de persoon woont niet in Nederland. Beoordeel handmatig.',
        true,
      ),
    );
    return finish(null, true);
  }

  let bvv: Cents;
  if (input.incomeGroup === 'geen_toeslagen') {
    const maximum = parameters.maximumBvv[input.livingSituation];
    bvv = maximum.value;
    trace.push(
      step(
        'bvv.groep3.maximum',
        `Inkomensgroep 3 (geen toeslagen): vaste beslagvrije voet voor ${livingLabels[input.livingSituation]} ${formatCents(bvv)} (${maximum.source}` +
          (maximum.status === 'open' ? '; actuele waarde niet bevestigd)' : ')'),
        maximum.status !== 'confirmed',
        sources.rv475da,
      ),
    );
  } else {
    const category = normCategory(input.livingSituation, input.ageGroup);
    if (input.ageGroup === '18_20') {
      trace.push(
        step(
          'bvv.jonger-dan-21',
          'Jonger dan 21: de beslagvrije voet gaat uit van de norm voor 21 jaar tot de pensioenleeftijd, niet van de jongerennorm.',
          true,
          sources.rv475da,
        ),
      );
    }
    const norm = parameters.bijstandsnormen[category];
    if (!norm) {
      trace.push(
        step(
          'bvv.norm-onbekend',
          `Geen bijstandsnorm bekend voor ${livingLabels[input.livingSituation]} (${input.ageGroup}) op ${input.peildatum}. Stel de beslagvrije voet handmatig vast.`,
          true,
        ),
      );
      return finish(null, true);
    }
    const percentage = parameters.normPercentage.value;
    // The norm's own source is named in the text; the law that takes 95 % of it is the link.
    bvv = percentOf(norm.value, percentage);
    trace.push(
      step(
        'bvv.95-procent',
        `${percentage} % van de bijstandsnorm ${formatCents(norm.value)} (${livingLabels[input.livingSituation]}) = ${formatCents(bvv)}. Norm: ${norm.source}${norm.status === 'confirmed' ? '' : ' — niet bevestigd'}.`,
        norm.status !== 'confirmed',
        sources.rv475da,
      ),
    );
    if (
      input.incomeGroup === 'gedeeltelijke_toeslagen' &&
      !input.corrections.some((c) => c.topic === 'compensatie_gedeeltelijke_toeslagen')
    ) {
      trace.push(
        step(
          'bvv.groep2.compensatie-ontbreekt',
          'Inkomensgroep 2: de compensatie voor gedeeltelijke toeslagen is niet ingevuld (rekenregel niet openbaar; voer haar in als correctie).',
          true,
        ),
      );
    }
  }

  // Never more than 95 % of the income itself: a low income keeps 5 % attachable (art. 475da Rv).
  const incomeCap = percentOf(income, parameters.normPercentage.value);
  if (bvv > incomeCap) {
    trace.push(
      step(
        'bvv.inkomen-onder-norm',
        `Het inkomen (${formatCents(income)}) is lager dan de norm: de beslagvrije voet is ${parameters.normPercentage.value} % van het inkomen = ${formatCents(incomeCap)} in plaats van ${formatCents(bvv)}.`,
        false,
        sources.rv475da,
      ),
    );
    bvv = incomeCap;
  }

  for (const correction of input.corrections) {
    bvv += correction.amountCents;
    trace.push(
      step(
        `bvv.correctie.${correction.topic}`,
        `Correctie ${topicLabels[correction.topic]}: ${correction.amountCents >= 0 ? '+' : '−'}${formatCents(Math.abs(correction.amountCents))} — ${correction.reason}`,
        true,
      ),
    );
  }
  bvv = Math.max(0, bvv);

  if (input.informationWithheld) {
    const halved = roundCents(bvv / 2);
    trace.push(
      step(
        'bvv.gehalveerd',
        `Gehalveerd omdat de persoon gevraagde informatie niet gaf: ${formatCents(bvv)} / 2 = ${formatCents(halved)}`,
      ),
    );
    bvv = halved;
  }
  trace.push(step('bvv.uitkomst', `Beslagvrije voet: ${formatCents(bvv)} per maand.`));
  return finish(bvv, false);
}
