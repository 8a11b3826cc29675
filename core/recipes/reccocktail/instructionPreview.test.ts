import { describe, expect, it } from 'vitest';
import { demoRecipeSources } from '../llm/testData';
import { instructionPreview } from './instructionPreview';

const sources = demoRecipeSources(120);
const settings = { template: 'History:\n{history}\nNext:', itemText: 'genres-title', targetDomain: '', maxHistory: 3, negatives: 9 } as const;

describe('instruction template preview', () => {
  it('renders one real example of the target domain with the run’s item text: numbered history, answer, candidates with their count', () => {
    const p = instructionPreview(sources, settings);
    expect(p.domain).toBe('movies');
    expect(p.errors).toEqual([]);
    expect(p.prompt).toMatch(/^History:\n1\. [^\n]+\n2\. [^\n]+\n3\. [^\n]+\nNext:$/);
    expect(p.completion).toMatch(/^[A-Z][^:]*: .+/); // "genres: title"
    const listed = instructionPreview(sources, { ...settings, template: 'Pick one of {count} ({domain}):\n{candidates}', itemText: 'title', negatives: 4 });
    expect(listed.prompt.split('\n')).toHaveLength(6);
    expect(listed.prompt).toContain('Pick one of 5 (movies):');
    expect(listed.prompt).toContain(listed.completion);
  });

  it('returns located mistakes instead of throwing; empty = the core default template (lists the candidates)', () => {
    const bad = instructionPreview(sources, { ...settings, template: 'History: {histroy}' });
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors[0]?.position).toBe(9);
    expect(bad.prompt).toBe('');
    expect(instructionPreview(sources, { ...settings, template: '' }).prompt).toContain('Candidate items:');
  });
});
