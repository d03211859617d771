#!/usr/bin/env node
// `npx mmmatch …` (profile, screen, trials, ingest): runs the CLI from the TypeScript sources.
const path = require('node:path');
const root = path.join(__dirname, '..');
const tsconfig = require(path.join(root, 'tsconfig.json'));
require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
require('tsconfig-paths').register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
process.stdout.on('error', (e) => { if (e.code !== 'EPIPE') throw e; });
void Promise.resolve(require(path.join(root, 'apps/cli/src/mmmatch.ts')).main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
