/**
 * The disk under the cache is full. SQLite then refuses the write (SQLITE_FULL) and rolls the
 * transaction back, so what was saved before stays as it was; the worker must hear that this
 * change was not saved, and what to do.
 */
export const storageFullMessage =
  'De schijf van deze computer is vol: deze wijziging is niet opgeslagen. Wat eerder was opgeslagen, blijft bewaard. Maak ruimte vrij of bel de servicedesk, en probeer het daarna opnieuw.';

/** At start: the cache cannot even be opened or brought up to date. */
export const storageFullAtStartMessage =
  'De schijf van deze computer is vol: de app kan haar gegevens niet openen. Er is niets verloren gegaan; beslissingen die nog niet verstuurd waren, staan nog in de app. Maak ruimte vrij of bel de servicedesk, en start de app daarna opnieuw.';

/**
 * SQLITE_IOERR_SHMSIZE: an existing cache in WAL mode cannot size its shared-memory file when the
 * disk is full, so opening it fails with "disk I/O error" before any write.
 */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_SHMSIZE';
}
