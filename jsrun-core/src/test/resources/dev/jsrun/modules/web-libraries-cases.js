// Cases for WebLibrariesTest, run as they are by jsrun (in a runtime restored from a snapshot of the modules,
// resolved with the default conditions) and by Node (web-libraries-node.js). runCases(library) settles to the
// JSON of { case name: value }; a case that throws or rejects records 'throws <name>: <message>'.
var LIBRARY_CASES = {

  react: function () {
    const React = require('react');
    const server = require('react-dom/server');
    const h = React.createElement;
    function Counter(props) {
      const [count] = React.useState(props.start);
      return h(React.Fragment, null, h('span', null, 'count: ', count), h('button', { onClick: () => {} }, '+'));
    }
    function Labelled(props) {
      const id = React.useId();
      return h('div', null, h('label', { htmlFor: id }, props.label), h('input', { id, defaultValue: props.value }));
    }
    const Theme = React.createContext('light');
    function Themed() {
      return h('p', { className: 'theme-' + React.useContext(Theme) }, 'themed');
    }
    const page = h('html', null, h('body', null,
      h('h1', { className: 'title', 'data-x': 'a"b' }, 'Hello <world> & "friends"'),
      h('ul', null, ['a', 'b', 'c'].map(x => h('li', { key: x }, x))),
      h(Counter, { start: 3 }),
      h(Labelled, { label: 'Name', value: 'Ada' }),
      h(Labelled, { label: 'City', value: 'Paris' }),
      h(Theme.Provider, { value: 'dark' }, h(Themed)),
      h(Themed)));
    return {
      'version': () => React.version,
      'renderToString: elements, escaping, lists': () => server.renderToString(page),
      'renderToStaticMarkup': () => server.renderToStaticMarkup(page),
      'adjacent text': () => server.renderToString(h('p', null, 'a', 1, 'b', null, false, 'c')),
      'attributes and styles': () => server.renderToString(h('div', null,
        h('input', { disabled: true, readOnly: true, value: 'v', onChange: () => {}, style: { marginTop: 4, color: 'red', zIndex: 2 } }),
        h('svg', { viewBox: '0 0 10 10', strokeWidth: 2 }, h('circle', { cx: 5, cy: 5, r: 4, fillOpacity: 0.5 })),
        h('div', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }),
        h('textarea', { defaultValue: 'text' }),
        h('select', { defaultValue: 'b' }, h('option', { value: 'a' }, 'A'), h('option', { value: 'b' }, 'B')))),
      'a component that throws': () => server.renderToString(h(function Broken() { throw new Error('broken'); })),
      'many rows': () => server.renderToStaticMarkup(h('table', null, h('tbody', null,
        Array.from({ length: 200 }, (_, i) => h('tr', { key: i }, h('td', null, i), h('td', null, 'row ' + i)))))).length
    };
  },

  vue: function () {
    const { createSSRApp, h, ref, computed, defineComponent } = require('vue');
    const { renderToString } = require('vue/server-renderer');
    const Item = defineComponent({
      props: { label: String, done: Boolean },
      template: '<li :class="{ done }"><slot name="icon">*</slot> {{ label }}</li>'
    });
    return {
      'template with data, v-for and escaping': () => renderToString(createSSRApp({
        data: () => ({ msg: 'hi <b>there</b> & "you"', items: [1, 2, 3] }),
        template: '<div><p :title="msg">{{ msg }}</p><ul><li v-for="i in items" :key="i">{{ i * 2 }}</li></ul></div>'
      })),
      'v-if, class and style bindings, computed': () => renderToString(createSSRApp({
        setup() {
          const n = ref(4);
          const even = computed(() => n.value % 2 === 0);
          return { n, even };
        },
        template: '<section :class="[\'box\', { even }]" :style="{ color: even ? \'green\' : \'red\', fontSize: n + \'px\' }">'
          + '<span v-if="even">even {{ n }}</span><span v-else>odd</span><input :value="n" disabled></section>'
      })),
      'components, props and slots': () => renderToString(createSSRApp({
        components: { Item },
        data: () => ({ todos: [{ label: 'write', done: true }, { label: 'ship <it>', done: false }] }),
        template: '<ul><Item v-for="t in todos" :key="t.label" :label="t.label" :done="t.done">'
          + '<template #icon>{{ t.done ? "x" : "o" }}</template></Item></ul>'
      })),
      'render function': () => renderToString(createSSRApp({
        render: () => h('div', { id: 'r', 'data-n': 1 }, [h('b', 'bold'), ' and ', h('i', { innerHTML: '<u>u</u>' })])
      })),
      'many rows': () => renderToString(createSSRApp({
        data: () => ({ rows: Array.from({ length: 200 }, (_, i) => i) }),
        template: '<table><tr v-for="r in rows" :key="r"><td>{{ r }}</td><td>row {{ r }}</td></tr></table>'
      })).then(html => html.length)
    };
  },

  uuid: function () {
    const uuid = require('uuid');
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    return {
      'v4 shape, version and validity': () => {
        const ids = Array.from({ length: 1000 }, () => uuid.v4());
        return [ids.every(id => shape.test(id)), ids.every(id => uuid.validate(id) && uuid.version(id) === 4),
          new Set(ids).size];
      },
      'v4 into a buffer': () => {
        const bytes = uuid.v4(undefined, new Uint8Array(20), 2);
        return [bytes.length, bytes[0], bytes[1], bytes[8] >> 4, (bytes[10] & 0xc0) >> 6];
      },
      'v5 and v3 are fixed': () => [uuid.v5('hello', uuid.v5.URL), uuid.v5('jsrun.dev', uuid.v5.DNS),
        uuid.v3('hello', uuid.v3.DNS), uuid.v3('', uuid.v3.URL)],
      'v7 shape': () => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid.v7()),
      'parse and stringify': () => {
        const text = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
        return [Array.from(uuid.parse(text)), uuid.stringify(uuid.parse(text)), uuid.NIL, uuid.MAX];
      },
      'invalid input': () => [uuid.validate('not-a-uuid'), (() => {
        try { uuid.parse('nope'); return 'parsed'; } catch (e) { return e.name; }
      })()]
    };
  }
};

async function runCases(library) {
  const results = {};
  const cases = LIBRARY_CASES[library]();
  for (const name of Object.keys(cases)) {
    try {
      results[name] = await cases[name]();
    }
    catch (error) {
      results[name] = 'throws ' + error.name + ': ' + error.message;
    }
  }
  return JSON.stringify(results);
}
