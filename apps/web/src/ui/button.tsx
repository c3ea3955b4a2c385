import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router';
import type { LinkProps } from 'react-router';
import './button.css';

/** How loud a button is: one primary action per view, secondary for the rest. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost';

interface ButtonLookProps {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  icon?: ReactNode;
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonLookProps;

/** Class names for a button look, shared by buttons and links that look like buttons. */
export function buttonClassName({ variant = 'primary', size = 'md' }: ButtonLookProps, extra?: string): string {
  return ['hb-button', `hb-button--${variant}`, `hb-button--${size}`, extra].filter(Boolean).join(' ');
}

/** A native button with the design system's look. */
export function Button({ variant, size, icon, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClassName({ variant, size }, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}

export type ButtonLinkProps = LinkProps & ButtonLookProps;

/** A router link that looks like a button (for navigation, not actions). */
export function ButtonLink({ variant, size, icon, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={buttonClassName({ variant, size }, className)} {...rest}>
      {icon}
      {children}
    </Link>
  );
}
