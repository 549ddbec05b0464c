// One matrix job as its own process: bundled like dist/index.js, it saves one
// result (`save <tempDir> <result.json>`) or loads them all (`load <tempDir> <out.json>`),
// knowing the artifact service only through the environment the runner would give it.
import { readFile, writeFile } from 'node:fs/promises';
import { createArtifactResultStore } from '../../src/artifacts/artifact-result-store.js';
import type { ProjectValidation } from '../../src/validation/validation-result.js';

const [command, tempDir, file] = process.argv.slice(2);
if (!command || !tempDir || !file) throw new Error('usage: save|load <tempDir> <file>');
const log = {
  info: (message: string): void => void process.stderr.write(`info: ${message}\n`),
  warning: (message: string): void => void process.stderr.write(`warning: ${message}\n`),
};
const store = createArtifactResultStore({ tempDir, log });
if (command === 'save') {
  await store.save(JSON.parse(await readFile(file, 'utf8')) as ProjectValidation);
} else {
  await writeFile(file, JSON.stringify(await store.loadAll()), 'utf8');
}
