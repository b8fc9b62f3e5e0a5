import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/ipc/result';
import type { Backend } from '../backend/backend';
import { forwardBackendEvents, handleInvoke } from './ipc-bridge';

type Frame = { url: string; parent: Frame | null };

function backend(): Backend & { invoke: ReturnType<typeof vi.fn> } {
  return {
    invoke: vi.fn(() => Promise.resolve(ok({ appVersion: '1', schemaVersion: 10 }))),
    close: vi.fn(),
    subscribe: vi.fn(() => () => undefined),
  };
}

const event = (frame: Frame | null) => ({ senderFrame: frame }) as never;
const top: Frame = { url: 'app://renderer/werkvoorraad', parent: null };

describe('Electron IPC bridge', () => {
  it('forwards requests from the app’s own top frame', async () => {
    const b = backend();
    const result = await handleInvoke(b, event(top), 'app.info', {});
    expect(result.ok).toBe(true);
    expect(b.invoke).toHaveBeenCalledWith('app.info', {});
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['an app:// subframe', { url: 'app://renderer/frame.html', parent: top }],
    ['a destroyed frame', null],
  ])('refuses a request from %s without reaching the backend', async (_label, frame) => {
    const b = backend();
    const result = await handleInvoke(b, event(frame as Frame | null), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(b.invoke).not.toHaveBeenCalled();
  });
});

describe('backend events to the window', () => {
  it('sends each event on the event channel while the window lives, and stops when told', () => {
    let listener: ((event: never) => void) | undefined;
    const unsubscribe = vi.fn();
    const source = {
      subscribe: (l: (event: never) => void) => {
        listener = l;
        return unsubscribe;
      },
    };
    const sent: [string, unknown][] = [];
    let destroyed = false;
    const stop = forwardBackendEvents(source, {
      isDestroyed: () => destroyed,
      send: (channel, event) => sent.push([channel, event]),
    });
    listener?.({ type: 'changed', tags: [{ type: 'Claims' }] } as never);
    destroyed = true;
    listener?.({ type: 'changed', tags: [{ type: 'Tasks' }] } as never);
    expect(sent).toEqual([['cjib:event', { type: 'changed', tags: [{ type: 'Claims' }] }]]);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
