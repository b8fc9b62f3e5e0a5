import { createCjibApi, type CjibApi } from '../../shared/ipc/client';
import { fail, type Result } from '../../shared/ipc/result';

const tokenKey = 'cjib.launchToken';

/**
 * `window.cjib` for the browser host: the same contract over HTTP to 127.0.0.1. The host hands
 * the launch token over once in the address fragment; we keep it for this tab only.
 */
export function createHttpShim(win: Window): CjibApi {
  const token = takeLaunchToken(win);
  return createCjibApi(async (channel, request) => {
    try {
      const response = await win.fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CJIB-Token': token ?? '' },
        body: JSON.stringify({ channel, request }),
        credentials: 'same-origin',
      });
      if (response.headers.get('content-type')?.startsWith('application/json')) {
        return (await response.json()) as Result<unknown>;
      }
      return fail('forbidden', await response.text());
    } catch {
      return fail(
        'unavailable',
        'Geen verbinding met de app. Controleer of de app nog draait en laad de pagina opnieuw.',
      );
    }
  });
}

function takeLaunchToken(win: Window): string | null {
  const match = /[#&]token=([\w-]+)/.exec(win.location.hash);
  if (match?.[1]) {
    win.sessionStorage.setItem(tokenKey, match[1]);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return match[1];
  }
  return win.sessionStorage.getItem(tokenKey);
}
