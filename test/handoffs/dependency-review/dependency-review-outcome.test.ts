import { describe, expect, it } from 'vitest';
import { explainUnavailable } from '../../../src/handoffs/dependency-review/dependency-review-outcome.js';

describe('explainUnavailable', () => {
  it("turns a 403 into what to turn on, with GitHub's own words shortened to one line", () => {
    expect(
      explainUnavailable(
        403,
        'Dependency review is not supported on this repository. Please ensure that Dependency graph is enabled along with GitHub Advanced Security on private repositories, see https://github.com/o/r/settings/security_analysis',
      ),
    ).toBe(
      'Dependency review did not run: GitHub answered 403 ("Dependency review is not supported on this repository. Please ensure that Dependency graph is enabled along with GitHub Advanced Security on private repositori…"). Turn on the dependency graph (Settings → Code security → Dependency graph); a private repository also needs GitHub Advanced Security or GitHub Code Security.',
    );
  });

  it("turns a 404 into turning on the dependency graph (a site administrator's job on GitHub Enterprise Server) and the token's permission", () => {
    expect(explainUnavailable(404, '')).toBe(
      "Dependency review did not run: GitHub answered 404. Turn on the dependency graph (Settings → Code security → Dependency graph; on GitHub Enterprise Server a site administrator enables it first) and give the workflow's token `contents: read`.",
    );
  });
});
