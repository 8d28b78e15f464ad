import type { ErrorCode } from '@quizbus/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { BrandLogo } from '../../components/brand-logo.tsx';
import { errorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { loadPlayerSeat, savePlayerSeat } from '../../net/storage.ts';
import { navigate } from '../../router/router.tsx';
import { NicknameField, nicknameTooLong } from './nickname-field.tsx';

const PIN_ERRORS: ReadonlySet<ErrorCode> = new Set(['GAME_NOT_FOUND', 'GAME_LOCKED', 'GAME_STARTED', 'GAME_ENDED', 'BAD_REQUEST']);

/**
 * `/`: a student types the PIN (prefilled from `?pin=`, the QR code's link) and a nickname.
 * Errors appear next to the field they are about.
 */
export function JoinPage({ search }: { search: string }) {
  const t = useT();
  const params = new URLSearchParams(search);
  const initialPin = (params.get('pin') ?? '').replace(/\D/g, '').slice(0, 6);
  const [pin, setPin] = useState(initialPin);
  const [nickname, setNickname] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  // Shown once the game says it asks for a name or student id (STUDENT_ID_REQUIRED).
  const [askId, setAskId] = useState(false);
  const [studentId, setStudentId] = useState('');
  const [idError, setIdError] = useState<string | null>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const seat = loadPlayerSeat();
  const nameRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const ids = { pin: useId(), pinError: useId(), id: useId(), idHint: useId(), idError: useId() };

  useEffect(() => {
    if (askId) idRef.current?.focus();
  }, [askId]);

  useEffect(() => {
    // With the PIN from the QR code, the nickname is all that is left to type.
    (initialPin.length === 6 ? nameRef : pinRef).current?.focus();
  }, [initialPin]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPinError(null);
    setNameError(null);
    setIdError(null);
    if (!/^\d{6}$/.test(pin)) {
      setPinError(t('join.pinFormat'));
      pinRef.current?.focus();
      return;
    }
    // Too long: the message is already under the field.
    if (nicknameTooLong(nickname)) {
      nameRef.current?.focus();
      return;
    }
    // An empty nickname still goes: a game that hands out nicknames needs none, and the others say so.
    setBusy(true);
    // Socket.IO loads with the play screen (preloaded while the student types), not before the
    // join page can show: a slow phone draws the PIN field sooner (docs/phone-budget.md).
    const loaded = await import('../../net/player-client.ts').catch(() => null);
    if (!loaded) {
      setBusy(false);
      setPinError(t('error.network'));
      return;
    }
    const ack = await loaded.playerClient().join(pin, nickname.trim(), askId ? studentId.trim() : undefined);
    setBusy(false);
    if (ack.ok) {
      savePlayerSeat({ pin, sessionToken: ack.sessionToken, playerId: ack.playerId, nickname: ack.view.me.nickname });
      navigate('/play');
      return;
    }
    const message = errorText(t, ack.error, pin);
    if (ack.error.code === 'STUDENT_ID_REQUIRED' || ack.error.code === 'STUDENT_ID_INVALID') {
      // The first time, the field appears and takes the focus: its hint says why. After
      // that, the refusal shows under it.
      if (askId) {
        setIdError(message);
        idRef.current?.focus();
      }
      setAskId(true);
    } else if (PIN_ERRORS.has(ack.error.code)) {
      setPinError(message);
      pinRef.current?.focus();
    } else {
      setNameError(message);
      nameRef.current?.focus();
    }
  };

  return (
    <main className="join">
      <LanguageSwitch className="join__language" />
      <BrandLogo as="h1" className="join__brand" />
      <form className="join__form card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.pin}>{t('join.pin')}</label>
          <input
            id={ids.pin}
            ref={pinRef}
            className="input input--pin"
            inputMode="numeric"
            autoComplete="off"
            pattern="[0-9]{6}"
            maxLength={6}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
            aria-invalid={pinError ? true : undefined}
            aria-describedby={pinError ? ids.pinError : undefined}
          />
          {pinError ? (
            <p id={ids.pinError} className="field__error" role="alert">
              {pinError}
            </p>
          ) : null}
        </div>
        <NicknameField value={nickname} onChange={setNickname} error={nameError} inputRef={nameRef} />
        {askId ? (
          <div className="field">
            <label htmlFor={ids.id}>{t('join.studentId')}</label>
            <input
              id={ids.id}
              ref={idRef}
              className="input"
              autoComplete="name"
              maxLength={64}
              value={studentId}
              onChange={(e) => setStudentId(e.target.value)}
              aria-invalid={idError ? true : undefined}
              aria-describedby={idError ? `${ids.idHint} ${ids.idError}` : ids.idHint}
            />
            <p id={ids.idHint} className="field__hint">
              {t('join.studentIdHint')}
            </p>
            {idError ? (
              <p id={ids.idError} className="field__error" role="alert">
                {idError}
              </p>
            ) : null}
          </div>
        ) : null}
        <button type="submit" className="button button--primary button--large button--block" disabled={busy}>
          {busy ? t('join.joining') : t('join.join')}
        </button>
      </form>
      {seat ? (
        <p className="join__resume">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => navigate('/play')}
          >
            {t('join.resume', { pin: seat.pin, nickname: seat.nickname })}
          </button>
        </p>
      ) : null}
      <p className="join__teacher">
        {t('join.teacher')} <a href="/host">{t('join.hostQuiz')}</a>
      </p>
    </main>
  );
}
