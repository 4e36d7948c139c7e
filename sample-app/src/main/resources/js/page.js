// Server-side rendering with React's browser build, which needs the web platform every runtime has
// (TextEncoder, MessageChannel); each page gets an id from crypto.randomUUID, random in every runtime.
const React = require('react');
const { renderToString } = require('react-dom/server');
const h = React.createElement;

function Page({ title, items }) {
    return h('article', null,
        h('h1', null, title),
        h('ul', null, items.map((item, i) => h('li', { key: i }, item))));
}

globalThis.renderPage = (model) => ({
    id: crypto.randomUUID(),
    html: renderToString(h(Page, { title: model.title, items: model.items ?? [] }))
});

// Waits in the runtime's event loop: the call's future completes once the timer has fired.
globalThis.greetLater = (name, delayMs) =>
    new Promise((resolve) => setTimeout(() => resolve('Hello, ' + name + '!'), delayMs));
