/**
 * A text field that shows shared text other people edit too: it is uncontrolled, and a
 * collaborator's change is written into it by hand with the caret rebased, so remote typing never
 * yanks the caret away (the value React would set moves it to the end).
 */
import { type RefObject, useLayoutEffect } from 'react'

/**
 * Where a caret belongs after the text under it changed elsewhere (a collaborator typing): edits
 * before the caret shift it, edits after it leave it alone, so remote typing never yanks it away.
 */
export function rebaseOffset(before: string, after: string, offset: number): number {
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before[start] === after[start]) start++
  let end = 0
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  if (offset <= start) return offset
  if (offset >= before.length - end) return offset + after.length - before.length
  return after.length - end
}

/** Keeps an uncontrolled field showing `value`, with its caret and selection rebased when it has focus. */
export function useRemoteText(ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const field = ref.current
    if (!field || field.value === value) return
    const { value: before, selectionStart, selectionEnd } = field
    const focused = document.activeElement === field
    field.value = value
    if (focused && selectionStart !== null && selectionEnd !== null) {
      field.setSelectionRange(rebaseOffset(before, value, selectionStart), rebaseOffset(before, value, selectionEnd))
    }
  }, [ref, value])
}
