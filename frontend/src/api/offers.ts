// Offers on an application: every revision, the organisation's offer or
// revision with its terms, and the candidate's answer to the revision they read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { applicationChanged } from './applications';
import { ApiError, client, type Handlers, unwrap } from './client';
import { keys } from './keys';
import type { Application, Offer, OfferRequest } from './types';

/** useOffers loads every revision of an application's offer, first first (texts in the reader's language). */
export function useOffers(applicationId: number, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.offers.list(lang, applicationId),
    queryFn: async () =>
      (await unwrap(client.GET('/api/v1/applications/{id}/offers', { params: { path: { id: applicationId } } }))).items,
    enabled,
  });
}

/** useMakeOffer sends the first offer (moving the application to offer) or a revision of it. */
export function useMakeOffer(applicationId: number, h: Handlers<Offer, OfferRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferRequest) =>
      unwrap(client.POST('/api/v1/applications/{id}/offers', { params: { path: { id: applicationId } }, body })),
    onSuccess: (o, v) => {
      void qc.invalidateQueries({ queryKey: keys.offers.all });
      void qc.invalidateQueries({ queryKey: keys.application.all });
      void qc.invalidateQueries({ queryKey: keys.myApplications.all });
      void qc.invalidateQueries({ queryKey: keys.roleApplications.all });
      return h.onSuccess?.(o, v);
    },
    onError: h.onError,
  });
}

/** The candidate's answer to one revision of the offer. */
export interface Answer {
  accept: boolean;
  revision: number;
}

/**
 * useAnswerOffer accepts or declines the revision the candidate read. When
 * the organisation revised the offer meanwhile (409 offer_revised) or the
 * answer is otherwise stale, the offers are fetched again so the new terms show.
 */
export function useAnswerOffer(applicationId: number, h: Handlers<Application, Answer> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ accept, revision }: Answer) => {
      const init = { params: { path: { id: applicationId } }, body: { revision } };
      return unwrap(
        accept ? client.POST('/api/v1/applications/{id}/accept', init) : client.POST('/api/v1/applications/{id}/decline', init),
      );
    },
    onSuccess: (a, v) => {
      applicationChanged(qc, a);
      void qc.invalidateQueries({ queryKey: keys.offers.all });
      return h.onSuccess?.(a, v);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void qc.invalidateQueries({ queryKey: keys.offers.all });
        void qc.invalidateQueries({ queryKey: keys.application.all });
      }
      h.onError?.(e);
    },
  });
}
