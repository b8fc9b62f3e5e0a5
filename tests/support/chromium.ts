import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumInstallHint = 'sudo apt-get update && sudo apt-get install -y chromium';

export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/**
 * Debian's chromium, headless, with the flags this machine's closed network needs (TOOLCHAIN.md).
 * playwright-core gives every launch a fresh, empty user-data dir of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=nl-NL',
    ],
  });
}
