import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const reviewsApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    reviews: build.query<ResponseOf<'reviews.list'>, void>({
      query: () => ({ channel: 'reviews.list', request: {} }),
      providesTags: ['Reviews'],
    }),
    dropReview: build.mutation<ResponseOf<'reviews.drop'>, string>({
      query: (commandId) => ({ channel: 'reviews.drop', request: { commandId } }),
      invalidatesTags: ['Reviews'],
    }),
    redoReview: build.mutation<ResponseOf<'reviews.redo'>, string>({
      query: (commandId) => ({ channel: 'reviews.redo', request: { commandId } }),
      invalidatesTags: ['Reviews', 'Notes', 'Sync'],
    }),
  }),
});

export const { useReviewsQuery, useDropReviewMutation, useRedoReviewMutation } = reviewsApi;
