import { it } from 'vitest';
import { createFileChange } from '../../src/changes/file-change.js';
import { ROUTE_EXTRACTORS } from '../../src/changes/endpoints/route-extractors.js';
import { createSourceView } from '../../src/changes/source/source-view.js';
import { make } from './performance-data.js';

it('profiles', () => {
  const { files } = make();
  const changes = files.map((f) => createFileChange(f, '.', undefined));
  const times = new Map<string, number>();
  let maskTime = 0;
  for (const c of changes) {
    for (const [i, e] of ROUTE_EXTRACTORS.entries()) {
      if (!e.appliesTo(c.file.path)) continue;
      let t = performance.now();
      const side = c.newSide();
      const view = createSourceView(side.lines, e.syntax, side.complete);
      maskTime += performance.now() - t;
      t = performance.now();
      e.extract(view, { path: c.file.path, frameworks: [] });
      times.set(String(i), (times.get(String(i)) ?? 0) + performance.now() - t);
    }
  }
  console.log('mask', maskTime, [...times]);
});
