import { z } from 'zod';
import { taskKinds, taskQueues } from '../domain/taken';
import { claimKind, claimPhase } from '../ipc/schemas';
import { text } from '../validation/text';

export const taskSortKeys = ['dueDate', 'personName', 'outstanding', 'kind', 'phase', 'createdOn'] as const;
export type TaskSortKey = (typeof taskSortKeys)[number];

/** Free text for the FTS5 search over persons and claims; short so a query stays cheap. */
export const searchText = text().trim().max(100, 'Zoek op hoogstens 100 tekens.');

/** What a queue shows: which queue, sorted how, filtered on what. A saved view stores exactly this. */
export const savedViewDefinition = z
  .object({
    queue: z.enum(taskQueues),
    sort: z.enum(taskSortKeys),
    direction: z.enum(['asc', 'desc']),
    taskKind: z.enum(taskKinds).nullable(),
    claimKind: claimKind.nullable(),
    phase: claimPhase.nullable(),
    search: searchText,
  })
  .strict();
export type SavedViewDefinition = z.infer<typeof savedViewDefinition>;

export const savedViewName = text()
  .trim()
  .min(2, 'Geef de weergave een naam van minstens 2 tekens.')
  .max(80, 'Een naam is hoogstens 80 tekens.');
