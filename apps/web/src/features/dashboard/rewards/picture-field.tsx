import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/index.ts';
import { CatalogueArt } from '../../rewards/catalogue-art.tsx';
import type { ArtSubject } from '../../rewards/catalogue-art.tsx';
import { FieldError } from './field-error.tsx';
import { pictureProblem, pictureTypes } from './picture-rules.ts';
import type { PictureChange, PictureProblem } from './picture-rules.ts';
import './picture.css';

export interface PictureFieldProps {
  /** The saved picture; null when there is none. */
  currentUrl: string | null;
  change: PictureChange;
  onChange: (change: PictureChange) => void;
  /** What stands in for a missing picture (the offer's category, or a cause). */
  art: ArtSubject;
}

const problemKeys: Record<PictureProblem, 'partnerRewards.image.tooLarge' | 'partnerRewards.image.unsupportedType' | 'partnerRewards.image.empty'> = {
  'too-large': 'partnerRewards.image.tooLarge',
  'unsupported-type': 'partnerRewards.image.unsupportedType',
  empty: 'partnerRewards.image.empty',
};

/**
 * An offer's or cause's picture in its form: a 16:10 preview as the app will crop it, and choose,
 * replace, remove or keep. Nothing is sent until the form is saved.
 */
export function PictureField({ currentUrl, change, onChange, art }: PictureFieldProps) {
  const { t } = useTranslation();
  const base = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<PictureProblem | undefined>(undefined);
  const file = change.kind === 'replace' ? change.file : undefined;
  const [previewUrl, setPreviewUrl] = useState<string | undefined>(undefined);
  // An object URL holds the file in memory: let it go once it is no longer shown.
  useEffect(() => {
    if (!file) {
      setPreviewUrl(undefined);
      return undefined;
    }
    const url = URL.createObjectURL(file);
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    // Cleared, so choosing the same file again still counts.
    event.target.value = '';
    if (!chosen) return;
    const found = pictureProblem(chosen);
    setProblem(found);
    if (!found) onChange({ kind: 'replace', file: chosen });
  }

  const shown = change.kind === 'replace' ? previewUrl : change.kind === 'remove' ? undefined : (currentUrl ?? undefined);
  const status = change.kind === 'replace' ? t('partnerRewards.image.pending') : change.kind === 'remove' ? t('partnerRewards.image.removing') : currentUrl ? undefined : t('partnerRewards.image.none');
  const hasPicture = change.kind === 'replace' || (change.kind === 'keep' && currentUrl !== null);
  return (
    <div className="hb-pr-picture" role="group" aria-labelledby={`${base}-label`} aria-describedby={`${base}-hint`}>
      <p id={`${base}-label`} className="hb-field__label">
        {t('partnerRewards.image.label')}
      </p>
      <p id={`${base}-hint`} className="hb-field__hint">
        {t('partnerRewards.image.hint')}
      </p>
      <div className="hb-pr-picture__row">
        <div className="hb-pr-picture__preview" data-testid="picture-preview">
          {shown ? <img src={shown} alt={change.kind === 'replace' ? t('partnerRewards.image.previewAlt') : t('partnerRewards.image.currentAlt')} /> : <CatalogueArt of={art} />}
        </div>
        <div className="hb-pr-picture__actions">
          {status ? (
            <p className="hb-field__hint" role="status">
              {status}
            </p>
          ) : null}
          <input ref={input} type="file" accept={pictureTypes.join(',')} hidden onChange={choose} data-testid="picture-input" />
          <Button size="sm" variant="secondary" aria-describedby={problem ? `${base}-problem` : undefined} onClick={() => input.current?.click()}>
            {hasPicture ? t('partnerRewards.image.replace') : t('partnerRewards.image.choose')}
          </Button>
          {hasPicture ? (
            <Button size="sm" variant="ghost" onClick={() => onChange(currentUrl ? { kind: 'remove' } : { kind: 'keep' })}>
              {t('partnerRewards.image.remove')}
            </Button>
          ) : null}
          {change.kind !== 'keep' && currentUrl ? (
            <Button size="sm" variant="ghost" onClick={() => onChange({ kind: 'keep' })}>
              {t('partnerRewards.image.keep')}
            </Button>
          ) : null}
        </div>
      </div>
      <FieldError id={`${base}-problem`} message={problem ? t(problemKeys[problem]) : undefined} />
    </div>
  );
}
