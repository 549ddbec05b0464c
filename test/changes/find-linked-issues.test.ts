import { describe, expect, it } from 'vitest';
import { findLinkedIssues } from '../../src/changes/find-linked-issues.js';

const repo = { owner: 'acme', name: 'api' };

describe('findLinkedIssues', () => {
  it('finds every closing keyword GitHub accepts, once each', () => {
    const body =
      'Fixes #1, closes #2. Resolved #3\nfix: #4 and FIXED #1 again; resolves #5 close #6 fixes: #7';
    expect(findLinkedIssues(body, repo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('accepts references to the same repository by name or URL, in any case', () => {
    const body = 'Fixes Acme/API#8 and closes https://github.com/acme/api/issues/9';
    expect(findLinkedIssues(body, repo)).toEqual([8, 9]);
  });

  it('leaves out references to other repositories, and named ones when the repository is unknown', () => {
    const body = 'Fixes other/repo#10, closes https://github.com/other/repo/issues/11, resolves acme/api#12';
    expect(findLinkedIssues(body, repo)).toEqual([12]);
    expect(findLinkedIssues(body)).toEqual([]);
  });

  it('ignores mentions without a closing keyword', () => {
    expect(findLinkedIssues('Related to #4, see #5. Prefixes #6 are not keywords.', repo)).toEqual([]);
  });

  it('ignores keywords inside code and HTML comments', () => {
    const body = '<!-- Fixes #1 -->\n```\nfixes #2\n```\nRun `closes #3` to test.\nFixes #4';
    expect(findLinkedIssues(body, repo)).toEqual([4]);
  });
});
