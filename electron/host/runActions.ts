/**
 * runs.action: an action of a finished recipe run (e.g. evaluate RecCocktail's merge at a λ). The
 * arguments are validated here with the action's schema (core/protocol/recipeActions.ts), then the
 * worker — the only thread with tfjs — runs it on the run's folder. A long action (Auto λ) reports
 * its steps to the window that asked (runs.onActionProgress) and stops on runs.cancelAction or
 * when that window goes away (nobody is left to see the result, and the worker is freed for others).
 */
import { RecForgeError } from '../../core/errors';
import { actionArgsSchema, type ActionArtifact, type RunActionRequest } from '../../core/protocol/recipeActions';
import { RECIPE_RUN_MODELS, type RecipeRunModel } from '../../core/protocol/runSchemas';
import { zodError } from '../../core/models/lm/zodIssue';
import type { Caller } from './caller';
import type { HostContext } from './hostContext';

function isRecipeModel(model: string): model is RecipeRunModel {
  return (RECIPE_RUN_MODELS as readonly string[]).includes(model);
}

/** Runs the action; its progress goes to `caller` (the window that asked), runs.cancelAction stops it. */
export async function runAction(ctx: HostContext, req: RunActionRequest, caller?: Caller): Promise<unknown> {
  // Registered before the first await: a cancel the window sends right after its request (same connection, in order) must find the call.
  const controller = ctx.actionCalls.begin(req.runId, req.action);
  const stopWatching = caller?.onGone(() => controller.abort());
  let result: unknown;
  try {
    const { model, args } = await validatedAction(ctx, req);
    if (controller.signal.aborted) throw new RecForgeError('cancelled', `${req.action} was cancelled`);
    const onProgress = (done: number, total: number): void => caller?.send('runs.onActionProgress', { runId: req.runId, action: req.action, done, total });
    result = await ctx.worker.action(model, req.action, ctx.workspace.runDir(req.runId), args, { signal: controller.signal, onProgress });
  } finally {
    stopWatching?.();
    ctx.actionCalls.end(req.runId, req.action, controller);
  }
  if (isActionArtifact(result)) await ctx.runs.recordArtifact(req.runId, result.artifact);
  return result;
}

/** The run's recipe and the parsed arguments; RecForgeError('validation') when the run has no such action, is not finished, or the arguments are wrong. */
async function validatedAction(ctx: HostContext, req: RunActionRequest): Promise<{ model: RecipeRunModel; args: unknown }> {
  const { summary } = await ctx.runs.get(req.runId);
  const schema = isRecipeModel(summary.model) ? actionArgsSchema(summary.model, req.action) : null;
  if (!isRecipeModel(summary.model) || schema === null) {
    throw new RecForgeError('validation', `${summary.model} runs have no action '${req.action}'`, { file: 'runs.action', field: 'action', expected: 'an action of the run\'s recipe' });
  }
  if (summary.status !== 'done') throw new RecForgeError('validation', `run ${req.runId} is ${summary.status}; actions need a finished run`);
  const parsed = schema.safeParse(req.args ?? {});
  if (!parsed.success) throw zodError('validation', `${req.action} arguments`, 'args', parsed.error);
  return { model: summary.model, args: parsed.data };
}

function isActionArtifact(value: unknown): value is ActionArtifact {
  const a = (value as { artifact?: { kind?: unknown; path?: unknown; title?: unknown } } | null)?.artifact;
  return typeof a?.kind === 'string' && typeof a.path === 'string' && a.path.startsWith('artifacts/') && typeof a.title === 'string';
}
