/**
 * A model's id made into a scenario id: lower case, every run of other characters one `-`,
 * `x-` in front when it does not start with a letter, at most 64 characters.
 * @example draftId("United States") // => "united-states"
 * @example draftId("2nd round") // => "x-2nd-round"
 */
export function draftId(raw: string): string {
  const slug = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const id = /^[a-z]/.test(slug) ? slug : `x-${slug || "id"}`;
  return id.slice(0, 64).replace(/-+$/, "");
}
