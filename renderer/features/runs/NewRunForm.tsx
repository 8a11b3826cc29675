import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import type { RecipeInfo, StartRunRequest } from '../../../core/protocol';
import { startRun } from '../../ipc/actions';
import { buildSettings, formGroups, initialValues, refusalProblems, type FormValues } from '../../lib/schemaForm';
import { useStore } from '../../store';
import { newRunDatasetId } from '../../store/selectors';
import { SchemaField } from './SchemaField';
import { StageChain } from './StageChain';
import { InstructionTemplateField } from './InstructionTemplateField';

/** RecCocktail's instruction template field: edited with a live example of the dataset. */
const INSTRUCTION_TEMPLATE = 'settings.template';

function DatasetSelect(): ReactElement {
  const datasets = useStore((s) => s.datasets);
  const selected = useStore(newRunDatasetId);
  const select = useStore((s) => s.selectNewRunDataset);
  const onChange = useCallback((e: ChangeEvent<HTMLSelectElement>) => select(e.target.value), [select]);
  return (
    <label className="field grow">
      <span>Dataset</span>
      <select data-testid="run-dataset" value={selected} onChange={onChange}>
        {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
      </select>
    </label>
  );
}

/** The form values of a preset: the recipe's defaults with the preset's fields set. */
function presetValues(recipe: RecipeInfo, presetId: string): FormValues {
  const preset = recipe.presets.find((p) => p.id === presetId);
  return initialValues(formGroups(recipe.settings, { ...recipe.formDefaults, ...preset?.values }));
}

/** Presets of a recipe (quick demo, paper ablations): choosing one fills the form. */
function PresetSelect({ recipe, value, onChange }: { readonly recipe: RecipeInfo; readonly value: string; readonly onChange: (id: string) => void }): ReactElement | null {
  if (recipe.presets.length === 0) return null;
  const chosen = recipe.presets.find((p) => p.id === value);
  return (
    <label className="field">
      <span>Preset</span>
      <select data-testid="run-preset" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Defaults (paper-scale demo)</option>
        {recipe.presets.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
      </select>
      {chosen ? <small className="muted">{chosen.description}</small> : null}
    </label>
  );
}

/** The settings form of one recipe, generated from its schema; Start → runs.start → the run page. */
function RecipeForm({ recipe, datasetId }: { readonly recipe: RecipeInfo; readonly datasetId: string }): ReactElement {
  const groups = useMemo(() => formGroups(recipe.settings, recipe.formDefaults), [recipe]);
  const [values, setValues] = useState<FormValues>(() => initialValues(groups));
  const [presetId, setPresetId] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [invalidPaths, setInvalidPaths] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const errorList = useRef<HTMLUListElement | null>(null);
  // Errors appear above the Start button; bring them into view when they change.
  useEffect(() => {
    errorList.current?.scrollIntoView({ block: 'nearest' });
  }, [errors]);
  const onField = useCallback((path: string, text: string) => setValues((v) => ({ ...v, [path]: text })), []);
  const onReset = useCallback(() => {
    setPresetId('');
    setValues(initialValues(groups));
  }, [groups]);
  const onPreset = useCallback((id: string) => {
    setPresetId(id);
    setValues(presetValues(recipe, id));
  }, [recipe]);
  const onStart = useCallback(() => {
    const built = buildSettings(groups, values);
    setErrors(built.ok ? [] : built.errors);
    setInvalidPaths(new Set());
    if (!built.ok) return;
    setBusy(true);
    const request = { datasetId, model: recipe.id, ...built.settings } as StartRunRequest;
    void startRun(request).then((refused) => {
      if (refused === null) return;
      const problems = refusalProblems(refused, groups);
      setErrors(problems.map((p) => p.text));
      setInvalidPaths(new Set(problems.flatMap((p) => (p.path === null ? [] : [p.path]))));
    }).finally(() => setBusy(false));
  }, [groups, values, datasetId, recipe.id]);
  return (
    <>
      <PresetSelect recipe={recipe} value={presetId} onChange={onPreset} />
      {groups.map((g) => (
        <fieldset key={g.key} className="field-group">
          <legend>{g.key === 'modelConfig' ? recipe.title : g.title}</legend>
          {g.fields.map((f) =>
            recipe.id === 'reccocktail' && f.path === INSTRUCTION_TEMPLATE ? (
              <InstructionTemplateField key={f.path} field={f} values={values} datasetId={datasetId} onChange={onField} />
            ) : (
              <SchemaField key={f.path} field={f} value={values[f.path] ?? ''} onChange={onField} invalid={invalidPaths.has(f.path)} />
            ),
          )}
        </fieldset>
      ))}
      {errors.length === 0 ? null : (
        <ul className="form-errors" role="alert" data-testid="run-form-errors" ref={errorList}>
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onReset}>Defaults</button>
        <button type="button" className="btn btn-primary" data-testid="run-start" onClick={onStart} disabled={busy || datasetId === ''}>
          {busy ? 'Starting…' : 'Start training'}
        </button>
      </div>
    </>
  );
}

/** A multi-domain recipe on a dataset with too few domains: said before Start, with the way out. */
function DomainsWarning({ recipe, datasetId }: { readonly recipe: RecipeInfo; readonly datasetId: string }): ReactElement | null {
  const dataset = useStore((s) => s.datasets.find((d) => d.id === datasetId));
  const need = recipe.domains;
  if (need === undefined || dataset === undefined || dataset.domains.length >= need.min) return null;
  const has = dataset.domains.length <= 1 ? 'one domain' : `${dataset.domains.length} domains`;
  return (
    <p className="import-report warn" role="note" data-testid="recipe-domains-warning">
      {recipe.title} is built for at least {need.min} domains, and {dataset.name} has {has}: {need.why}. Combine datasets into one multi-domain dataset on the Datasets page.
    </p>
  );
}

/** New run: dataset, recipe (paper, stages) and its generated settings form. */
export function NewRunForm(): ReactElement {
  const recipes = useStore((s) => s.recipes);
  const [recipeId, setRecipeId] = useState<string | null>(null);
  const recipe = recipes.find((r) => r.id === recipeId) ?? recipes[0];
  const datasetId = useStore(newRunDatasetId);
  const onRecipe = useCallback((e: ChangeEvent<HTMLSelectElement>) => setRecipeId(e.target.value), []);
  return (
    <div className="panel new-run" data-testid="new-run-form">
      <div className="panel-title">New run</div>
      <div className="form-row">
        <DatasetSelect />
        <label className="field grow">
          <span>Recipe</span>
          <select data-testid="run-recipe" value={recipe?.id ?? ''} onChange={onRecipe}>
            {recipes.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
          </select>
        </label>
      </div>
      {recipe === undefined ? <p className="muted">Loading recipes…</p> : (
        <>
          <p className="recipe-paper muted small" data-testid="recipe-paper">{recipe.paper} — {recipe.summary}</p>
          <StageChain stages={recipe.stages} />
          <DomainsWarning recipe={recipe} datasetId={datasetId} />
          <RecipeForm key={recipe.id} recipe={recipe} datasetId={datasetId} />
        </>
      )}
    </div>
  );
}
