/** A labelled whole-number field, from 1 up to `max` (dots per person, minutes on the timer). */
export function CountField({
  label,
  max,
  value,
  onChange,
}: {
  readonly label: string
  readonly max: number
  readonly value: number
  readonly onChange: (value: number) => void
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        step={1}
        required
        value={value}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
    </label>
  )
}
