import type { ReactNode } from 'react';

/** One native checkbox with its label and an optional hint. */
export function CheckboxField({ label, hint, checked, onChange }: { label: string; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="hb-pr-check hb-pr-check--single">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        {label}
        {hint ? <span className="hb-pr-check__hint">{hint}</span> : null}
      </span>
    </label>
  );
}
