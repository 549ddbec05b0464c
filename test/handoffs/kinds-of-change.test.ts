import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, modifiedFile, removedFile } from './fixture-changes.js';

const at = (findings: { ruleId: string; file: string; line: number }[]) =>
  findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);

describe('reviews look only at code the pull request wrote', () => {
  it('says nothing about a debug print that a formatter only re-indented, and flags a new one', () => {
    const reformatted = modifiedFile(
      'src/main/java/com/acme/Job.java',
      [
        '@@ -10 +10 @@',
        '     } catch (IOException e) {',
        '-      e.printStackTrace();',
        '+        e.printStackTrace();',
        '     }',
      ].join('\n'),
    );
    expect(at(reviewChanges('code-review', [reformatted]))).toEqual([]);
    const added = modifiedFile(
      'src/main/java/com/acme/Job.java',
      ['@@ -10 +10 @@', '     } catch (IOException e) {', '+      e.printStackTrace();', '     }'].join('\n'),
    );
    expect(at(reviewChanges('code-review', [added]))).toEqual([
      'src/main/java/com/acme/Job.java:11 code-review/debug-output',
    ]);
  });

  it('asks for no test when the change is a comment, an import, or code moved between files', () => {
    const comment = modifiedFile(
      'pkg/orders/doc.go',
      [
        '@@ -1 +1 @@',
        '-// Package orders keeps orders.',
        '+// Package orders keeps and prices orders.',
        ' package orders',
      ].join('\n'),
    );
    const imports = modifiedFile(
      'src/orders/total.ts',
      ['@@ -1 +1 @@', "-import { sum } from '../util';", "+import { sum } from '../util/sum';"].join('\n'),
    );
    const body = [
      'export function price(items: number[]): number {',
      '  return items.reduce((a, b) => a + b, 0);',
      '}',
    ];
    const moved = [
      removedFile('src/old/price.ts', body.join('\n')),
      addedFile('src/orders/price.ts', body.join('\n')),
    ];
    expect(at(reviewChanges('qa', [comment]))).toEqual([]);
    expect(at(reviewChanges('qa', [imports]))).toEqual([]);
    expect(at(reviewChanges('qa', moved))).toEqual([]);
    const changed = modifiedFile(
      'src/orders/total.ts',
      ['@@ -4 +4 @@', '-  return items.length;', '+  return items.filter(Boolean).length;'].join('\n'),
    );
    expect(at(reviewChanges('qa', [changed]))).toEqual(['src/orders/total.ts:4 qa/source-without-tests']);
  });

  it('takes a comment added after existing code for a comment, and anchors on the line that is new code', () => {
    const model = modifiedFile(
      'app/models/instruction.py',
      [
        '@@ -3,3 +3,4 @@ class Instruction(Base):',
        '     kind = Column(String)',
        '-    title = Column(String)',
        '+    title = Column(String)  # the section title',
        '     text = Column(String)',
        '+    summary = Column(String)',
      ].join('\n'),
    );
    expect(at(reviewChanges('qa', [model]))).toEqual(['app/models/instruction.py:6 qa/source-without-tests']);
    const commentOnly = modifiedFile(
      'app/models/instruction.py',
      ['@@ -4 +4 @@', '-    title = Column(String)', '+    title = Column(String)  # the section title'].join(
        '\n',
      ),
    );
    expect(at(reviewChanges('qa', [commentOnly]))).toEqual([]);
  });

  it('does not call a long function moved to another file long, and does call a new one', () => {
    const statements = Array.from({ length: 45 }, (_, index) => `  const step${index} = load(${index});`);
    const body = ['export function migrate(load: (n: number) => number) {', ...statements, '}'];
    const moved = [
      removedFile('src/old/migrate.ts', body.join('\n')),
      addedFile('src/jobs/migrate.ts', body.join('\n')),
    ];
    expect(at(reviewChanges('code-review', moved)).filter((line) => line.includes('long-function'))).toEqual(
      [],
    );
    expect(
      at(reviewChanges('code-review', [addedFile('src/jobs/migrate.ts', body.join('\n'))])).filter((line) =>
        line.includes('long-function'),
      ),
    ).toEqual(['src/jobs/migrate.ts:1 code-review/long-function']);
  });
});
