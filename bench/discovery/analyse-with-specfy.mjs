// @specfy/stack-analyser through its library API, as its README shows.
import process from 'node:process';
import { analyser, FSProvider } from '@specfy/stack-analyser';
import '@specfy/stack-analyser/dist/autoload.js';

const result = await analyser({ provider: new FSProvider({ path: process.argv[2] }) });
const json = result.toJson();
process.stdout.write(`${JSON.stringify({ childs: json.childs.length })}\n`);
