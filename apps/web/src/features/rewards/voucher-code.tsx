import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrDataUrl } from '../connections/qr-image.ts';
import { LoadingState } from '../../ui/index.ts';
import { formatShortCode, spokenShortCode } from './short-code.ts';

/** What the till scans (a QR of `code`) and what it types when it cannot (the short code, large). */
export function VoucherCode({ code, shortCode, title }: { code: string; shortCode: string | null; title: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<{ code: string; url: string } | 'failed' | undefined>(undefined);

  useEffect(() => {
    let live = true;
    qrDataUrl(code, 288).then(
      (url) => {
        if (live) setImage({ code, url });
      },
      () => {
        if (live) setImage('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <div className="hb-voucher-code" data-testid="voucher-code">
      <p className="hb-rewards-muted">{t('rewards.voucher.show')}</p>
      {image === undefined ? <LoadingState label={t('rewards.voucher.loading')} /> : null}
      {image === 'failed' ? <p className="hb-rewards-muted">{t('rewards.voucher.qrFailed')}</p> : null}
      {typeof image === 'object' ? (
        <img className="hb-voucher-code__qr" src={image.url} alt={t('rewards.voucher.qrAlt', { title })} width={288} height={288} data-code={image.code} />
      ) : null}
      {shortCode ? (
        <>
          <p className="hb-voucher-code__label">{t('rewards.voucher.shortCode')}</p>
          <p className="hb-voucher-code__short" data-testid="voucher-short-code" data-code={formatShortCode(shortCode)} translate="no">
            <span aria-hidden="true">{formatShortCode(shortCode)}</span>
            <span className="hb-visually-hidden">{spokenShortCode(shortCode)}</span>
          </p>
        </>
      ) : null}
    </div>
  );
}
