import type { Session, WebContents } from 'electron';
import { loketMediaTypes, normalizedDocumentName, type LoketMediaType } from '../../shared/api/loket';
import { isAppUrl } from '../security/app-origin';

/**
 * The only outside addresses the app links to: the official texts a rule rests on (trace steps
 * name them). They open in the system browser, never in an app window.
 */
export function isOfficialTextUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === 'wetten.overheid.nl' && parsed.port === '';
  } catch {
    return false;
  }
}

/**
 * Applied to every WebContents the app creates: no navigation away from app://, no new windows,
 * no <webview>. A link to an official text is handed to the system browser (`openExternal`);
 * every other outside address is refused.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void = () => {}): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isOfficialTextUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The name a download may be saved under, or null to refuse it: only what the app offers (letters
 * as PDF, Loket documents as PDF or JPEG), and the extension always the one of its type, whatever
 * the name says ("loonstrook.pdf.cmd" becomes "loonstrook-pdf-cmd.pdf").
 */
export function safeDownloadName(fileName: string, mimeType: string): string | null {
  return (loketMediaTypes as readonly string[]).includes(mimeType)
    ? normalizedDocumentName(fileName, mimeType as LoketMediaType)
    : null;
}

interface DownloadItemLike {
  getFilename(): string;
  getMimeType(): string;
  cancel(): void;
  setSaveDialogOptions(options: { defaultPath: string }): void;
}

/** Every download of the session passes `safeDownloadName`: refused, or offered under that name. */
export function guardDownloads(session: Pick<Session, 'on'>): void {
  session.on('will-download', (_event, item: DownloadItemLike) => {
    const name = safeDownloadName(item.getFilename(), item.getMimeType());
    if (name === null) item.cancel();
    else item.setSaveDialogOptions({ defaultPath: name });
  });
}

/** Deny-by-default for every permission (camera, notifications, clipboard-read, …). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    // The renderer only ever loads app:// and DevTools' own resources.
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}
