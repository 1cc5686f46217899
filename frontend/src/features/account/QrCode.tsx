import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import './enrol.css';

/** svgDataUri renders text as a QR code (an SVG data URI), loading the encoder on first use. */
export async function svgDataUri(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * QrCode shows text as a QR code drawn in the browser (the encoder is its
 * own chunk, loaded only here). If that chunk cannot be loaded it shows the
 * server's rendering of the same text (fallback), if any.
 */
export function QrCode({ text, fallback, label }: { text: string; fallback?: string; label: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    svgDataUri(text).then(
      (uri) => live && setSrc(uri),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text]);
  const shown = src ?? (failed ? fallback : undefined);
  return (
    <div className="qr" data-testid="qr">
      {shown ? (
        <img className="qr__image" src={shown} alt={label} width={220} height={220} />
      ) : failed ? (
        <p className="qr__missing">{t('web.enrol.qr_failed')}</p>
      ) : (
        <span className="spinner" role="img" aria-label={t('web.common.loading')} />
      )}
    </div>
  );
}
