// Runs last into the snapshot, after lodash (_) and marked have defined their globals; handlebars comes
// from require(), served from the snapshot's modules.
const Handlebars = require('handlebars');

Handlebars.registerHelper('upper', (value) => String(value ?? '').toUpperCase());
Handlebars.registerHelper('join', (items, separator) =>
    Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : '');

// marked keeps its rules behind a getter, which jsrun does not call: a data property lets every runtime share
// their compiled regular expressions
globalThis.markedRules = marked.Lexer.rules;
globalThis.renderMarkdown = (markdown) => marked.parse(markdown);
globalThis.renderTemplate = (template, model) => Handlebars.compile(template)(model);
