/** A quiet "nothing here" inside a card: a title and a line of explanation. */
export function EmptyNote({ title, body, testId }: { title: string; body: string; testId?: string }) {
  return (
    <div className="hb-rewards-empty" data-testid={testId}>
      <p className="hb-rewards-empty__title">{title}</p>
      <p className="hb-rewards-muted">{body}</p>
    </div>
  );
}
