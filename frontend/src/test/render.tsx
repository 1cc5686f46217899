// Renders components the way the app does: server state, language,
// announcements and a router, in the language asked for.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { setApiLang } from '../api/client';
import { newQueryClient } from '../app/App';
import { AnnouncerProvider } from '../components/Announcer';
import { type Lang, loadLater, loadMessages } from '../i18n/catalog';
import { I18nProvider } from '../i18n/I18nProvider';

export async function renderWith(ui: ReactNode, { lang = 'en' as Lang, path = '/' } = {}) {
  const messages = await loadMessages(lang);
  await loadLater(lang);
  setApiLang(lang);
  const client = newQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider lang={lang} messages={messages} onChange={setApiLang}>
        <AnnouncerProvider>
          <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
        </AnnouncerProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** jsonResponse is a fetch Response with a JSON body. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** Where shows the current path (data-testid "where"), to check where a page sent the reader. */
function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

/** at routes element at path, and every other path to Where. */
export function at(path: string, element: ReactNode) {
  return (
    <Routes>
      <Route path={path} element={element} />
      <Route path="*" element={<Where />} />
    </Routes>
  );
}
