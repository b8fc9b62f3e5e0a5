/** Money is integer euro cents everywhere; this is the only place that rounds. */

export type Cents = number;

export function isCents(value: number): value is Cents {
  return Number.isSafeInteger(value);
}

/**
 * Rounds a fractional amount of cents to whole cents, half away from zero
 * (the rule of the official BVV calculators; banker's rounding would differ on .5).
 */
export function roundCents(value: number): Cents {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}

export function percentOf(amount: Cents, percent: number): Cents {
  return roundCents((amount * percent) / 100);
}
