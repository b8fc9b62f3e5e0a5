import { z } from 'zod';
import type { BvvParameterSet } from '../domain/parameters/beslagvrije-voet-parameters';
import type { EscalatieParameterSet } from '../domain/parameters/escalatie-parameters';
import type { RegelingParameterSet } from '../domain/parameters/regeling-parameters';
import type { ApprovedParameterSet, ParameterDomain } from '../domain/parameters/registry';
import { creditors, type RijksincassoParameterSet } from '../domain/parameters/rijksincasso-parameters';
import type { SlachtofferParameterSet, VoorschotRuleSet } from '../domain/parameters/slachtoffer-parameters';
import { cents, id, isoDate, isoDateTime } from '../ipc/schemas';
import { wireText } from '../validation/text';

/*
 * Parameter sets a functioneel beheerder enters and a second one approves: what each domain's set
 * holds, checked value by value, so that a set that reaches the rules is always well formed.
 */

type Values<T> = Omit<T, 'id' | 'validFrom'>;

const sourced = <S extends z.ZodType>(value: S) =>
  z
    .object({
      value,
      source: wireText().trim().min(1, 'Vermeld de bron.').max(300),
      status: z.enum(['confirmed', 'inferred', 'open']),
    })
    .strict();

const amount = cents.nonnegative('Een bedrag kan niet negatief zijn.').max(100_000_000);
const count = (max: number) => z.number().int('Vul een heel getal in.').min(0).max(max);
const percentage = z.number().min(0).max(100);

const livingSituations = <S extends z.ZodType>(value: S) =>
  z.object({ alleenstaand: value, alleenstaande_ouder: value, paar: value, paar_met_kind: value }).strict();

export const bvvValues = z
  .object({
    bijstandsnormen: z
      .object({
        alleenstaand_21_pgl: sourced(amount),
        paar_21_pgl: sourced(amount),
        alleenstaand_pgl: sourced(amount),
        paar_pgl: sourced(amount),
        alleenstaand_18_20: sourced(amount),
      })
      .partial()
      .strict()
      // A half-year with no known norm (2024-01) has none; its form sends no leaf for them.
      .default({}),
    normPercentage: sourced(percentage),
    maximumBvv: livingSituations(sourced(amount)),
  })
  .strict() satisfies z.ZodType<Values<BvvParameterSet>>;

export const regelingValues = z
  .object({
    minimumOutstanding: sourced(amount),
    termTable: sourced(
      z
        .array(z.object({ fromCents: amount, maxMonths: count(120) }).strict())
        .min(1)
        .max(20)
        .refine((bands) => bands.every((b, i) => i === 0 || (bands[i - 1]?.fromCents ?? 0) < b.fromCents), {
          message: 'De staffel moet oplopen: elke ondergrens hoger dan de vorige.',
        }),
    ),
    minimumInstalment: sourced(amount),
    repeatWindowMonths: sourced(count(60)),
    maxTailoredMonths: sourced(count(120)),
    noodstopMonths: sourced(count(24)),
    noodstopExtensionMonths: sourced(count(24)),
  })
  .strict() satisfies z.ZodType<Values<RegelingParameterSet>>;

const criminalKinds = <S extends z.ZodType>(value: S) =>
  z.object({ strafbeschikking: value, geldboetevonnis: value, schadevergoedingsmaatregel: value }).strict();

export const escalatieValues = z
  .object({
    wahvFirstIncreasePercent: sourced(count(1000)),
    wahvSecondIncreasePercent: sourced(count(1000)),
    criminalFirstIncrease: criminalKinds(sourced(amount)),
    criminalSecondIncreasePercent: sourced(count(1000)),
    criminalSecondIncreaseMinimum: criminalKinds(sourced(amount)),
    reminderTermWeeks: sourced(count(52)),
    verhaalTermYears: sourced(count(30)),
    verhaalTermYearsWithArrangement: sourced(count(30)),
    dwangmiddelTermYears: sourced(count(30)),
    dwangmiddelTermYearsWithArrangement: sourced(count(30)),
    gijzelingCentsPerDay: sourced(amount),
    gijzelingMaxDays: sourced(count(365)),
    vervangendeHechtenisCentsPerDay: sourced(amount),
    vervangendeHechtenisMaxDays: sourced(count(3650)),
    rijbewijsMaxWeeks: sourced(count(52)),
    voertuigMaxWeeks: sourced(count(52)),
    voertuigAbandonedAfterWeeks: sourced(count(104)),
    wahvAdministratiekosten: sourced(amount),
    gratisHerinnering: z
      .object({ from: sourced(isoDate), until: sourced(isoDate), termWeeks: sourced(count(52)) })
      .strict()
      .nullable()
      // No pilot in a set: the form sends no leaf for it.
      .default(null),
  })
  .strict() satisfies z.ZodType<Values<EscalatieParameterSet>>;

