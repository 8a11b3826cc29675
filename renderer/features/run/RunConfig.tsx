import { memo, useMemo, type ReactElement } from 'react';
import type { RunSettings, RunSummary } from '../../../core/protocol';
import { formatCompact } from '../../lib/format';
import { formGroups } from '../../lib/schemaForm';
import { useStore } from '../../store';

type Entry = readonly [label: string, value: string];

function show(v: unknown): string {
  if (typeof v === 'number') return formatCompact(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Groups and labels from the recipe's schema when known, the raw keys otherwise. */
function entries(config: RunSettings, labels: ReadonlyMap<string, { group: string; label: string }>): readonly { title: string; rows: readonly Entry[] }[] {
  return Object.entries(config).map(([group, values]) => ({
    title: labels.get(group)?.group ?? group,
    rows: Object.entries(values).map(([key, v]): Entry => [labels.get(`${group}.${key}`)?.label ?? key, show(v)]),
  }));
}

/** The settings the run was started with. */
export const RunConfig = memo(function RunConfig({ model, config }: { readonly model: RunSummary['model']; readonly config: RunSettings }): ReactElement {
  const recipe = useStore((s) => s.recipes.find((r) => r.id === model));
  const labels = useMemo(() => {
    const map = new Map<string, { group: string; label: string }>();
    for (const g of recipe ? formGroups(recipe.settings) : []) {
      const group = g.key === 'modelConfig' ? recipe?.title ?? g.title : g.title;
      map.set(g.key, { group, label: group });
      for (const f of g.fields) map.set(f.path, { group, label: f.label });
    }
    return map;
  }, [recipe]);
  return (
    <div className="panel" data-testid="run-config">
      <div className="panel-title">Configuration</div>
      <div className="config-groups">
        {entries(config, labels).map((group) => (
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
