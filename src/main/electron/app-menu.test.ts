import { describe, expect, it } from 'vitest';
import { productionMenu } from './app-menu';

describe('the production menu', () => {
  it('has no reload and no developer tools, by role or by shortcut', () => {
    const items = productionMenu.flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toContain('quit');
    for (const forbidden of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu']) {
      expect(roles).not.toContain(forbidden);
    }
    expect(items.some((item) => /R$|I$/.test(String(item.accelerator ?? '')))).toBe(false);
  });
});
