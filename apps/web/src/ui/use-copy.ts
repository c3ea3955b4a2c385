import { useCallback, useState } from 'react';

/** Where copying stands: not tried yet, done, or refused by the browser (no permission, not a secure page). */
export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text` to the clipboard on demand, and says whether the last try worked (for a status line beside the button). */
export function useCopy(text: string): { copy: () => void; copied: CopyState } {
  const [copied, setCopied] = useState<CopyState>('idle');
  const copy = useCallback(() => {
    // Started inside a promise: where the page has no clipboard (`navigator.clipboard` undefined), that fails too.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setCopied('copied'),
        () => setCopied('failed'),
      );
  }, [text]);
  return { copy, copied };
}
