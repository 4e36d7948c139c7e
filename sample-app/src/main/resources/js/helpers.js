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

// Intl objects cannot go into the snapshot (the build refuses them), so each runtime makes its own on first use.
const formatters = new Map();
function formatter(kind, locale, options) {
    const key = kind + '|' + locale + '|' + JSON.stringify(options);
    let format = formatters.get(key);
    if (format === undefined) {
        format = kind === 'number' ? new Intl.NumberFormat(locale, options)
            : kind === 'date' ? new Intl.DateTimeFormat(locale, options) : new Intl.Collator(locale, options);
        formatters.set(key, format);
    }
    return format;
}

globalThis.formatForLocale = (request) => ({
    amount: formatter('number', request.locale, { style: 'currency', currency: request.currency }).format(request.amount),
    date: formatter('date', request.locale, { dateStyle: 'full', timeStyle: 'long', timeZone: request.timeZone })
        .format(new Date(request.date)),
    sorted: [...request.words].sort(formatter('collator', request.locale, {}).compare)
});
