import { memo, type ReactElement } from 'react';
import type { RunConfig as RunConfigData } from '../../../core/protocol';
import { formatCompact } from '../../lib/format';

type Entry = readonly [label: string, value: string];

function entries(config: RunConfigData): readonly { title: string; rows: readonly Entry[] }[] {
  const { model, train, eval: ev } = config;
  return [
    { title: 'Training', rows: [['epochs', String(train.epochs)], ['batch size', String(train.batchSize)], ['learning rate', formatCompact(train.learningRate)], ['seed', String(train.seed)]] },
    { title: 'SASRec', rows: [['hidden', String(model.hidden)], ['blocks', String(model.blocks)], ['heads', String(model.heads)], ['max length', String(model.maxLen)], ['dropout', String(model.dropout)]] },
    { title: 'Evaluation', rows: [['negatives', String(ev.negatives)], ['sampler seed', String(ev.seed)], ['full ranking', ev.fullRanking ? 'yes' : 'no']] },
  ];
}

/** The configuration the run was started with. */
export const RunConfig = memo(function RunConfig({ config }: { readonly config: RunConfigData }): ReactElement {
  return (
    <div className="panel" data-testid="run-config">
      <div className="panel-title">Configuration</div>
      <div className="config-groups">
        {entries(config).map((group) => (
          <dl key={group.title} className="config-group">
            <div className="config-title">{group.title}</div>
            {group.rows.map(([label, value]) => (
              <div key={label} className="config-row">
                <dt>{label}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
        ))}
      </div>
    </div>
  );
});
