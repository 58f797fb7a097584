import type { Knex } from 'knex';

/**
 * Waits until the catalog's stitch queue is empty and the number of
 * entities not yet processed has stopped changing for 10 s (entities the
 * processors reject stay unprocessed for good): the backend is one Node.js
 * process, so catalog work still running would be measured as our latency.
 */
export async function waitForCatalogIdle(knex: Knex) {
  const deadline = Date.now() + 30 * 60_000;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const [{ pending }] = await knex('refresh_state')
      .whereNull('processed_entity')
      .count({ pending: '*' });
    const [{ queued }] = await knex('stitch_queue').count({ queued: '*' });
    if (Number(pending) !== last) {
      last = Number(pending);
      stableSince = Date.now();
    }
    process.stderr.write(
      `catalog: ${pending} unprocessed, ${queued} to stitch\n`,
    );
    if (Number(queued) === 0 && Date.now() - stableSince >= 10_000) return;
    if (Date.now() > deadline) throw new Error('the catalog never went idle');
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
