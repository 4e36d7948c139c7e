// Cases for BoundedBuiltinsTest: regular expressions, and splits by a string, over strings longer than jsrun
// hands to V8's own loops (allocation-guards.js), where jsrun runs them one step at a time. jsrun and Node must agree on repr() of
// each line's value after the prelude; long strings and arrays are digested.
function repr(value, depth) {
  depth = depth || 0;
  if (depth > 3) return '<deep>';
  if (value === undefined) return '<undefined>';
  if (typeof value === 'string') return value.length > 80 ? digest(value) : value;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : value !== value ? 'NaN' : value;
  if (typeof value === 'function') return '<function ' + value.name + '>';
  if (value === null || typeof value !== 'object') return value;
  const keys = Reflect.ownKeys(value);
  const shown = keys.length > 12 ? keys.slice(0, 6).concat(keys.slice(-6)) : keys;
  return { proto: Array.isArray(value) ? 'array' : Object.prototype.toString.call(value), keys: keys.length,
    items: shown.map(k => String(k) + '=' + JSON.stringify(repr(value[k], depth + 1))) };
}
function digest(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return text.length + ':' + text.slice(0, 24) + '...' + text.slice(-24) + ':' + hash;
}
const LONG = 'ab1c'.repeat(1 << 17);
const EMOJI = '\u{1F600}a'.repeat(1 << 17);
const LINES = 'line\n'.repeat(1 << 17);
const HUGE = 'ab1c'.repeat(1 << 20);
// ---- cases
LONG.replace(/b/g, '[$&]')
LONG.replace(/(b)(1)/g, '$2$1$$')
LONG.replace(/(?<x>1)(?<y>c)/g, '$<y>$<x>$<z>')
LONG.replace(/(1)c$/g, "[$'|$`]").length
LONG.replace(/(1)c$/g, "[$'|$3|$01|$10|$]")
LONG.replace(/b(1)/, '$1$1')
LONG.replace(/(?:)/g, '-')
EMOJI.replace(/(?:)/gu, '.')
EMOJI.replace(/(?:)/g, '.')
LONG.replace(/ab/gy, 'X')
LONG.replace(/b|(x)/g, (m, p1, offset, s) => m + typeof p1 + offset % 7 + (s === LONG))
LONG.replace(/(?<one>1)/g, (...args) => typeof args[args.length - 1] + args[args.length - 1].one + args.length)
(() => { const calls = []; LONG.replace(/c(?=ab1c$)|^a/g, (...args) => { calls.push(args.length + ':' + args[0] + ':' + args[1]); return ''; }); return calls; })()
(() => { const r = /b/g; r.lastIndex = 5; LONG.replace(r, 'x'); return r.lastIndex; })()
(() => { const r = /b/; r.lastIndex = 7; const out = LONG.replace(r, 'x'); return [r.lastIndex, out.slice(0, 8)]; })()
(() => { const r = /b/y; r.lastIndex = 1; const out = LONG.replace(r, 'X'); return [r.lastIndex, out.slice(0, 6)]; })()
(() => { const r = /b/y; r.lastIndex = 2; const out = LONG.replace(r, 'X'); return [r.lastIndex, out.slice(0, 6)]; })()
(() => { const r = /b/g; Object.defineProperties(r, { flags: { value: '' }, global: { value: false } }); return LONG.replace(r, 'X'); })()
(() => { const r = /b/g; let n = 0; r.exec = function (s) { n++; return n > 3 ? null : { 0: 'b', length: 1, index: n * 4 + 1 }; }; return [LONG.replace(r, '<$&>'), n]; })()
(() => { const r = /b/g; r.exec = () => 1; return LONG.replace(r, 'x'); })()
(() => { const r = /b/g; let n = 0; r.exec = function (s) { n++; return n > 2 ? null : { 0: 'ab', 1: 7, length: 2, index: -5, groups: { g: 'G' } }; }; return LONG.replace(r, '$1$<g>'); })()
LONG.replaceAll(/b/g, '$&$&')
LONG.replaceAll(/b/, 'x')
RegExp.prototype[Symbol.replace].call(/b/g, LONG, 'B')
String.prototype.replace.call({ toString() { return LONG; } }, /b/g, 'B')
RegExp.prototype[Symbol.replace].call(1, LONG, 'x')
LONG.replace(/b/g, { toString() { return '$&!'; } })
LONG.match(/b/g).length
LONG.match(/(?:)/g).length
EMOJI.match(/(?:)/gu).length
LONG.match(/b(1)/)
LONG.match(/z/g)
(() => { const r = /b/g; r.lastIndex = 3; LONG.match(r); return r.lastIndex; })()
(() => { const r = /b/g; let n = 0; r.exec = function () { return n++ < 3 ? ['q'] : null; }; return LONG.match(r); })()
LONG.split(/b/)
LONG.split(/(b)(x)?/, 7)
LONG.split(/(?:)/).length
EMOJI.split(/(?:)/u).length
EMOJI.split(/(?:)/).length
LINES.split(/^/m).length
LINES.split(/\n/)
LONG.split(/c/y).length
LONG.split(/1/g).length
LONG.split(/b/, 0)
LONG.split(/b/, 2 ** 32 + 2)
LONG.split(/b/, -1).length
LONG.split(/$/)
LONG.split(/z/)
LONG.split(/(?=a)/).length
(() => { class R extends RegExp {} return LONG.split(new R('b')).length; })()
(() => { const r = /b/; r.constructor = undefined; return LONG.split(r).length; })()
(() => { const r = /b/; r.constructor = 1; return LONG.split(r); })()
(() => { const r = /b/; r.constructor = { [Symbol.species]: 1 }; return LONG.split(r); })()
(() => { const r = /b/; r.constructor = { [Symbol.species]: null }; return LONG.split(r).length; })()
(() => { const r = /b/; let args; r.constructor = { [Symbol.species]: function (source, flags) { args = [source === r, flags]; return /c/y; } }; return [LONG.split(r).length, args]; })()
(() => { const r = /b/; Object.defineProperties(r, { flags: { value: 'i' }, ignoreCase: { value: true } }); return LONG.split(r).length; })()
(() => { const r = /B/i; r.exec = function (s) { return null; }; return LONG.split(r).length; })()
RegExp.prototype[Symbol.split].call(/1/, { toString() { return LONG; } }).length
'ab1c'.replace(/b/g, '[$&]') + 'x'.repeat(10).split(/(?:)/).length + 'a,b'.match(/\w/g)
HUGE.split('b')
HUGE.split('b', 3)
HUGE.split('b', 0)
HUGE.split('b', -1).length
HUGE.split('b', 2 ** 32 + 1)
HUGE.split('').length
HUGE.split('', 5)
HUGE.split('ab1c').length
HUGE.split('ab1cab1c')
HUGE.split('zz')
HUGE.split('c1b')
(HUGE + 'b').split('b').slice(-3)
HUGE.split(undefined)
HUGE.split('b', { valueOf() { return 4; } })
(() => { const s = ('\uAC00\u1100\u1161\u11A8\uFF76\uFF9E\uFF8A\uFF9Fe\u0301\uFB01\u00C5\u1E9E\uD55C\uAE00\u01C5\u0958\u3131\u314F\uFFA1\uFFC2x\u0323\u0307\u1E0B\u0323 ').repeat(70000); return ['NFC', 'NFD', 'NFKC', 'NFKD'].map(f => s.normalize(f)); })()
(() => { const s = ('\u1100\u1161\u11A8'.repeat(3) + 'q\u0301\u0302').repeat(150000); return [s.normalize(), s.normalize('NFKD')]; })()
(() => { const s = ('\u0041\u030A\u0301'.repeat(5) + '\u212B\u2126\u1E9B\u0323').repeat(80000); return ['NFC', 'NFKC'].map(f => s.normalize(f)); })()
(() => { const s = '\u00E9'.repeat(1 << 21); return [s.normalize('NFD'), s.normalize('NFC')]; })()
(() => { const s = ('\uD83D\uDE00\u0061\u0308\u{1D15E}\u{2F800}').repeat(300000); return ['NFC', 'NFD', 'NFKC'].map(f => s.normalize(f)); })()
(() => { try { ('x'.repeat(1 << 21)).normalize('NFX'); } catch (e) { return e.name + ': ' + e.message; } })()
(() => { try { ('x'.repeat(1 << 21)).normalize(Symbol('f')); } catch (e) { return e.name + ': ' + e.message; } })()
(() => { const s = ('\u03A3\u0391\u03A3 \u0391\u03A3\u0301 \u03C3. \u0130I\u0131i \u0069\u0307 I\u0307 \u00DF\uFB00 ').repeat(60000); return [s.toLocaleLowerCase('el'), s.toLocaleLowerCase('tr'), s.toLocaleLowerCase('lt'), s.toLocaleUpperCase('lt'), s.toLocaleUpperCase('tr'), s.toLocaleUpperCase(['de', 'en']), s.toLocaleLowerCase()]; })()
(() => { const s = ('i\u0307\u0300 \u00CC\u012E\u0301 ').repeat(200000); return [s.toLocaleLowerCase('lt'), s.toLocaleUpperCase('lt')]; })()
(() => { const m = (s, l) => { try { return s.toLocaleUpperCase(l).length; } catch (e) { return e.name + ': ' + e.message; } }; return ['not a locale', 'en-u-ca', 5, [null]].map(l => m('x', l) === m('x'.repeat(1 << 21), l)); })()
