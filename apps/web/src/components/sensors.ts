/**
 * dnd-kit sensors for notes. Pointer sensors ignore presses that start on a control inside the
 * note (text field, colour menu, delete button), so selecting text never drags the note. The
 * keyboard lifts with Space only: Enter on a note is "edit its text".
 */
import {
  KeyboardCode,
  type KeyboardSensorOptions,
  KeyboardSensor as BaseKeyboardSensor,
  MouseSensor as BaseMouseSensor,
  TouchSensor as BaseTouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import type { MouseEvent, TouchEvent } from 'react'

const CONTROLS = 'textarea, input, select, button, a, [contenteditable="true"]'

function startsOnControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CONTROLS) !== null
}

class NoteMouseSensor extends BaseMouseSensor {
  static override activators = [
    {
      eventName: 'onMouseDown' as const,
      handler: ({ nativeEvent }: MouseEvent) => nativeEvent.button === 0 && !startsOnControl(nativeEvent.target),
    },
  ]
}

class NoteTouchSensor extends BaseTouchSensor {
  static override activators = [
    {
      eventName: 'onTouchStart' as const,
      handler: ({ nativeEvent }: TouchEvent) =>
        nativeEvent.touches.length === 1 && !startsOnControl(nativeEvent.target),
    },
  ]
}

const keyboardOptions: KeyboardSensorOptions = {
  keyboardCodes: {
    start: [KeyboardCode.Space],
    cancel: [KeyboardCode.Esc],
    end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab],
  },
}

export function useNoteSensors() {
  return useSensors(
    // A few pixels of travel before a drag starts, so a click still just selects.
    useSensor(NoteMouseSensor, { activationConstraint: { distance: 4 } }),
    // A short press before a drag starts, so a tap still just selects.
    useSensor(NoteTouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(BaseKeyboardSensor, keyboardOptions),
  )
}
