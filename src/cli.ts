import { runCommandLine } from './cli/run-command-line.js';

void runCommandLine(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
