import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { holdSingleInstance } from './single-instance';

// Electron's binary cannot run here; the lock's contract is what matters: one holder, the rest quit.
function fakeApp(lockHeldElsewhere: boolean) {
  const events = new EventEmitter();
  let held = false;
  return {
    events,
    requestSingleInstanceLock: vi.fn(() => {
      if (lockHeldElsewhere || held) return false;
      held = true;
      return true;
    }),
    on: vi.fn((event: string, listener: () => void) => events.on(event, listener)),
    quit: vi.fn(),
  };
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: vi.fn(() => minimized), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('one instance of the app', () => {
  it('lets the first start run, and brings its window forward when the app is started again', () => {
    const app = fakeApp(false);
    const window = fakeWindow(true);
    expect(holdSingleInstance(app as never, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.events.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('makes a second start quit before it opens anything', () => {
    const app = fakeApp(true);
    expect(holdSingleInstance(app as never, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });
});
