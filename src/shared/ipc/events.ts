import { z } from 'zod';
import { text } from '../validation/text';
import { syncStatus } from './contract';

/**
 * What the backend tells the screens without being asked, over the same host bridge as the calls
 * (Electron IPC, or a server-sent event stream in the browser host). The renderer validates each
 * event like any answer and acts on it in a listener middleware (renderer/app/backend-events.ts).
 */

/** The cached data a pull from the central API can change: RTK Query's tag types for them. */
export const cacheTags = [
  'Claims',
  'Notes',
  'Reviews',
  'Arrangements',
  'Escalations',
  'Victims',
  'Tasks',
  'Views',
  'Team',
  'ParameterSets',
] as const;
export type CacheTag = (typeof cacheTags)[number];

/** The id every list query of a type provides (RTK's convention), invalidated on any change of that type. */
export const listTagId = 'LIST';

export const changedTag = z.object({ type: z.enum(cacheTags), id: text().max(100).optional() }).strict();
export type ChangedTag = z.infer<typeof changedTag>;

export const backendEvent = z.discriminatedUnion('type', [
  /** Rows under these tags changed in the cache (a pull, a push's outcome): the screens showing them refetch. */
  z.object({ type: z.literal('changed'), tags: z.array(changedTag).max(500) }).strict(),
  /** The sync state moved (connection, progress, waiting changes, last sync): the header shows it at once. */
  z.object({ type: z.literal('syncStatus'), status: syncStatus }).strict(),
]);
export type BackendEvent = z.infer<typeof backendEvent>;

/** Name of the Electron IPC channel that carries backend events to the window. */
export const electronEventChannel = 'cjib:event';
/** Path of the browser host's event stream (server-sent events). */
export const eventsPath = '/api/events';
