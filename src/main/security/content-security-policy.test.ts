import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) =>
  new Set(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean),
  );

describe('content security policy', () => {
  it('is the same in the renderer’s meta tag as in the hosts’ header (less frame-ancestors, header-only)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = directives(contentSecurityPolicy);
    header.delete("frame-ancestors 'none'");
    expect(directives(meta ?? '')).toEqual(header);
  });

  it('allows no inline script, no eval and no foreign origins', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
  });
});
