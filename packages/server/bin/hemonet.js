#!/usr/bin/env node
// The built CLI (npm ci runs the root `prepare` script, which builds dist/).
import { runCli } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
