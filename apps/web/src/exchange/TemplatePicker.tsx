/**
 * The templates a new board can start from, as a radio group of cards: each template's name and
 * what it is for, in the UI language. Arrow keys move between them, as in any radio group.
 */
import { type BoardTemplate, TEMPLATES } from '@samla/board'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { exchangeLanguage } from './language'

export type TemplateId = BoardTemplate['id']

export function TemplatePicker({
  value,
  onChange,
}: {
  readonly value: TemplateId
  readonly onChange: (id: TemplateId) => void
}) {
  const { t, i18n } = useTranslation()
  const language = exchangeLanguage(i18n.resolvedLanguage)
  const group = useId()
  return (
    <fieldset className="template-picker">
      <legend>{t('exchange.templates.legend')}</legend>
      <div className="template-cards">
        {TEMPLATES.map((template) => (
          <label key={template.id} className="template-card">
            <input
              type="radio"
              name={group}
              value={template.id}
              checked={value === template.id}
              aria-labelledby={`${group}-${template.id}-name`}
              aria-describedby={`${group}-${template.id}`}
              onChange={() => onChange(template.id)}
            />
            <span id={`${group}-${template.id}-name`} className="template-name">
              {template.name[language]}
            </span>
            <span id={`${group}-${template.id}`} className="template-description">
              {template.description[language]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
