import { redactFields, redactText } from '../logging/redact';
import type { RotatingLog } from '../logging/rotating-log';
import type { BackendLogger } from './backend';

/**
 * Structured log lines on stderr, and in the log file when there is one. Callers pass only
 * technical fields (channel, timings, counts); every line is redacted once more before it is
 * written (logging/redact.ts), so a slip never puts a BSN or a note into a log.
 */
export function createJsonLogger(component: string, file?: RotatingLog): BackendLogger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      component,
      message: redactText(message),
      ...(fields ? redactFields(fields) : {}),
    });
    process.stderr.write(`${line}\n`);
    try {
      file?.write(line);
    } catch {
      // a full or read-only disk must not stop the app; stderr still has the line
    }
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
