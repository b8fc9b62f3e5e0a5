import { createCjibApi, type CjibApi } from '../../shared/ipc/client';
import { cacheTags, eventsPath } from '../../shared/ipc/events';
import { readServerSentEvents } from '../../shared/sse/read-server-sent-events';
import { fail, type Result } from '../../shared/ipc/result';

const tokenKey = 'cjib.launchToken';

/**
 * `window.cjib` for the browser host: the same contract over HTTP to 127.0.0.1. The host hands
 * the launch token over once in the address fragment; we keep it for this tab only.
 */
export function createHttpShim(win: Window): CjibApi {
  const token = takeLaunchToken(win);
  const api = createCjibApi(async (channel, request) => {
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
  return { ...api, subscribe: (listener) => streamEvents(win, token ?? '', listener) };
}

const retryMs = [1_000, 2_000, 5_000, 10_000];

/**
 * The backend's events as server-sent events over fetch (EventSource cannot send the token
 * header). A dropped stream is opened again; what happened meanwhile is unknown, so the screens
 * are then told that everything may have changed.
 */
function streamEvents(win: Window, token: string, listener: (event: unknown) => void): () => void {
  const stop = new AbortController();
  let failures = 0;
  let connectedBefore = false;
  const run = async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await win.fetch(eventsPath, {
          headers: { 'X-CJIB-Token': token },
          credentials: 'same-origin',
          signal: stop.signal,
        });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        if (connectedBefore) listener({ type: 'changed', tags: cacheTags.map((type) => ({ type })) });
        connectedBefore = true;
        failures = 0;
        await readServerSentEvents(response.body, (_name, data) => {
          try {
            listener(JSON.parse(data));
          } catch {
            // not JSON: the listener's validation would refuse it anyway
          }
        });
      } catch {
        if (stop.signal.aborted) return;
        failures++;
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs[Math.min(failures, retryMs.length - 1)]));
    }
  };
  void run();
  return () => stop.abort();
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
