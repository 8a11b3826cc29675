import { useState, type FormEvent, type ReactElement } from 'react';
import type { LmGenerateResult } from '../../../core/protocol';
import { invoke, toApiError } from '../../ipc/invoke';
import { useStore } from '../../store';

/** Greedy continuation of a prompt by a finished pretraining run's model (runs.action 'generate'). */
export function TryModel({ runId }: { readonly runId: string }): ReactElement {
  const [prompt, setPrompt] = useState('Title: ');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LmGenerateResult | null>(null);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    invoke('runs.action', { runId, action: 'generate', args: { prompt, maxNewTokens: 32 } })
      .then((value) => setResult(value as LmGenerateResult))
      .catch((error: unknown) => useStore.getState().pushError('Generate', toApiError(error)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="panel try-model" data-testid="try-model" onSubmit={onSubmit}>
      <div className="panel-title">Try the model</div>
      <p className="muted small">Greedy continuation (up to 32 tokens) of your text by the exported model.</p>
      <div className="try-row">
        <input data-testid="try-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} aria-label="Prompt" />
        <button type="submit" className="btn btn-primary" data-testid="try-generate" disabled={busy}>{busy ? 'Generating…' : 'Generate'}</button>
      </div>
      {result === null ? null : (
        <p className="mono try-output" data-testid="try-output" data-tokens={result.tokens}>
          <span className="muted">{result.prompt}</span>{result.continuation}
        </p>
      )}
    </form>
  );
}
