import { describe, expect, it } from 'vitest';
import { parseGitDiff } from '../../src/code/diff/parse-git-diff.js';

const diff = `diff --git a/added.txt b/added.txt
new file mode 100644
index 0000000..8ba3a16
--- /dev/null
+++ b/added.txt
@@ -0,0 +1 @@
+n
diff --git a/bin.dat b/bin.dat
index bdc955b..8835708 100644
Binary files a/bin.dat and b/bin.dat differ
diff --git a/old.txt b/new name.txt
similarity index 100%
rename from old.txt
rename to new name.txt
diff --git a/x.txt b/x.txt
index 7898192..422c2b7 100644
--- a/x.txt
+++ b/x.txt
@@ -1,2 +1,2 @@
 a
-b
+c
\\ No newline at end of file
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 7898192..0000000
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
`;

describe('parseGitDiff', () => {
  it('gives each file the status, counts and patch GitHub would', () => {
    const files = parseGitDiff(diff);
    expect(files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ['added.txt', 'added', 1, 0],
      ['bin.dat', 'modified', 0, 0],
      ['new name.txt', 'renamed', 0, 0],
      ['x.txt', 'modified', 1, 1],
      ['gone.txt', 'removed', 0, 1],
    ]);
    expect(files[1]?.patchOmitted).toBe('binary');
    expect(files[2]?.previousPath).toBe('old.txt');
    expect(files[3]?.patch).toBe('@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file');
  });
});
