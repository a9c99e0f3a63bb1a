import { compileTemplate, type TemplateSet } from '../../src/templates/engine.js';

/** A template set made from strings, for tests. */
export function templateSet(templates: Record<string, string>, partials: Record<string, string> = {}): TemplateSet {
  const set: TemplateSet = { templates: new Map(), partials: new Map() };
  for (const [name, text] of Object.entries(templates)) {
    const result = compileTemplate(text, `templates/${name}.md.hbs`);
    if ('diagnostic' in result) throw new Error(result.diagnostic.message);
    set.templates.set(name, result.template);
  }
  for (const [name, text] of Object.entries(partials)) {
    const result = compileTemplate(text, `templates/partials/${name}.md.hbs`);
    if ('diagnostic' in result) throw new Error(result.diagnostic.message);
    set.partials.set(name, result.template);
  }
  return set;
}
