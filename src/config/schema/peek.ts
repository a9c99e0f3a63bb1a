import { isMap, isScalar } from 'yaml';
import { resolveNode, type YamlSource } from '../yaml-places.js';

/**
 * The string written for `key` in a mapping, read before the mapping is checked,
 * so that messages about it can name the country or session it describes.
 */
export function peekText(source: YamlSource, node: unknown, key: string): string | undefined {
  const map = resolveNode(source, node);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    const keyNode = resolveNode(source, pair.key);
    if (!isScalar(keyNode) || keyNode.value !== key) continue;
    const value = resolveNode(source, pair.value);
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') return value.value.trim();
  }
  return undefined;
}
