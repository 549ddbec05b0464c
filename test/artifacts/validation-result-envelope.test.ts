import { describe, expect, it } from 'vitest';
import {
  readValidationResultEnvelope,
  writeValidationResultEnvelope,
} from '../../src/artifacts/validation-result-envelope.js';
import { readResultFixture } from './artifact-store-test-kit.js';

const SOURCE = 'artifact backend-developer-validation-services-api-fe3b7a5f13';

describe('writeValidationResultEnvelope and readValidationResultEnvelope', () => {
  it('reads back exactly the result that was written', async () => {
    const result = await readResultFixture('services-api-failed');

    const text = writeValidationResultEnvelope(result);

    expect(JSON.parse(text)).toEqual({ schema: 1, project: 'services/api', result });
    expect(readValidationResultEnvelope(text, SOURCE)).toEqual({ ok: true, result });
  });

  it('keeps fields a newer result type added, so nothing is lost on the way to the report', async () => {
    const result = { ...(await readResultFixture('root-passed')), mutationScore: { killed: 91.5 } };

    const read = readValidationResultEnvelope(writeValidationResultEnvelope(result), SOURCE);

    expect(read).toEqual({ ok: true, result });
  });

  it('says which artifact holds text that is not JSON', () => {
    const read = readValidationResultEnvelope('{"schema": 1, "project": ', SOURCE);

    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(
      /^The validation result in artifact backend-developer-validation-services-api-fe3b7a5f13 is not valid JSON \(.+\)\.$/,
    );
  });

  it('asks for matching action versions when the format version differs', () => {
    expect(readValidationResultEnvelope('{"schema": 2}', SOURCE)).toEqual({
      ok: false,
      problem: `The validation result in ${SOURCE} has format version 2, but this action reads version 1: use the same version of the action in the validate and report jobs.`,
    });
  });

  it('says a file without a format version was not saved by this action', () => {
    expect(readValidationResultEnvelope('{"project": "a"}', SOURCE)).toEqual({
      ok: false,
      problem: `The validation result in ${SOURCE} has no format version: it was not saved by this action.`,
    });
  });

  it('rejects JSON that is not an object', () => {
    expect(readValidationResultEnvelope('[1, 2]', SOURCE)).toEqual({
      ok: false,
      problem: `The validation result in ${SOURCE} is not a JSON object.`,
    });
  });

  it('names the fields that are missing or wrong', () => {
    const text = JSON.stringify({
      schema: 1,
      project: 'services/api',
      result: { project: 'services/api', outcome: 'green', commands: [{ kind: 'test' }] },
    });

    const read = readValidationResultEnvelope(text, SOURCE);

    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(
      /^The validation result in .* is incomplete: result\.outcome: .*; result\.commands\.0\.run: .*\(and \d+ more\)\.$/,
    );
  });

  it('rejects a result filed under another project', async () => {
    const result = await readResultFixture('services-api-failed');
    const text = JSON.stringify({ schema: 1, project: 'services/web', result });

    expect(readValidationResultEnvelope(text, SOURCE)).toEqual({
      ok: false,
      problem: `The validation result in ${SOURCE} is labelled \`services/web\` but holds the result of \`services/api\`.`,
    });
  });
});
