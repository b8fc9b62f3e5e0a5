import type { BackendLogger } from './backend';

/**
 * Structured log lines on stderr. Callers pass only technical fields (channel, timings, counts):
 * never request payloads, names or amounts, which may be personal data.
 */
export function createJsonLogger(component: string): BackendLogger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, component, message, ...fields })}\n`,
    );
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
