// Fallback when /usr/bin/time is missing: runs the script in this process and, on exit,
// prints its peak RSS the way `time -v` does (process.resourceUsage cannot see children).
import process from 'node:process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () =>
  process.stderr.write(`Maximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`),
);
await import(pathToFileURL(path.resolve(script)).href);
