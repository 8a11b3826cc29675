import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../core/protocol';
import { buildSettings, formGroups, initialValues, refusalProblems } from './schemaForm';

const settings: JsonSchema = {
  type: 'object',
  properties: {
    train: { type: 'object', properties: {
      epochs: { type: 'integer', minimum: 1, maximum: 100, default: 200, title: 'Epochs', description: 'Passes' },
      learningRate: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.001 },
    } },
    eval: { type: 'object', properties: {
      fullRanking: { type: 'boolean', default: true },
      sampler: { type: 'string', enum: ['uniform', 'popularity'], default: 'uniform' },
    } },
  },
};

describe('forms from JSON Schema', () => {
  it('makes one field per leaf with labels, help, ranges and (overridden) defaults', () => {
    const groups = formGroups(settings, { 'train.epochs': 20 });
    expect(groups.map((g) => g.title)).toEqual(['Training', 'Evaluation']);
    expect(groups[0]?.fields[0]).toEqual({ path: 'train.epochs', label: 'Epochs', help: 'Passes', kind: 'integer', min: 1, max: 100, initial: '20' });
    expect(groups[0]?.fields[1]).toMatchObject({ label: 'Learning rate', kind: 'number', min: 0, initial: '0.001' });
    expect(groups[1]?.fields[1]).toMatchObject({ kind: 'enum', options: ['uniform', 'popularity'] });
  });

  it('builds the nested request object from the texts', () => {
    const groups = formGroups(settings);
    const built = buildSettings(groups, { ...initialValues(groups), 'train.epochs': '7', 'eval.fullRanking': 'false' });
    expect(built).toEqual({ ok: true, settings: { train: { epochs: 7, learningRate: 0.001 }, eval: { fullRanking: false, sampler: 'uniform' } } });
  });

  it('reports every bad field', () => {
    const groups = formGroups(settings);
    const built = buildSettings(groups, { 'train.epochs': '2.5', 'train.learningRate': 'fast' });
    expect(built).toEqual({ ok: false, errors: ['Epochs must be a whole number', 'Learning rate must be a number'] });
    expect(buildSettings(groups, { 'train.epochs': '500' })).toMatchObject({ ok: false, errors: ['Epochs must be between 1 and 100'] });
  });

  it('offers a model choice for model-ref strings and passes the id through', () => {
    const groups = formGroups({ type: 'object', properties: { settings: { type: 'object', properties: { baseModel: { type: 'string', format: 'model-ref', default: 'scratch' } } } } });
    expect(groups[0]?.fields[0]).toMatchObject({ kind: 'model', initial: 'scratch' });
    expect(buildSettings(groups, { 'settings.baseModel': 'mdl_1' })).toEqual({ ok: true, settings: { settings: { baseModel: 'mdl_1' } } });
  });

  it("offers the dataset's domains for domain-ref strings, the empty default included", () => {
    const groups = formGroups({ type: 'object', properties: { settings: { type: 'object', properties: { targetDomain: { type: 'string', format: 'domain-ref', default: '' } } } } });
    expect(groups[0]?.fields[0]).toMatchObject({ kind: 'domain', initial: '' });
    expect(buildSettings(groups, { 'settings.targetDomain': 'books' })).toEqual({ ok: true, settings: { settings: { targetDomain: 'books' } } });
    expect(buildSettings(groups, { 'settings.targetDomain': '' })).toEqual({ ok: true, settings: { settings: { targetDomain: '' } } });
  });

  it("names the host's reasons for refusing a run by the form's labels and marks their fields", () => {
    const groups = formGroups(settings);
    const refused = { code: 'validation' as const, message: 'invalid runs.start request: …', issues: [{ field: 'train.epochs', message: 'too big' }, { field: 'datasetId', message: 'unknown' }] };
    expect(refusalProblems(refused, groups)).toEqual([{ text: 'Epochs: too big', path: 'train.epochs' }, { text: 'datasetId: unknown', path: null }]);
    expect(refusalProblems({ code: 'not_found', message: 'no dataset ds_9' }, groups)).toEqual([{ text: 'no dataset ds_9', path: null }]);
  });
});
