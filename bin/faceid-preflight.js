#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// `faceid-preflight classify … | head` closes the pipe early: that is success, not a crash. Any
// other failure to write (a full disk) is said in one line, not a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`faceid-preflight: could not write the output: ${error.code ?? error.message}\n`);
  process.exit(1);
});
process.exitCode = await main(process.argv.slice(2));
