import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLang } from './api/client';
import { App } from './app/App';
import { loadMessages } from './i18n/catalog';
import { initialLang } from './i18n/I18nProvider';
import './app/styles.css';

// The catalogue of the reader's language loads before the first render, so
// no page ever shows untranslated message IDs.
const lang = initialLang();
setApiLang(lang);
document.documentElement.lang = lang;
const messages = await loadMessages(lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App lang={lang} messages={messages} />
  </StrictMode>,
);
