// Runs last into the snapshot, after lodash (_), marked and Handlebars have defined their globals.

Handlebars.registerHelper('upper', (value) => String(value ?? '').toUpperCase());
Handlebars.registerHelper('join', (items, separator) =>
    Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : '');

globalThis.renderMarkdown = (markdown) => marked.parse(markdown);
globalThis.renderTemplate = (template, model) => Handlebars.compile(template)(model);
