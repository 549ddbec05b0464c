import { HANDOFF_AREAS } from '../handoffs/handoff-area.js';

export const COMMAND_REPLY_MARKER = '<!-- backend-developer:command-reply -->';

/** The `/backend help` text, also appended to refusals and unknown commands. */
export function renderHelp(): string {
  return [
    '**`/backend` commands** (first line of a comment; needs write access):',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    '| `/backend help` | Shows this help. |',
    '| `/backend report` | Re-runs discovery, analysis, validation and the report. |',
    "| `/backend validate` | Re-runs the affected projects' tests and linters and updates the report. |",
    '| `/backend review <area>` | Runs one specialist review. |',
    '| `/backend handoff <area>` | Adds the `handoff:<area>` label and runs that review. |',
    '| `/backend bugfix` | Re-renders the report as a Bug Fix Report. |',
    '| `/backend feature` | Re-renders the report as an Implementation Report. |',
    '',
    `Areas: ${HANDOFF_AREAS.map((a) => `\`${a}\``).join(', ')}.`,
  ].join('\n');
}
