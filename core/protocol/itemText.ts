/** Item text templates of a dataset: how an item becomes the text the language models read. */

/** A template's problem, with the character position it starts at. */
export interface TemplateProblem {
  readonly position: number;
  readonly message: string;
}

/** The template, the fields it may use, and how the first items read with it. */
export interface ItemTextPreview {
  readonly template: string;
  readonly fields: readonly string[];
  readonly errors: readonly TemplateProblem[];
  readonly samples: readonly string[];
  /** Ready-made templates (RecBase's unified style, CPRec's domain-free style). */
  readonly presets: readonly { readonly name: string; readonly template: string }[];
}
