#!/usr/bin/env node
// `yarn start:backend [--config extra.yaml ...] [other backstage-cli flags]`
//
// Starts only the backend. Unlike `backstage-cli repo start --config`, which
// replaces app-config.yaml, config files given here are loaded *on top of*
// app-config.yaml (and app-config.local.yaml when present), so an extra file
// only needs the keys it changes. Relative paths are resolved against the
// directory yarn was called from.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const callerDir = process.env.INIT_CWD ?? process.cwd();

const extraConfigs = [];
const passThrough = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--config') {
    if (!args[i + 1]) {
      console.error('start:backend: --config needs a file path');
      process.exit(2);
    }
    extraConfigs.push(args[++i]);
  } else if (arg.startsWith('--config=')) {
    extraConfigs.push(arg.slice('--config='.length));
  } else {
    passThrough.push(arg);
  }
}

const configs = [resolve(root, 'app-config.yaml')];
if (existsSync(resolve(root, 'app-config.local.yaml'))) {
  configs.push(resolve(root, 'app-config.local.yaml'));
}
for (const file of extraConfigs) {
  const path = resolve(callerDir, file);
  if (!existsSync(path)) {
    console.error(`start:backend: config file not found: ${path}`);
    process.exit(2);
  }
  configs.push(path);
}

const cli = createRequire(import.meta.url).resolve(
  '@backstage/cli/bin/backstage-cli',
);
const child = spawn(
  process.execPath,
  [
    cli,
    'repo',
    'start',
    'backend',
    ...configs.flatMap(c => ['--config', c]),
    ...passThrough,
  ],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
