/** The sentence under a field that says what is wrong with it (the field points here with aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="hb-pr-field-error">
      {message}
    </p>
  );
}
