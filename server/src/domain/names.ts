import type { GraphNode, LocalizedName } from './model.js';

/**
 * Which name of a node to show a reader of given languages. The fallback chain (docs/adr/0022):
 * the asked languages in order, then English, then the stored `name`.
 */
export function nameFor(node: Pick<GraphNode, 'name' | 'names'>, langs: readonly string[]): string {
  return localizedNameFor(node.names, langs)?.text ?? node.name;
}

/** The node's name in the first of `langs` it has one in, else its English one, else undefined. */
export function localizedNameFor(names: readonly LocalizedName[], langs: readonly string[]): LocalizedName | undefined {
  if (names.length === 0) return undefined;
  for (const lang of [...langs, 'en']) {
    const found = names.find((n) => n.lang === lang);
    if (found) return found;
  }
  return undefined;
}

/**
 * A language tag as the names use it: the primary subtag, lower case ("nl-BE" -> "nl", "FR" -> "fr");
 * undefined for "*" or anything that is not a language tag.
 */
export function primaryLanguage(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
