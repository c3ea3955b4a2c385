import { useId } from 'react';
import type { ReactNode } from 'react';
import './switch.css';

export interface SwitchProps {
  /** What the switch turns on and off; clicking it toggles too. */
  label: string;
  /** A line under the label, read out with the switch. */
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shows that a change is being saved; clicks are ignored meanwhile (the switch keeps focus). */
  pending?: boolean;
  /** Short words for the two states shown beside the switch, e.g. "Shown" / "Hidden". */
  stateLabels?: { on: string; off: string };
}

/** An on/off setting: a native button with role="switch", labelled by its visible text. */
export function Switch({ label, description, checked, onChange, pending = false, stateLabels }: SwitchProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div className="hb-switch" data-checked={checked || undefined}>
      <div className="hb-switch__text">
        <label htmlFor={id} className="hb-switch__label">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="hb-switch__description">
            {description}
          </p>
        ) : null}
      </div>
      <div className="hb-switch__side">
        {stateLabels ? (
          <span className="hb-switch__state" aria-hidden="true">
            {checked ? stateLabels.on : stateLabels.off}
          </span>
        ) : null}
        <button
          id={id}
          type="button"
          role="switch"
          className="hb-switch__control"
          aria-checked={checked}
          aria-describedby={description ? descriptionId : undefined}
          aria-busy={pending || undefined}
          data-pending={pending || undefined}
          onClick={() => {
            if (!pending) onChange(!checked);
          }}
        >
          <span className="hb-switch__thumb" aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