export const rijksincassoValues = z
  .object({
    participants: sourced(z.array(z.object({ creditor: z.enum(creditors), from: isoDate }).strict()).max(20)),
    verdeelsleutel: sourced(z.literal('naar_rato_openstaand')),
    pauseMaxMonths: sourced(count(12)),
    pauseWindowMonths: sourced(count(60)),
  })
  .strict() satisfies z.ZodType<Values<RijksincassoParameterSet>>;

export const slachtofferValues = z
  .object({ noticeDays: sourced(count(90)), voorschotAfterMonths: sourced(count(60)) })
  .strict() satisfies z.ZodType<Values<SlachtofferParameterSet>>;

const offenceCategory = wireText().trim().min(1).max(60);
export const voorschotValues = z
  .object({
    coveredOffenceCategories: sourced(z.union([z.literal('alle'), z.array(offenceCategory).max(50)])),
    cap: sourced(amount.nullable()),
    uncappedOffenceCategories: sourced(z.array(offenceCategory).max(50)),
  })
  .strict() satisfies z.ZodType<Values<VoorschotRuleSet>>;

const valuesByDomain = {
  bvv: bvvValues,
  regeling: regelingValues,
  escalatie: escalatieValues,
  rijksincasso: rijksincassoValues,
  slachtoffer: slachtofferValues,
  voorschot: voorschotValues,
} as const satisfies Record<ParameterDomain, z.ZodType>;

const withDomain = <D extends ParameterDomain>(domain: D) =>
  z.object({ domain: z.literal(domain), values: valuesByDomain[domain] });

/** A set and its domain, its values checked by that domain's schema. */
export const domainValues = z.discriminatedUnion('domain', [
  withDomain('bvv'),
  withDomain('regeling'),
  withDomain('escalatie'),
  withDomain('rijksincasso'),
  withDomain('slachtoffer'),
  withDomain('voorschot'),
]);
export type DomainValues = z.infer<typeof domainValues>;

const firstDay = isoDate.refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'Kies een datum tussen 2000 en 2099.');
const reason = wireText().trim().min(10, 'Geef een toelichting van minstens 10 tekens.').max(1000);

/** A beheerder's proposal for a new dated set. */
export const parameterSetProposal = z.intersection(domainValues, z.object({ validFrom: firstDay, reason }));
export type ParameterSetProposal = z.infer<typeof parameterSetProposal>;

const decisionFields = z.object({ approve: z.boolean(), note: wireText().trim().max(1000).default('') });
const rejectionExplained = (d: { approve: boolean; note: string }) => d.approve || d.note.length >= 10;
const rejectionMessage = { message: 'Geef bij een afwijzing een toelichting van minstens 10 tekens.', path: ['note'] };

export const parameterSetDecision = decisionFields.strict().refine(rejectionExplained, rejectionMessage);
/** The same decision as the app's backend receives it, with the set it is about. */
export const parameterSetDecisionRequest = decisionFields
  .extend({ id })
  .strict()
  .refine(rejectionExplained, rejectionMessage);
export type ParameterSetDecision = z.input<typeof parameterSetDecision>;

export const parameterSetParams = z.object({ id }).strict();

export const parameterSetStatuses = ['voorgesteld', 'goedgekeurd', 'afgewezen'] as const;
export type ParameterSetStatus = (typeof parameterSetStatuses)[number];

const recordFields = {
  id,
  validFrom: isoDate,
  reason: wireText(),
  proposedBy: wireText(),
  proposedById: id,
  proposedAt: isoDateTime,
};

/** An approved set as the change feed sends it to every app. */
export const parameterSetWire = z.intersection(
  domainValues,
  z.object({
    ...recordFields,
    approvedBy: wireText(),
    approvedAt: isoDateTime,
    version: z.number().int().nonnegative(),
  }),
);
export type ParameterSetWire = z.infer<typeof parameterSetWire>;

/** Any set as a beheerder sees it: proposed, approved or rejected. */
export const parameterSetRecord = z.intersection(
  domainValues,
  z.object({
    ...recordFields,
    status: z.enum(parameterSetStatuses),
    decidedBy: wireText().nullable(),
    decidedById: id.nullable(),
    decidedAt: isoDateTime.nullable(),
    decisionNote: wireText().nullable(),
  }),
);
export type ParameterSetRecord = z.infer<typeof parameterSetRecord>;

export const parameterSetList = z.object({ sets: z.array(parameterSetRecord) });
export type ParameterSetList = z.infer<typeof parameterSetList>;

/** The domain registry's form of an approved set. */
export function toApprovedParameterSet(
  set: Pick<ParameterSetWire, 'domain' | 'values' | 'id' | 'validFrom' | 'approvedAt'>,
): ApprovedParameterSet {
  return {
    domain: set.domain,
    set: { ...set.values, id: set.id, validFrom: set.validFrom },
    approvedAt: set.approvedAt,
  } as ApprovedParameterSet;
}
