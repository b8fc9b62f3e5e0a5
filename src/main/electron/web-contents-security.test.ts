import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from './web-contents-security';

// Electron cannot run on these machines; this stands in for WebContents' event surface only.
class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function attempt(contents: FakeWebContents, eventName: string, url: string): boolean {
  let prevented = false;
  contents.emit(eventName, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as never, (url) => opened.push(url));

  it('blocks navigation and redirects away from app://', () => {
    expect(attempt(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(attempt(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(attempt(contents, 'will-navigate', 'app://renderer/escalaties')).toBe(false);
  });

  it('denies every new window and every webview', () => {
    expect(contents.openHandler?.({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(attempt(contents, 'will-attach-webview', 'app://renderer/')).toBe(true);
  });

  it('hands a link to an official text to the system browser, and nothing else', () => {
    opened.length = 0;
    const law = 'https://wetten.overheid.nl/jci1.3:c:BWBR0001827&artikel=475da';
    expect(contents.openHandler?.({ url: law })).toEqual({ action: 'deny' });
    for (const url of [
      'https://example.org/',
      'http://wetten.overheid.nl/x',
      'https://wetten.overheid.nl.evil.example/x',
      'https://wetten.overheid.nl:8443/x',
      'file:///etc/passwd',
    ])
      contents.openHandler?.({ url });
    expect(opened).toEqual([law]);
  });
});
