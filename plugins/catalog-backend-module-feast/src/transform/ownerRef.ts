import { parseEntityRef } from '@backstage/catalog-model';
import { sanitizeName } from './sanitize';

const EMAIL = /^([^@\s]+)@[^@\s]+\.[^@\s]+$/;
const VALID_NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;

/**
 * Turns a Feast owner value into an owner ref:
 * - a valid entity ref (`group:fraud-ml`, `data-office`) is kept as is;
 * - an e-mail address becomes `user:<local part>`, the usual Backstage user
 *   naming;
 * - anything else (`hack week`) is sanitised into a group name.
 *
 * Returns `undefined` when nothing usable remains.
 *
 * @internal
 */
export function toOwnerRef(value: string | undefined): string | undefined {
  const owner = value?.trim();
  if (!owner) return undefined;
  const email = EMAIL.exec(owner);
  if (email) {
    const name = sanitizeName(email[1]);
    return name ? `user:${name}` : undefined;
  }
  try {
    const ref = parseEntityRef(owner, { defaultKind: 'group' });
    if (VALID_NAME.test(ref.name) && ref.name.length <= 63) return owner;
  } catch {
    // not a ref: sanitised below
  }
  return sanitizeName(owner);
}
