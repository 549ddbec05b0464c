import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { addedFile, modifiedFile } from './diff-fixture.js';

const reasons = async (files: Parameters<typeof analyzeChanges>[0]['files']) =>
  (await analyzeChanges({ files, projects: [] })).securityTouched.map(
    (touch) => `${touch.file}${touch.line ? `:${touch.line}` : ''} ${touch.reason}`,
  );

describe('security-relevant code', () => {
  it.each([
    ['src/middleware/requireAuth.ts', 'authentication or authorization (the path says "auth")'],
    ['app/policies/order_policy.rb', 'permissions (the path says "policies")'],
    ['internal/session/store.go', 'sessions (the path says "session")'],
    ['src/main/java/com/acme/security/JwtFilter.java', 'security (the path says "security")'],
    ['config/initializers/devise.rb', 'sign-in (the path says "devise")'],
    ['lib/crypto/aes.ex', 'cryptography (the path says "crypto")'],
  ])('flags %s by its path', async (path, reason) => {
    expect(await reasons([addedFile(path, 'x = 1')])).toEqual([`${path} ${reason}`]);
  });

  it('does not flag paths that only contain a security word inside another word', async () => {
    expect(
      await reasons([
        addedFile('src/authors/list.ts', 'x'),
        addedFile('src/tokenizer/lexer.ts', 'x'),
        addedFile('src/retention-policy.ts', 'x'),
      ]),
    ).toEqual([]);
  });

  it.each([
    ['@PreAuthorize("hasRole(\'ADMIN\')")', 'authorization check (`@PreAuthorize`)'],
    ['before_action :authenticate_user!', 'authentication check (`before_action :authenticate`)'],
    ['const token = jwt.sign(payload, secret);', 'JSON Web Tokens (`jwt.sign(`)'],
    ['hashed = bcrypt.hashpw(password, bcrypt.gensalt())', 'password hashing (`bcrypt`)'],
    ['app.use(session({ cookie: { httpOnly: true } }));', 'sessions or cookies (`httpOnly:`)'],
    ["const mac = crypto.createHmac('sha256', key);", 'cryptography (`crypto.createHmac`)'],
    ['digest = hashlib.sha256(data).hexdigest()', 'cryptography (`hashlib.`)'],
    ['http.csrf(csrf -> csrf.disable());', 'security configuration (`.csrf(`)'],
  ])('flags the added line `%s`', async (line, reason) => {
    expect(await reasons([addedFile('src/service.ts', line)])).toEqual([`src/service.ts:1 ${reason}`]);
  });

  it('says when a removed line took a check away', async () => {
    const file = modifiedFile(
      'src/main/java/OrderController.java',
      ['    @PreAuthorize("isAuthenticated()")', '    public void cancel() {}'],
      ['    public void cancel() {}'],
    );
    expect((await analyzeChanges({ files: [file], projects: [] })).securityTouched).toEqual([
      {
        file: 'src/main/java/OrderController.java',
        line: 1,
        reason: 'removes authorization check (`@PreAuthorize`)',
        side: 'removed',
        project: '.',
      },
    ]);
  });

  it('does not flag database sessions, plain hashing words or tests', async () => {
    const files = [
      addedFile('app/repo.py', 'db.session.add(user)\nsession.commit()'),
      addedFile('src/cache.ts', 'const key = hashKey(value);'),
      addedFile('test/auth.test.ts', "jwt.sign({}, 'k')"),
    ];
    expect(await reasons(files)).toEqual([]);
  });

  it('reports one line per reason and side in a file', async () => {
    const file = addedFile('src/hash.ts', 'bcrypt.hash(a)\nbcrypt.hash(b)\nbcrypt.compare(c, d)');
    expect(await reasons([file])).toEqual(['src/hash.ts:1 password hashing (`bcrypt`)']);
  });
});
