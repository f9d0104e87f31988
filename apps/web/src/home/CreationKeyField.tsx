/**
 * The creation key, asked for once the relay said it needs one: a labelled field, and a box to keep
 * the key on this device. A refusal (no key, a wrong key) brings focus back here; the form that was
 * refused says in words what to do.
 */
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCreationKey } from '../access/creationKey'

export function CreationKeyField() {
  const { t } = useTranslation()
  const { key, remember, asked, problem, refusals, setKey, setRemember } = useCreationKey()
  const inputId = useId()
  const hintId = useId()
  const rememberHintId = useId()
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (refusals === 0) return
    input.current?.focus()
    input.current?.select()
  }, [refusals])
  if (!asked) return null
  return (
    <div className="create-board creation-key">
      <label htmlFor={inputId}>{t('home.creationKey.label')}</label>
      <input
        ref={input}
        id={inputId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        aria-invalid={problem !== null}
        aria-describedby={hintId}
        onChange={(event) => setKey(event.currentTarget.value)}
      />
      <p id={hintId} className="muted">
        {t('home.creationKey.hint')}
      </p>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={remember}
          aria-describedby={rememberHintId}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />
        {t('home.creationKey.remember')}
      </label>
      <p id={rememberHintId} className="muted">
        {t('home.creationKey.rememberHint')}
      </p>
    </div>
  )
}
