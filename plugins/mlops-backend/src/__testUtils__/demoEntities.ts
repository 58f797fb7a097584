import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository's `examples/` folder: the demo story as catalog files. */
export const EXAMPLES_DIR = resolve(__dirname, '../../../../examples');

/** The demo story's catalog files. */
export const EXAMPLE_FILES = [
  'org.yaml',
  'fraud-detection-features.yaml',
  'fraud-detection-training.yaml',
];

/** Every entity of one file of `examples/`, as written (no relations). */
export function readExampleEntities(file: string): Entity[] {
  return parseAllDocuments(readFileSync(resolve(EXAMPLES_DIR, file), 'utf8'))
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind));
}
