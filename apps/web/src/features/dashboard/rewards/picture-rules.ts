/** What the pictures of offers and causes may be, checked before sending (the server judges the bytes). */

/** The types a browser reports for the pictures the server takes. */
export const pictureTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The largest picture the server takes (8 MiB). */
export const pictureMaxBytes = 8 * 1024 * 1024;

/** Why a chosen file would be refused. */
export type PictureProblem = 'too-large' | 'unsupported-type' | 'empty';

/** What is wrong with a chosen file, or undefined when it is worth sending (a browser that reports no type leaves it to the server). */
export function pictureProblem(file: { type: string; size: number }): PictureProblem | undefined {
  if (file.size === 0) return 'empty';
  if (file.type !== '' && !pictureTypes.includes(file.type.toLowerCase())) return 'unsupported-type';
  if (file.size > pictureMaxBytes) return 'too-large';
  return undefined;
}

/** What to do with an offer's or cause's picture when the form is saved. */
export type PictureChange = { readonly kind: 'keep' } | { readonly kind: 'replace'; readonly file: File } | { readonly kind: 'remove' };
