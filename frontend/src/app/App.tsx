import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError, setApiLang } from '../api/client';
import { AnnouncerProvider } from '../components/Announcer';
import type { Lang, Messages } from '../i18n/catalog';
import { I18nProvider } from '../i18n/I18nProvider';
import { createRouter } from './router';

/** newQueryClient: no retries for answers that will not change (4xx), short ones otherwise. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** App wires the providers: server state, language, announcements, routes. */
export function App({ lang, messages }: { lang: Lang; messages: Messages }) {
  const [queryClient] = useState(newQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang} messages={messages} onChange={setApiLang}>
        <AnnouncerProvider>
          <RouterProvider router={router} />
        </AnnouncerProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
