import { KubernetesObject } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The objects of a fixture YAML file (empty documents dropped). */
export function loadFixture(file: string): KubernetesObject[] {
  const text = readFileSync(join(__dirname, '../__fixtures__', file), 'utf8');
  return parseAllDocuments(text)
    .map(doc => doc.toJS())
    .filter(obj => obj && typeof obj === 'object' && obj.kind);
}
