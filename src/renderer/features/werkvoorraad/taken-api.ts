import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

/** The queues: pages of tasks, their counts, and taking, handing back and finishing work. */
export const takenApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    taskQueue: build.query<ResponseOf<'taken.queue'>, RequestOf<'taken.queue'>>({
      query: (request) => ({ channel: 'taken.queue', request }),
      providesTags: ['Tasks'],
    }),
    taskCounts: build.query<ResponseOf<'taken.counts'>, void>({
      query: () => ({ channel: 'taken.counts', request: {} }),
      providesTags: ['Tasks', 'Reviews', 'Arrangements', 'Escalations'],
    }),
    claimTask: build.mutation<ResponseOf<'taken.claim'>, string>({
      query: (taskId) => ({ channel: 'taken.claim', request: { taskId } }),
      invalidatesTags: ['Tasks', 'Sync'],
    }),
    releaseTask: build.mutation<ResponseOf<'taken.release'>, string>({
      query: (taskId) => ({ channel: 'taken.release', request: { taskId } }),
      invalidatesTags: ['Tasks', 'Sync'],
    }),
    completeTask: build.mutation<ResponseOf<'taken.complete'>, string>({
      query: (taskId) => ({ channel: 'taken.complete', request: { taskId } }),
      invalidatesTags: ['Tasks', 'Sync'],
    }),
    assignPreview: build.mutation<ResponseOf<'taken.assignPreview'>, RequestOf<'taken.assignPreview'>>({
      query: (request) => ({ channel: 'taken.assignPreview', request }),
    }),
    assignTasks: build.mutation<ResponseOf<'taken.assign'>, RequestOf<'taken.assign'>>({
      query: (request) => ({ channel: 'taken.assign', request }),
      invalidatesTags: ['Tasks', 'Sync'],
    }),
    teamMembers: build.query<ResponseOf<'team.members'>, void>({
      query: () => ({ channel: 'team.members', request: {} }),
      providesTags: ['Team'],
    }),
    savedViews: build.query<ResponseOf<'views.list'>, void>({
      query: () => ({ channel: 'views.list', request: {} }),
      providesTags: ['Views'],
    }),
    saveView: build.mutation<ResponseOf<'views.save'>, RequestOf<'views.save'>>({
      query: (request) => ({ channel: 'views.save', request }),
      invalidatesTags: ['Views', 'Sync'],
    }),
    deleteView: build.mutation<ResponseOf<'views.delete'>, string>({
      query: (viewId) => ({ channel: 'views.delete', request: { viewId } }),
      invalidatesTags: ['Views', 'Sync'],
    }),
  }),
});

export const {
  useTaskQueueQuery,
  useTaskCountsQuery,
  useClaimTaskMutation,
  useReleaseTaskMutation,
  useCompleteTaskMutation,
  useAssignPreviewMutation,
  useAssignTasksMutation,
  useTeamMembersQuery,
  useSavedViewsQuery,
  useSaveViewMutation,
  useDeleteViewMutation,
} = takenApi;
