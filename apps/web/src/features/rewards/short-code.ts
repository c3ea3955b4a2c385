/**
 * A voucher's short code as shown at the till: upper case, in two groups of five (`XXXXX-XXXXX`),
 * whatever spacing it came with; other lengths are only upper-cased.
 */
export function formatShortCode(code: string): string {
  const plain = code.toUpperCase().replace(/[\s-]/g, '');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

/** The code spelt out for screen readers, one character at a time ("A B 3 …"), the groups split by a comma. */
export function spokenShortCode(code: string): string {
  return formatShortCode(code)
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');
}
