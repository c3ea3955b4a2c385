import './loading-state.css';

export interface LoadingStateProps {
  /** What is loading, read out by screen readers and shown beside the spinner. */
  label: string;
}

/** A spinner with a live, accessible label. */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div className="hb-loading-state" role="status" aria-live="polite">
      <span className="hb-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
