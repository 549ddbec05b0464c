// Scores one repository's `discover --json` output against its hand-written expectations
// (the facts are listed in README.md beside this file).

/** Returns { facts, right, wrongFrameworks, misses } where misses are sentences naming each wrong fact. */
export function scoreRepository(expected, result) {
  const score = { facts: 0, right: 0, wrongFrameworks: 0, misses: [] };
  const fact = (ok, miss) => {
    score.facts++;
    if (ok) score.right++;
    else score.misses.push(miss);
  };
  const unmatched = [...result.projects];
  const take = (predicate) => {
    const index = unmatched.findIndex(predicate);
    return index < 0 ? undefined : unmatched.splice(index, 1)[0];
  };
  const matches = expected.projects.map((want) => ({
    want,
    got: take((p) => p.path === want.path && p.language === want.language.value),
  }));
  for (const match of matches) {
    const { want } = match;
    // Found at the path but with another language: still scored, the language fact fails.
    match.got ??= take(
      (p) =>
        p.path === want.path &&
        !expected.projects.some((w) => w !== want && w.path === p.path && w.language.value === p.language),
    );
  }
  for (const { want, got } of matches) scoreProject(want, got, fact, score);
  for (const excluded of expected.notProjects) {
    const reported = result.projects.find(
      (p) =>
        p.path === excluded.path &&
        (excluded.language === undefined || p.language === excluded.language) &&
        unmatched.includes(p),
    );
    if (reported) unmatched.splice(unmatched.indexOf(reported), 1);
    fact(
      !reported,
      `${excluded.path}: reported as a ${reported?.language} project, expected none (${excluded.evidence})`,
    );
  }
  for (const extra of unmatched) fact(false, `${extra.path}: an unexpected ${extra.language} project`);
  return score;
}

function scoreProject(want, got, fact, score) {
  const where = want.path;
  fact(got !== undefined, `${where}: the ${want.language.value} project was not found`);
  const same = (label, expected, actual) =>
    fact(
      got !== undefined && actual === expected,
      `${where}: ${label} ${show(actual)}, expected ${show(expected)}`,
    );
  same('language', want.language.value, got?.language);
  same('package manager', want.packageManager.value, got?.packageManager);
  same('workspace', want.workspace.value, got?.workspace ?? null);
  const frameworks = new Map((got?.frameworks ?? []).map((f) => [f.name, f.version ?? f.constraint]));
  for (const framework of want.frameworks) {
    const version = frameworks.get(framework.name);
    fact(
      version === framework.version,
      `${where}: framework ${framework.name} ${version === undefined ? 'missing' : `at ${version}`}, expected ${framework.version}`,
    );
  }
  for (const name of frameworks.keys()) {
    if (want.frameworks.some((framework) => framework.name === name)) continue;
    score.wrongFrameworks++;
    fact(false, `${where}: framework ${name} claimed, not used`);
  }
  const databases = got?.databases ?? [];
  for (const database of want.databases.value)
    fact(databases.includes(database), `${where}: data store ${database} missing`);
  for (const database of databases)
    if (!want.databases.value.includes(database))
      fact(false, `${where}: data store ${database} claimed, not used`);
  const test = got?.commands?.test?.run ?? null;
  if (want.test.value === null)
    fact(got !== undefined && test === null, `${where}: test command ${show(test)}, expected none`);
  else
    fact(
      test !== null && want.test.value.includes(test),
      `${where}: test command ${show(test)}, expected one of ${want.test.value.map(show).join(', ')}`,
    );
}

function show(value) {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
