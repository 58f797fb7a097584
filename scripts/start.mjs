#!/usr/bin/env node
// `yarn start [backstage-cli repo start flags]`: the portal with its demo.
//
// Starts the simulated Kubeflow cluster and Model Registry of
// packages/demo-cluster on loopback (ports 7081 and 7082, what
// app-config.yaml's demo providers point at), then the frontend and backend
// with `backstage-cli repo start`. Stopping one stops both. Set
// DEMO_CLUSTER=false to start the portal without the demo cluster.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const children = [];

function run(args, name) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    console.log(`${name} exited (${signal ?? code}); stopping`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 500).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => shutdown(0));
}

if (process.env.DEMO_CLUSTER !== 'false') {
  run(
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(root, 'packages/demo-cluster/src/start.ts'),
    ],
    'demo cluster',
  );
}
run(
  [
    require.resolve('@backstage/cli/bin/backstage-cli'),
    'repo',
    'start',
    ...process.argv.slice(2),
  ],
  'portal',
);
