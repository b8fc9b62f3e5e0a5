/**
 * Every computed amount or recommendation carries its inputs, the parameter set it used and a rule
 * trace in plain Dutch, so an objection can be answered years later (DESIGN.md "Decisions are
 * explainable"). A step resting on an unconfirmed rule or parameter says so, and a step that rests
 * on a law article or a publication names it, with an address the worker can open.
 */
export interface TraceSource {
  /** The article or publication, as a person cites it ("art. 475da Rv"). */
  label: string;
  /** Where the official text can be read, when there is one. */
  url?: string | undefined;
}

export interface TraceStep {
  /** Stable rule id, for tests and for search in stored decisions. */
  rule: string;
  /** The step in plain Dutch, with the amounts it used. */
  text: string;
  /** True when the step rests on an open (unconfirmed) rule, parameter or a worker's correction. */
  unconfirmed?: boolean;
  source?: TraceSource | undefined;
}

export interface Explained<Value, Inputs> {
  value: Value;
  inputs: Inputs;
  parameterSet: { id: string; validFrom: string };
  trace: TraceStep[];
}

export function step(rule: string, text: string, unconfirmed = false, source?: TraceSource): TraceStep {
  return { rule, text, ...(unconfirmed ? { unconfirmed } : {}), ...(source ? { source } : {}) };
}
