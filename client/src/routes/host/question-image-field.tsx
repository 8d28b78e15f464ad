import { MAX_IMAGE_UPLOAD_BYTES } from '@quizbus/shared';
import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { uploadImage } from '../../net/file-api.ts';
import type { DraftQuestion } from './quiz-draft.ts';

interface QuestionImageFieldProps {
  q: DraftQuestion;
  index: number;
  error: string | undefined;
  path: string;
  onChange: (patch: Partial<DraftQuestion>) => void;
}

/**
 * A question's image: a link to type, or a file to upload with the picker or by dropping it
 * anywhere on the field. The server checks and shrinks the upload; its `/media/…` path goes
 * into the same imageUrl. A preview shows what the big screen will show; the check box
 * decides whether phones show it too (docs/client.md, "Images on phones").
 */
export function QuestionImageField({ q, index, error, path, onChange }: QuestionImageFieldProps) {
  const t = useT();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const send = (file: File) => {
    setFailed(null);
    setBusy(true);
    uploadImage(file)
      .then((image) => onChange({ imageUrl: image.url }))
      .catch((err: unknown) => setFailed(`${file.name}: ${apiErrorText(t, err)}`))
      .finally(() => setBusy(false));
  };
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) send(file);
  };
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file && !busy) send(file);
  };
  const over = (e: DragEvent<HTMLDivElement>) => {
    // Without preventDefault the browser would open the dropped file instead.
    e.preventDefault();
    setDragging(true);
  };

  const url = q.imageUrl.trim();
  return (
    <div
      className={`image-field${dragging ? ' image-field--dragging' : ''}`}
      data-image-drop={path}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <TextField label={t('editor.image')} inputMode="url" value={q.imageUrl} onChange={(imageUrl) => onChange({ imageUrl })} error={error} path={path} />
      <div className="image-field__upload">
        {url && !error ? <img className="image-field__preview" src={url} alt={t('editor.imagePreview', { question: index + 1 })} referrerPolicy="no-referrer" /> : null}
        <label className={`button button--small${busy ? ' button--disabled' : ''}`} htmlFor={inputId}>
          {busy ? t('editor.imageUploading') : t('editor.imageUpload')}
        </label>
        <input id={inputId} className="sr-only" type="file" accept="image/png,image/jpeg,image/webp,image/gif" disabled={busy} onChange={pick} />
        <span className="muted">{t('editor.imageDropHint', { size: MAX_IMAGE_UPLOAD_BYTES / (1024 * 1024) })}</span>
        {url ? (
          <button type="button" className="button button--small button--quiet" onClick={() => onChange({ imageUrl: '', imageOnPhones: false })}>
            {t('editor.imageRemove')}
          </button>
        ) : null}
      </div>
      {failed ? (
        <p className="field__error" role="alert">
          {failed}
        </p>
      ) : null}
      {url ? (
        <label className="check">
          <input type="checkbox" checked={q.imageOnPhones} onChange={(e) => onChange({ imageOnPhones: e.target.checked })} />
          <span className="check__label">{t('editor.imageOnPhones')}</span>
        </label>
      ) : null}
    </div>
  );
}
