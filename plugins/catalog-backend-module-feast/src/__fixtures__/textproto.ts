import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** One top-level object of a `protoc --decode` dump. */
export interface TextprotoBlock {
  /** Registry field, for example `feature_views`. */
  field: string;
  /** `spec.name` (or `name` for flat data sources), if any. */
  name?: string;
  /** The block's lines, including the opening and closing ones. */
  lines: string[];
}

/**
 * A deliberately minimal reader of the fixture dumps: it splits the file into
 * top-level blocks and reads the object name from the indentation protoc
 * uses. Expected test data comes from here, never from the decoder under test.
 */
export function readTextproto(fixture: string): TextprotoBlock[] {
  const text = readFileSync(
    resolvePackagePath(
      '@sovereign-ai/backstage-plugin-catalog-backend-module-feast',
      'src/__fixtures__/decoded',
      `${fixture}.textproto`,
    ),
    'utf8',
  );
  const blocks: TextprotoBlock[] = [];
  let current: TextprotoBlock | undefined;
  for (const line of text.split('\n')) {
    const open = /^(\w+) \{$/.exec(line);
    if (open) {
      current = { field: open[1], lines: [line] };
      blocks.push(current);
      continue;
    }
    if (!current) continue;
    current.lines.push(line);
    if (line === '}') {
      current = undefined;
      continue;
    }
    const name =
      /^ {4}name: "([^"]*)"$/.exec(line) ?? /^ {2}name: "([^"]*)"$/.exec(line);
    if (name && current.name === undefined) current.name = name[1];
  }
  return blocks;
}

/** Names of the top-level objects in one registry field. */
export function namesOf(blocks: TextprotoBlock[], field: string): string[] {
  return blocks.filter(b => b.field === field).map(b => b.name ?? '');
}

/** Values of `key: "value"` lines at the given indentation inside a block. */
export function valuesIn(
  block: TextprotoBlock,
  key: string,
  indent: number,
): string[] {
  const re = new RegExp(`^ {${indent}}${key}: "([^"]*)"$`);
  return block.lines.flatMap(line => {
    const match = re.exec(line);
    return match ? [match[1]] : [];
  });
}

/** Number of `key {` lines at the given indentation inside a block. */
export function countIn(
  block: TextprotoBlock,
  key: string,
  indent: number,
): number {
  const re = new RegExp(`^ {${indent}}${key} \\{$`);
  return block.lines.filter(line => re.test(line)).length;
}
