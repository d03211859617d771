/** The criteria contract (libs/contracts rule.schema.json) and the engine accept the same properties for every leaf. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEAF_KEYS } from './compile';

type Json = { [k: string]: Json } | Json[] | string | number | boolean | null;
const schema = JSON.parse(readFileSync(join(__dirname, '../../../contracts/src/trial-criteria/rule.schema.json'), 'utf8')) as Json;

/** Every object schema whose `fact` is a constant: its other properties, by fact. */
function leaves(o: Json, out: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(o)) for (const v of o) leaves(v, out);
  else if (o !== null && typeof o === 'object') {
    const props = o.properties as Record<string, Json> | undefined;
    const fact = props?.fact as { const?: string } | undefined;
    if (props && fact?.const) out[fact.const] = Object.keys(props).filter((k) => k !== 'fact').sort();
    for (const v of Object.values(o)) leaves(v, out);
  }
  return out;
}

describe('the criteria contract and the engine', () => {
  it('list the same leaves, each with the same properties', () => {
    const inSchema = leaves(schema);
    const inEngine = Object.fromEntries(Object.entries(LEAF_KEYS).map(([fact, keys]) => [fact, [...keys].sort()]));
    expect(inSchema).toEqual(inEngine);
  });
});
