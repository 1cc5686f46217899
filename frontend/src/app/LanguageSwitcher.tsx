import { useQueryClient } from '@tanstack/react-query';
import endonyms from 'virtual:endonyms';
import { type Lang, languages } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../components/Announcer';
import { saveLocale, useMe } from '../api/auth';
import { keys } from '../api/keys';

/**
 * LanguageSwitcher offers English / 日本語 / हिंदी, each written in itself.
 * The choice is remembered on this device and, when signed in, saved to the
 * account (PATCH /api/v1/me), so the API answers in it too.
 */
export function LanguageSwitcher() {
  const i18n = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const choose = async (lang: Lang) => {
    if (lang === i18n.lang) return;
    await i18n.setLang(lang);
    announce(endonyms[lang]);
    if (me && me.locale !== lang) {
      try {
        qc.setQueryData(keys.me, await saveLocale(lang));
      } catch {
        // The device remembers the choice even if the account could not be updated.
      }
    }
  };
  return (
    <div className="lang-switch" role="group" aria-label={i18n.t('web.nav.language')}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-switch__option"
          aria-pressed={lang === i18n.lang}
          onClick={() => void choose(lang)}
        >
          {endonyms[lang]}
        </button>
      ))}
    </div>
  );
}
