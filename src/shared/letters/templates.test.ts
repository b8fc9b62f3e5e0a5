import { describe, expect, it } from 'vitest';
import { debtorTemplates, fillTemplate, TemplateError, victimTemplates } from './templates';

describe('letter templates', () => {
  it('fills every placeholder and leaves no braces', () => {
    const text = fillTemplate(
      victimTemplates.verlof,
      {
        naam: 'mevrouw De Boer',
        gebeurtenis: 'langdurend re-integratieverlof',
        datum: '12-12-2026',
        kenmerk: 'AB12CD34',
      },
      { telefoon: '058 - 000 00 00', iban: 'NL91 ABNA 0417 1643 00' },
    );
    expect(text[0]).toBe('Beste mevrouw De Boer,');
    expect(text.join(' ')).toContain('Bel ons op werkdagen op 058 - 000 00 00 en noem ons kenmerk AB12CD34.');
    expect(text.join(' ')).toContain('de dader langdurend re-integratieverlof krijgt. Dit begint op 12-12-2026.');
    expect(text.join(' ')).not.toMatch(/[{}]/);
  });

  it('refuses a missing field and a field the template does not have', () => {
    expect(() => fillTemplate(debtorTemplates.eerste_aanmaning, { naam: 'J. Jansen' } as never)).toThrow(TemplateError);
    expect(() =>
      fillTemplate(victimTemplates.ontvluchting, {
        naam: 'x',
        gebeurtenis: 'x',
        datum: 'x',
        kenmerk: 'x',
        adres: 'Lindelaan 1',
      } as never),
    ).toThrow(/kent het veld adres niet/);
  });

  it("takes CJIB's own phone and account only from the organisation's details, never from a field", () => {
    const values = { naam: 'x', gebeurtenis: 'x', datum: 'x', kenmerk: 'x' };
    expect(() => fillTemplate(victimTemplates.verlof, values)).toThrow(/mist het veld cjib\.telefoon/);
    expect(() => fillTemplate(victimTemplates.verlof, { ...values, 'cjib.telefoon': '112' } as never)).toThrow(
      /kent het veld cjib\.telefoon niet/,
    );
  });

  it('gives letters to a betrokkene no field that could carry victim data', () => {
    for (const template of Object.values(debtorTemplates)) {
      expect(template.audience).toBe('betrokkene');
      expect(template.fields.some((f) => /slachtoffer|adres|telefoon|email|gebeurtenis/i.test(f))).toBe(false);
      expect(template.paragraphs.join(' ')).not.toMatch(/slachtoffer/i);
    }
    for (const template of Object.values(victimTemplates)) expect(template.audience).toBe('slachtoffer');
  });
});
