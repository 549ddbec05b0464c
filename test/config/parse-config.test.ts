import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/parse-config.js';

describe('parseConfig', () => {
  it('uses the defaults when there is no file', () => {
    expect(parseConfig(undefined, 'cfg.yml')).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(DEFAULT_CONFIG.commands.permission).toBe('write');
  });

  it('reads every documented key', () => {
    const text = `
projects:
  - path: services/api
    install: npm ci
    test: npm run test:ci
ignore: ["docs/**"]
validation: { parallel: 2, timeout-minutes: 5 }
handoffs:
  security: { label: "needs:security", paths: ["**/auth/**"], enabled: true }
commands: { permission: maintain, run-fork-code: true }
`;
    const { config, errors } = parseConfig(text, 'cfg.yml');
    expect(errors).toEqual([]);
    expect(config.projects[0]).toEqual({ path: 'services/api', install: 'npm ci', test: 'npm run test:ci' });
    expect(config.validation).toEqual({ parallel: 2, 'timeout-minutes': 5 });
    expect(config.handoffs.security?.label).toBe('needs:security');
    expect(config.commands.permission).toBe('maintain');
    expect(config.commands['run-fork-code']).toBe(true);
  });

  it('runs no fork code on commands unless the config says so', () => {
    expect(DEFAULT_CONFIG.commands['run-fork-code']).toBe(false);
    const { errors } = parseConfig('commands: { run-fork-code: "yes" }', 'cfg.yml');
    expect(errors.join('\n')).toContain('`commands.run-fork-code`');
  });

  it('names the key and the fix for a mistake, and falls back to the defaults', () => {
    const { config, errors } = parseConfig(
      'validation: { paralel: 2 }\ncommands: { permission: triage }',
      'cfg.yml',
    );
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(errors.join('\n')).toContain('`validation`: unknown key `paralel`');
    expect(errors.join('\n')).toContain('`commands.permission`');
  });

  it('reports broken YAML with the file name', () => {
    const { errors } = parseConfig('projects: [', 'cfg.yml');
    expect(errors[0]).toMatch(/^cfg\.yml is not valid YAML/);
  });
});
