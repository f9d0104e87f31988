/**
 * A stacked note's stack in words where the note stands for it, as in the results: "2 lappar från
 * Kiruna och Haparanda–Tornio", so that a winning stack shows every board that had the idea.
 */
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useStackInfo } from './StackMark'

export function StackSummary({ id }: { readonly id: string }) {
  const { t } = useBoardLanguage()
  const stack = useStackInfo(id)
  if (!stack) return null
  return <span className="stack-summary">{t('stacks.summary', { count: stack.count, titles: stack.titles })}</span>
}
