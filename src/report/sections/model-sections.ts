import { cappedList, code, details, inline, quoteUntrusted } from '../markdown.js';
import type { ModelInsights } from '../report-input.js';

export const MODEL_LABEL = '🤖 _Model-written_';

/** The model's plain-language summary, labelled as model-written. Absent without a model. */
export function renderSummarySection(model: ModelInsights | undefined): string | undefined {
  if (!model?.summary) return undefined;
  return `### Summary\n\n${MODEL_LABEL} (${inline(model.name)}):\n\n${quoteUntrusted(model.summary, 2000)}`;
}

/** The model's design notes, as extra bullet points of Design Notes. */
export function renderModelDesignNotes(model: ModelInsights | undefined): string[] {
  if (!model || model.designNotes.length === 0) return [];
  return model.designNotes
    .slice(0, 8)
    .map(
      (d) =>
        `- ${MODEL_LABEL}: ${inline(d.note)}${d.files.length ? ` (${d.files.slice(0, 3).map(code).join(', ')})` : ''}`,
    );
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** One footer block: model, tokens, what it could not do, and what it was not shown. */
export function renderModelFooter(model: ModelInsights | undefined): string | undefined {
  if (!model) return undefined;
  const u = model.usage;
  const input = u.inputTokens + u.cacheReadInputTokens + u.cacheCreationInputTokens;
  const lines = [
    `<sub>Model: ${inline(model.name)} · ${formatNumber(input)} input tokens (${formatNumber(u.cacheReadInputTokens)} read from cache) · ${formatNumber(u.outputTokens)} output tokens.</sub>`,
  ];
  for (const failure of model.failures) lines.push(`> ${inline(failure)}`);
  if (model.leftOut.length) {
    const items = model.leftOut.map((f) => `${code(f.path)} — ${inline(f.reason)}`);
    lines.push(
      details(
        `${model.leftOut.length} file${model.leftOut.length === 1 ? '' : 's'} not shown to the model`,
        cappedList(items, { visible: 50, cap: 300 }),
      ),
    );
  }
  return lines.join('\n\n');
}
