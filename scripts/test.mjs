#!/usr/bin/env node
// `yarn test [jest args]`: runs every package's tests once (never in watch
// mode) and exits non-zero on any failure.
//
// Tests that touch a database run on SQLite and on PostgreSQL through
// Backstage's TestDatabases. PostgreSQL is taken from
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; when that is unset and
// a server answers on 127.0.0.1:5432, that server is used (trust auth, user
// postgres). Docker is never used.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect } from 'node:net';

const PG_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

function portOpen(host, port) {
  return new Promise(resolve => {
    const socket = connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

const env = { ...process.env, CI: 'true', BACKSTAGE_TEST_DISABLE_DOCKER: '1' };
if (!env[PG_ENV]) {
  if (await portOpen('127.0.0.1', 5432)) {
    env[PG_ENV] = 'postgresql://postgres@127.0.0.1:5432';
  } else {
    console.warn(
      `PostgreSQL does not answer on 127.0.0.1:5432 and ${PG_ENV} is not set: database tests run on SQLite only.`,
    );
  }
}

const cli = createRequire(import.meta.url).resolve(
  '@backstage/cli/bin/backstage-cli',
);
const child = spawn(
  process.execPath,
  [cli, 'repo', 'test', ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
