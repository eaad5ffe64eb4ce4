/** A short, stable hash of a text (FNV-1a, base 36): for ids that must not change between runs. */
export function stableHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
