/** Tags as the user types them: "baseline, ml-100k  lr-sweep" → ['baseline', 'ml-100k', 'lr-sweep']. */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,\s]+/).map((t) => t.trim()).filter((t) => t.length > 0).map((t) => t.slice(0, 40));
  return [...new Set(tags)].slice(0, 20);
}

/** Runs carrying every tag of `filter` (all runs when the filter is empty). */
export function matchesTags(tags: readonly string[], filter: readonly string[]): boolean {
  return filter.every((t) => tags.includes(t));
}
