import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardDownloads, hardenWebContents, safeDownloadName } from './web-contents-security';

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

describe('downloads', () => {
  it('offers PDF and JPEG only, under a name whose extension is its type’s, never the sender’s', () => {
    expect(safeDownloadName('loonstrook.pdf.cmd', 'application/pdf')).toBe('loonstrook-pdf-cmd.pdf');
    expect(safeDownloadName('besluit-betalingsregeling-6f1c2a9e.pdf', 'application/pdf')).toBe(
      'besluit-betalingsregeling-6f1c2a9e.pdf',
    );
    expect(safeDownloadName('huur contract.jpeg', 'image/jpeg')).toBe('huur contract.jpg');
    expect(safeDownloadName('../../.bashrc', 'application/pdf')).toBe('bashrc.pdf');
    expect(safeDownloadName('setup.exe', 'application/x-msdownload')).toBeNull();
    expect(safeDownloadName('foto.svg', 'image/svg+xml')).toBeNull();
  });

  it('cancels a download of another type, and starts the save dialog from the safe name', () => {
    const session = new EventEmitter();
    guardDownloads(session as never);
    const item = (fileName: string, mimeType: string) => {
      const seen = { cancelled: false, defaultPath: '' };
      session.emit(
        'will-download',
        {},
        {
          getFilename: () => fileName,
          getMimeType: () => mimeType,
          cancel: () => (seen.cancelled = true),
          setSaveDialogOptions: (options: { defaultPath: string }) => (seen.defaultPath = options.defaultPath),
        },
      );
      return seen;
    };
    expect(item('loonstrook.pdf.cmd', 'application/pdf')).toEqual({
      cancelled: false,
      defaultPath: 'loonstrook-pdf-cmd.pdf',
    });
    expect(item('run.cmd', 'application/octet-stream')).toEqual({ cancelled: true, defaultPath: '' });
  });
});
