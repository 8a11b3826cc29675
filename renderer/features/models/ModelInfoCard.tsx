import { memo, type ReactElement } from 'react';
import type { ModelFolderInfo } from '../../../core/protocol';
import { formatBytes, formatInt } from '../../lib/format';

function Row({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId?: string }): ReactElement {
  return (
    <div className="config-row">
      <dt>{label}</dt>
      <dd className="mono" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** What the folder holds and whether this machine can run or fine-tune it. */
export const ModelInfoCard = memo(function ModelInfoCard({ info }: { readonly info: ModelFolderInfo }): ReactElement {
  const c = info.config;
  const m = info.memory;
  return (
    <div className="config-groups model-info" data-testid="model-info" data-architecture={info.architecture} data-parameters={info.parameters}>
      <dl className="config-group">
        <div className="config-title">Architecture</div>
        <Row label="type" value={info.architecture} testId="model-architecture" />
        <Row label="parameters" value={formatInt(info.parameters)} testId="model-parameters" />
        <Row label="layers × hidden" value={`${c.layers} × ${c.hidden} (ffn ${c.intermediate})`} />
        <Row label="heads / kv heads" value={`${c.heads} / ${c.kvHeads}`} />
        <Row label="vocabulary" value={formatInt(c.vocab)} />
        <Row label="context" value={formatInt(c.maxPositions)} />
      </dl>
      <dl className="config-group">
        <div className="config-title">On disk</div>
        <Row label="weights" value={`${info.layout} · ${info.dtypes.map((d) => `${d.dtype} ${formatBytes(d.bytes)}`).join(', ')}`} />
        <Row label="files" value={String(info.files.length)} />
        <Row label="tokenizer" value={info.tokenizer.present ? `${info.tokenizer.modelType ?? '?'} · ${formatInt(info.tokenizer.vocabSize ?? 0)}` : 'missing (train one from scratch)'} />
      </dl>
      <dl className="config-group">
        <div className="config-title">Memory</div>
        <Row label="to run" value={`${formatBytes(m.inferenceBytes)} ${m.fitsInference ? '✓' : '✗'}`} testId="model-fits" />
        <Row label="LoRA training" value={`${formatBytes(m.loraTrainingBytes)} ${m.fitsLoraTraining ? '✓' : '✗'}`} />
        <Row label="free now" value={formatBytes(m.availableBytes)} />
      </dl>
      {info.warnings.length > 0 ? <ul className="muted small">{info.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
    </div>
  );
});
