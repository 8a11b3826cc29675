/**
 * Building blocks of every recipe's settings schema: bounded numbers with a default, a title and a
 * help text (the studio's forms and the host's validation read the same declaration), and the
 * parse that turns the first bad field into a located error.
 */
import { z } from 'zod';
import { zodError } from '../models/lm/zodIssue';

/** An integer setting in [min, max]. */
export function intSetting(min: number, max: number, value: number, title: string, description: string): z.ZodDefault<z.ZodNumber> {
  return z.number().int().min(min).max(max).default(value).meta({ title, description });
}

/** A real-valued setting in [min, max]. */
export function numSetting(min: number, max: number, value: number, title: string, description: string): z.ZodDefault<z.ZodNumber> {
  return z.number().min(min).max(max).default(value).meta({ title, description });
}

/**
 * A domain of the run's dataset, by name; '' = the recipe's default domain (its description says
 * which). Format 'domain-ref' lets the studio offer the dataset's domains instead of a text box.
 */
export function domainSetting(title: string, description: string): z.ZodDefault<z.ZodString> {
  return z.string().max(200).default('').meta({ title, description, format: 'domain-ref' });
}

/** Validated settings with defaults; RecForgeError('validation') located at the first bad field. */
export function parseRecipeSettings<S extends z.ZodType>(schema: S, what: string, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw zodError('validation', what, 'settings', parsed.error);
  return parsed.data;
}
