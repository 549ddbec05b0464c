import type { FailOn } from './validation/decide-exit.js';

export type { FailOn };

export type Mode = 'auto' | 'discover' | 'validate' | 'report';
export type ValidateScope = 'affected' | 'all' | 'none';
export type InstallPolicy = 'auto' | 'skip';
export type ReportTypeSetting = 'auto' | 'implementation' | 'bugfix';

/**
 * Every input of action.yml, read and validated once (see readInputs). The rest of the
 * code takes what it needs from here and never reads inputs itself.
 */
export interface Settings {
  githubToken: string;
  anthropicApiKey: string | undefined;
  model: string;
  mode: Mode;
  workingDirectory: string;
  configPath: string;
  validate: ValidateScope;
  install: InstallPolicy;
  timeoutMinutes: number;
  reportType: ReportTypeSetting;
  comment: boolean;
  failOn: FailOn;
  project: string | undefined;
  prNumber: number | undefined;
  maxInputTokens: number;
}
