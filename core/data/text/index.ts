/** Item-text cleaning and templates (field placeholders, RecBase unified text, CPRec domain-free text). */
export { capLength, cleanItemTexts, cleanText, type CleanOptions, type TextFields } from './clean';
export { decodeHtmlEntities } from './entities';
export { parseTemplate, validateTemplate, type ParsedTemplate, type TemplateError, type TemplateSegment } from './template';
export { fieldText, previewTemplate, renderTemplate, type RenderOptions, type TemplatePreview } from './render';
export { cprecItemText, DOMAIN_FIELDS, domainNoun, fieldBlock, recBaseItemText, type UnifiedOptions } from './unified';
