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
  hardenWebContents(contents as never);

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
});
