/** Which article the server is on (`article 2 of 5 · note`), with a progress bar. */
export function DraftProgress({
  done,
  total,
  note,
}: {
  done: number;
  total: number;
  note: string;
}) {
  const current = Math.min(done + 1, Math.max(total, 1));
  return (
    <p className="draft-progress" role="status" data-testid="draft-progress">
      <progress value={done} max={Math.max(total, 1)} aria-label="Articles drafted" />
      {`article ${current} of ${total}${note ? ` · ${note}` : ""}`}
    </p>
  );
}
