/** Where to go after signing in, from `?next=`: a path on this site, never back to sign-in. */
export function safeNextPath(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'https://app.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'https://app.invalid' || url.pathname === '/sign-in' || url.pathname.startsWith('/sign-in/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in link that brings the person back to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNextPath(path, '');
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}
