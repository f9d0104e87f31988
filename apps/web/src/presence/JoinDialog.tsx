/**
 * Asks a person joining a board how the others should see them: name and organisation or
 * department, remembered on this device so it is asked once. Both are required, except on an
 * anonymous board (notes carry no names there, so neither need the people) and for viewers, who
 * write nothing. Escape closes it like any dialog; the person is then asked again next time.
 */
import { MAX_AUTHOR_NAME_LENGTH } from '@samla/board'
import { type FormEvent, type Ref, useId, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { focusCanvas } from '../lib/focusCanvas'
import { Dialog } from '../components/Dialog'
import { requestProfileEdit, saveProfile, useJoinAnswered, useProfile, useProfileEditRequested } from './profile'

function useAnonymous(): boolean {
  const { control } = useBoard()
  return useSyncExternalStore(control.subscribeControl, () => control.getControl().anonymous)
}

interface FieldProps {
  readonly label: string
  readonly value: string
  readonly error: string | null
  readonly required: boolean
  readonly autoComplete: string
  readonly inputRef?: Ref<HTMLInputElement>
  readonly onChange: (value: string) => void
}

function Field({ label, value, error, required, autoComplete, inputRef, onChange }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="join-field">
      <label htmlFor={id}>
        {label} {!required && <span className="muted">{t('editing.join.optional')}</span>}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        value={value}
        maxLength={MAX_AUTHOR_NAME_LENGTH}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

interface JoinFormProps {
  readonly anonymous: boolean
  readonly required: boolean
  readonly close: () => void
}

function JoinForm({ anonymous, required, close }: JoinFormProps) {
  const { t } = useTranslation()
  const profile = useProfile()
  const [name, setName] = useState(profile.name)
  const [organisation, setOrganisation] = useState(profile.organisation)
  const [tried, setTried] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const organisationRef = useRef<HTMLInputElement>(null)
  const nameError = tried && required && !name.trim() ? t('editing.join.nameRequired') : null
  const organisationError = tried && required && !organisation.trim() ? t('editing.join.organisationRequired') : null

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (required && !name.trim()) return nameRef.current?.focus()
    if (required && !organisation.trim()) return organisationRef.current?.focus()
    saveProfile(name, organisation)
    close()
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{anonymous ? t('editing.join.introAnonymous') : t('editing.join.intro')}</p>
      <Field
        label={t('editing.join.name')}
        value={name}
        error={nameError}
        required={required}
        autoComplete="nickname"
        inputRef={nameRef}
        onChange={setName}
      />
      <Field
        label={t('editing.join.organisation')}
        value={organisation}
        error={organisationError}
        required={required}
        autoComplete="organization"
        inputRef={organisationRef}
        onChange={setOrganisation}
      />
      <div className="dialog-actions">
        {!required && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              saveProfile(profile.name, profile.organisation)
              close()
            }}
          >
            {t('editing.join.skip')}
          </button>
        )}
        <button type="submit" className="button button--primary">
          {t('editing.join.submit')}
        </button>
      </div>
    </form>
  )
}

export function JoinDialog() {
  const { t } = useTranslation()
  const { role } = useBoard()
  const anonymous = useAnonymous()
  const profile = useProfile()
  const answered = useJoinAnswered()
  const editRequested = useProfileEditRequested()
  const [dismissed, setDismissed] = useState(false)
  const required = !anonymous && role !== 'viewer'
  const complete = profile.name.trim() !== '' && profile.organisation.trim() !== ''
  if (!editRequested && (dismissed || complete || (answered && !required))) return null
  // Closed, the dialog hands focus back to the board rather than to the page as a whole.
  const close = () => {
    setDismissed(true)
    requestProfileEdit(false)
    focusCanvas()
  }
  return (
    <Dialog heading={t('editing.join.heading')} className="join-dialog" onClose={close}>
      {(closeDialog) => (
        <JoinForm
          anonymous={anonymous}
          required={required}
          close={() => {
            closeDialog()
            requestProfileEdit(false)
            focusCanvas()
          }}
        />
      )}
    </Dialog>
  )
}
