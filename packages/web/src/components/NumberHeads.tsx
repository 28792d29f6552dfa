/** Props of {@link NumberHeads}. */
export interface NumberHeadsProps {
  /** The heads, in order; a `false` entry is left out. */
  heads: ReadonlyArray<string | false>;
}

/** Column heads of numeric columns (a `false` entry is left out). */
export function NumberHeads({ heads }: NumberHeadsProps) {
  return (
    <>
      {heads
        .filter((h): h is string => h !== false)
        .map((h) => (
          <th scope="col" className="num" key={h}>
            {h}
          </th>
        ))}
    </>
  );
}
