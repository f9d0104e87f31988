/**
 * Whether something carried by this person was put down in this very render. Things on the board
 * glide when they move (someone else's move, tidying up), but what one drops oneself is already
 * drawn where it lands: it must not glide there again from where it was picked up.
 */
import { useEffect, useRef } from 'react'

export function useLanding(carried: boolean): boolean {
  const wasCarried = useRef(carried)
  useEffect(() => {
    wasCarried.current = carried
  })
  return wasCarried.current && !carried
}
