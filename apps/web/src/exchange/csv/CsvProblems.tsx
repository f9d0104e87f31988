/**
 * The rows that stop the import, each with its line number and what to fix, in the UI language.
 * A long list is cut, with the number left over, since the first few show what is wrong.
 */
import { MAX_NOTE_TEXT_LENGTH } from '@samla/board'
import { useTranslation } from 'react-i18next'
import type { RowProblem } from './csvCheck'

const SHOWN = 20

export function CsvProblems({ id, problems }: { readonly id: string; readonly problems: readonly RowProblem[] }) {
  const { t, i18n } = useTranslation()
  if (problems.length === 0) return null
  const max = new Intl.NumberFormat(i18n.resolvedLanguage).format(MAX_NOTE_TEXT_LENGTH)
  const text = (problem: RowProblem) =>
    problem.kind === 'colour'
      ? t('exchange.csv.problem.colour', { line: problem.line, value: problem.value })
      : t(`exchange.csv.problem.${problem.kind}`, { line: problem.line, max })
  return (
    <div className="csv-problems">
      <p id={id} className="form-error">
        {t('exchange.csv.problemsSummary', { count: problems.length })}
      </p>
      <ul>
        {problems.slice(0, SHOWN).map((problem) => (
          <li key={problem.line}>{text(problem)}</li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>{t('exchange.csv.problemsMore', { count: problems.length - SHOWN })}</p>}
    </div>
  )
}
