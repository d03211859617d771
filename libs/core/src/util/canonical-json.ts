/** JSON with object keys sorted (and undefined members left out), so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + (canonicalJson(value[i]) ?? ''); // as Array.prototype.join: an undefined member leaves nothing
    return `${text}]`;
  }
  const o = value as Record<string, unknown>;
  let text = '{';
  for (const k of Object.keys(o).sort()) {
    if (o[k] === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(o[k])}`;
  }
  return `${text}}`;
}
