/** A run request's settings: everything but the dataset and the recipe id (what RunSummary.config holds). */
import type { RunSettings } from '../../core/protocol/dto';
import type { StartRunRequestParsed } from '../../core/protocol/runSchemas';

export function settingsOf(req: StartRunRequestParsed): RunSettings {
  const { datasetId: _dataset, model: _model, ...settings } = req;
  return settings;
}
