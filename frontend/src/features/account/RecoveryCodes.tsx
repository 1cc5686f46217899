import { useState } from 'react';
import { useAnnounce } from '../../components/Announcer';
import { useI18n } from '../../i18n/I18nProvider';
import { saveFile } from './download';
import './enrol.css';

/** recoveryFile is the text file of recovery codes a person saves. */
export function recoveryFile(codes: string[], heading: string, email: string): string {
  return [heading, email, '', ...codes, ''].join('\n');
}

/**
 * RecoveryCodes shows freshly made recovery codes (shown this once) with
 * ways to keep them: download as a text file, copy.
 */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  const text = recoveryFile(codes, t('web.recovery.file_heading'), email);
  return (
    <div className="recovery">
      <ol className="recovery__codes" aria-label={t('web.recovery.list_label')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'setubashi-recovery-codes.txt')}
        >
          {t('web.recovery.download')}
        </button>
        {typeof navigator !== 'undefined' && navigator.clipboard && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void navigator.clipboard.writeText(text).then(
                () => {
                  setCopied(true);
                  announce(t('web.recovery.copied'));
                },
                () => announce(t('web.recovery.copy_failed')),
              )
            }
          >
            {copied ? t('web.recovery.copied') : t('web.recovery.copy')}
          </button>
        )}
      </div>
    </div>
  );
}
