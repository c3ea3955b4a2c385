import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import type { LinkProps } from 'react-router';
import './button.css';

/** How loud a button is: one primary action per view, secondary for the rest. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ButtonLookProps {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  icon?: ReactNode;
  /** Stretch to the width of the container (mobile forms). */
  block?: boolean;
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  ButtonLookProps & {
    /**
     * Shows a spinner and ignores clicks while an action runs. The button stays focusable
     * (aria-disabled, not disabled), so keyboard focus is not lost mid-action; pass a label such as
     * "Sending…" as children to say what is happening.
     */
    loading?: boolean;
    ref?: Ref<HTMLButtonElement>;
  };

/** Class names for a button look, shared by buttons and links that look like buttons. */
export function buttonClassName({ variant = 'primary', size = 'md', block = false }: ButtonLookProps, extra?: string): string {
  return ['hb-button', `hb-button--${variant}`, `hb-button--${size}`, block ? 'hb-button--block' : '', extra].filter(Boolean).join(' ');
}

/** A native button with the design system's look. */
export function Button({ variant, size, icon, block, loading = false, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  const inactive = loading || rest['aria-disabled'] === true || rest['aria-disabled'] === 'true';
  function click(event: MouseEvent<HTMLButtonElement>) {
    if (inactive) {
      // Also stops a submit button from submitting its form again.
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      type={type}
      className={buttonClassName({ variant, size, block }, className)}
      {...rest}
      aria-disabled={inactive || undefined}
      data-loading={loading || undefined}
      onClick={click}
    >
      {loading ? <span className="hb-button__spinner" aria-hidden="true" /> : icon}
      {children}
    </button>
  );
}

export type ButtonLinkProps = LinkProps & ButtonLookProps;

/** A router link that looks like a button (for navigation, not actions). */
export function ButtonLink({ variant, size, icon, block, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={buttonClassName({ variant, size, block }, className)} {...rest}>
      {icon}
      {children}
    </Link>
  );
}
