import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { RelayError } from '../api/transfer'
import { describeFailure } from './failure'

// The key stands for its text: what is tested is which explanation a refusal gets.
const t = ((key: string) => key) as unknown as TFunction

describe('[WY] a refusal explained', () => {
  it('[WY1] an import past what a board may hold is told as such, not as a file too large to send', () => {
    const refusal = new RelayError(413, 'import-too-large', 'The import holds 12000 notes')
    expect(describeFailure(t, refusal)).toEqual({ text: 'exchange.errors.importTooLarge', detail: null })
    expect(describeFailure(t, new RelayError(413, 'body-too-large', 'too big'))).toEqual({
      text: 'exchange.errors.tooLarge',
      detail: null,
    })
  })
})
