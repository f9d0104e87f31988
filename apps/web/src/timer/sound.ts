/**
 * The timer's end signal as sound: two short tones made with the Web Audio API (no audio file), only
 * for people who turned sound on. Browsers allow audio only after a gesture, so the context is made
 * when sound is switched on.
 */
let context: AudioContext | null = null

/** Call from the click that turns sound on. */
export function unlockSound(): void {
  try {
    context ??= new AudioContext()
    void context.resume()
  } catch {
    // No Web Audio here: the end is still shown and announced.
  }
}

export function playEndSignal(): void {
  if (!context) return
  const start = context.currentTime
  for (const [i, frequency] of [880, 660].entries()) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    const at = start + i * 0.35
    oscillator.frequency.value = frequency
    // A quick fade in and out: a hard start or stop clicks.
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.25, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(at)
    oscillator.stop(at + 0.32)
  }
}
