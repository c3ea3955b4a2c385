import { useId } from 'react';
import type { ReactNode } from 'react';
import './segmented-control.css';

export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
  icon?: ReactNode;
}

export interface SegmentedControlProps<V extends string> {
  /** What the choice is about; read out for the group. */
  legend: string;
  /** Show the legend, or keep it for screen readers only. */
  legendVisible?: boolean;
  options: ReadonlyArray<SegmentedOption<V>>;
  value: V;
  onChange: (value: V) => void;
}

/** A one-of-few choice drawn as joined segments: native radio buttons underneath (arrow keys move). */
export function SegmentedControl<V extends string>({ legend, legendVisible = true, options, value, onChange }: SegmentedControlProps<V>) {
  const name = useId();
  return (
    <fieldset className="hb-segmented">
      <legend className={legendVisible ? 'hb-segmented__legend' : 'hb-visually-hidden'}>{legend}</legend>
      <div className="hb-segmented__track">
        {options.map((option) => (
          <label key={option.value} className="hb-segmented__option">
            <input
              type="radio"
              className="hb-segmented__input"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.icon}
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
