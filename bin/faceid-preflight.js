#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// `faceid-preflight classify … | head` closes the pipe early: that is success, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
