// Cases for BoundedBuiltinsTest: each line after the prelude is an expression; jsrun and Node must agree on
// repr() of its value. Receivers behind logged() also record every trap V8 runs on them, in order.
function repr(value, depth) {
  depth = depth || 0;
  if (depth > 3) return '<deep>';
  if (value === undefined) return '<undefined>';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : value !== value ? 'NaN' : value;
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value) + (typeof value === 'bigint' ? 'n' : '');
  if (typeof value === 'function') return '<function ' + value.name + '>';
  if (value === null || typeof value !== 'object') return value;
  const out = { proto: Array.isArray(value) ? 'array' : Object.prototype.toString.call(value), items: [] };
  for (const key of Reflect.ownKeys(value)) {
    const d = Reflect.getOwnPropertyDescriptor(value, key);
    out.items.push(String(key) + (d.enumerable ? '' : '~') + '=' + ('value' in d ? JSON.stringify(repr(d.value, depth + 1)) : '<accessor>'));
  }
  return out;
}
function logged(target, log) {
  const note = (what, key) => log.push(what + ' ' + String(key));
  return new Proxy(target, {
    get(t, k, r) { note('get', k); return Reflect.get(t, k, r); },
    has(t, k) { note('has', k); return Reflect.has(t, k); },
    set(t, k, v, r) { note('set', k); return Reflect.set(t, k, v, r); },
    deleteProperty(t, k) { note('delete', k); return Reflect.deleteProperty(t, k); },
    defineProperty(t, k, d) { note('define', k); return Reflect.defineProperty(t, k, d); },
    getOwnPropertyDescriptor(t, k) { note('own', k); return Reflect.getOwnPropertyDescriptor(t, k); }
  });
}
function trace(target, operation) {
  const log = [];
  let result;
  try { result = repr(operation(logged(target, log))); } catch (e) { result = 'throws ' + e.constructor.name; }
  return { result, log };
}
function counting(length, items) {
  const seen = [];
  const object = { get length() { seen.push('length'); return length; } };
  for (const k in items) Object.defineProperty(object, k, { get() { seen.push('get ' + k); return items[k]; }, enumerable: true });
  return { object, seen };
}
class Sub extends Array {}
// ---- cases
[1, 2, 3, 2].indexOf(2)
[1, 2, 3, 2].lastIndexOf(2)
[1, 2, 3].indexOf(2, -1)
[1, 2, 3].indexOf(3, -1)
[1, 2, 3].lastIndexOf(1, -3)
[1, 2, 3].lastIndexOf(1, -4)
[1, 2, 3].indexOf(1, 1.5)
[1, 2, 3].indexOf(1, NaN)
[1, 2, 3].lastIndexOf(3, NaN)
[1, 2, 3].includes(3, Infinity)
[1, 2, 3].includes(1, -Infinity)
[NaN].indexOf(NaN)
[NaN].lastIndexOf(NaN)
[NaN].includes(NaN)
[-0].includes(0)
[0].indexOf(-0)
[1, , 3].indexOf(undefined)
[1, , 3].includes(undefined)
[1, , 3].lastIndexOf(undefined)
Array.prototype.indexOf.call({ length: 3, 0: 'a', 2: 'b' }, 'b')
Array.prototype.includes.call('abc', 'c')
Array.prototype.indexOf.call('abc', 'c')
Array.prototype.lastIndexOf.call({ length: -5, 0: 1 }, 1)
Array.prototype.indexOf.call({ length: '2', 1: 'x' }, 'x')
Array.prototype.indexOf.call({ length: { valueOf() { return 2; } }, 1: 'x' }, 'x')
Array.prototype.indexOf.call(null, 1)
Array.prototype.join.call(undefined)
Array.prototype.join.call(5)
Array.prototype.map.call(true, x => x)
[1, [2, [3, null]], undefined, null].join()
[1, 2, 3].join(undefined)
[1, 2, 3].join(null)
[1, 2, 3].join({ toString() { return '+'; } })
(() => { const a = [1, 2]; a.push(a); return a.join('-'); })()
(() => { const a = [1, 2]; a.push([a, 3]); return String(a); })()
[1, , 3].join()
[{ toLocaleString() { return 'L'; } }, null, 2].toLocaleString()
[1, 2, 3].toString()
Array.prototype.toString.call({ join: () => 'own join' })
Array.prototype.toString.call({})
[3, 1, 2].reverse()
[1, , 3, , ].reverse()
Array.prototype.reverse.call({ length: 3, 0: 'a', 2: 'c' })
[1, 2, 3, 4, 5].fill(0, 1, -1)
[1, 2, 3].fill(9, -10, 10)
[1, 2, 3].fill(7, NaN, 2.9)
new Array(5).fill()
Array.prototype.fill.call({ length: 3 }, 'x', 1)
[1, 2, 3, 4, 5].copyWithin(0, 3)
[1, 2, 3, 4, 5].copyWithin(1, 0, 3)
[1, , 3, , 5].copyWithin(0, 1)
Array.prototype.copyWithin.call({ length: 4, 0: 'a', 3: 'd' }, 1, 2)
[1, 2, 3, 4].slice(-2)
[1, 2, 3, 4].slice(1, -1)
[1, , 3].slice()
Array.prototype.slice.call({ length: 3, 0: 'a', 2: 'c' })
Array.prototype.slice.call('abc', 1)
(function () { return Array.prototype.slice.call(arguments, 1); })(1, 2, 3)
new Sub(1, 2, 3).slice(1) instanceof Sub
(() => { const a = [1, 2, 3]; a.constructor = { [Symbol.species]: function (n) { return { made: n }; } }; return a.slice(1); })()
(() => { const a = [1, 2, 3, 4, 5]; const r = a.splice(1, 2, 'x', 'y', 'z'); return [a, r]; })()
(() => { const a = [1, 2, 3]; const r = a.splice(-1); return [a, r]; })()
(() => { const a = [1, , 3]; const r = a.splice(0, 1); return [a, r]; })()
(() => { const o = { length: 3, 0: 'a', 1: 'b', 2: 'c' }; const r = Array.prototype.splice.call(o, 1, 1); return [o, r]; })()
[1, [2, [3, [4]]], , 5].flat()
[1, [2, [3, [4]]]].flat(Infinity)
[1, [2, [3]]].flat(0)
[[1, 2], [3]].flatMap(x => x)
[1, 2].flatMap((x, i, a) => [x, i, a.length])
[3, 1, undefined, 10, , 2].sort()
[3, 1, 10, 2].sort((a, b) => a - b)
['b', 'a', 'C'].sort()
[{ toString() { return 'b'; } }, 'a'].sort()
(() => { try { return [2, 1].sort(5); } catch (e) { return 'throws ' + e.constructor.name; } })()
(() => { try { return [Symbol(), Symbol()].sort(); } catch (e) { return 'throws ' + e.constructor.name; } })()
[-0, 0, -0].sort()
[3, 1, , 2].toSorted()
[3, 1, 2].toSorted((a, b) => b - a)
[1, , 3].toReversed()
[1, 2, 3].toSpliced(1, 1, 'x')
[1, , 3].toSpliced(0, 0)
[1, 2, 3].with(-1, 'z')
(() => { try { return [1, 2, 3].with(3, 'z'); } catch (e) { return 'throws ' + e.constructor.name; } })()
[1, 2, 3].at(-1)
[1, 2, 3].every(x => x > 0)
[1, , 3].every(x => x !== undefined)
[1, 2, 3].some(x => x > 2)
(() => { const seen = []; [1, , 3].forEach(function (v, i, a) { seen.push([v, i, a.length, this.t]); }, { t: 't' }); return seen; })()
(() => { const a = [1, 2, 3]; let same = true; a.forEach((v, i, arr) => { same = same && arr === a; }); return same; })()
(() => { const a = [1, 2, 3]; a.forEach((v, i, arr) => { if (i === 0) arr.pop(); }); return a; })()
[1, , 3].map(x => x * 2)
new Sub(1, 2, 3).map(x => x) instanceof Sub
[1, 2, 3, 4].filter((x, i) => i % 2)
[1, 2, 3].reduce((a, b) => a + b)
[1, 2, 3].reduce((a, b) => a + b, 10)
[1, 2, 3].reduceRight((a, b) => a + '' + b)
(() => { try { return [].reduce((a, b) => a); } catch (e) { return 'throws ' + e.constructor.name; } })()
[, , 5].reduce((a, b, i, arr) => a + ':' + b + ':' + i + ':' + arr.length)
(() => { try { return [1].map(5); } catch (e) { return 'throws ' + e.constructor.name; } })()
(() => { const a = [1, 2, 3]; const r = a.shift(); return [a, r]; })()
(() => { const a = [1, , 3]; a.unshift(0, -1); return a; })()
(() => { const o = { length: 2, 0: 'a', 1: 'b' }; Array.prototype.shift.call(o); return o; })()
(() => { const o = { length: 2, 0: 'a' }; Array.prototype.unshift.call(o, 'z'); return o; })()
[1, 2].concat([3, [4]], 5)
(() => { const o = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true }; return [1].concat(o); })()
(() => { const a = [1, 2]; a[Symbol.isConcatSpreadable] = false; return [0].concat(a).length; })()
Array.from({ length: 3, 1: 'b' })
Array.from([1, , 3], x => x === undefined ? 'u' : x)
new Float64Array([3, -0, NaN, 0, -Infinity, 1]).sort()
new Float64Array([3, 1, 2]).sort((a, b) => b - a)
new BigInt64Array([3n, -1n, 2n]).toSorted()
new Int8Array([5, -3, 0]).toSorted()
trace([1, 2, 3], p => p.indexOf(3))
trace([1, , 3], p => p.lastIndexOf(1))
trace([1, , 3], p => p.includes(undefined))
trace([1, 2, null], p => p.join('-'))
trace([1, 2], p => p.toLocaleString())
trace([1, , 3], p => p.reverse())
trace([1, 2, 3], p => p.fill(0, 1))
trace([1, 2, 3, 4], p => p.copyWithin(0, 2))
trace([1, , 3], p => p.slice(1))
trace([1, 2, 3], p => p.splice(1, 1, 'x', 'y'))
trace([1, [2], 3], p => p.flat())
trace([1, 2], p => p.flatMap(x => [x]))
trace([3, , 1, 2], p => p.sort())
trace([3, 1, 2], p => p.sort((a, b) => a - b))
trace([3, , 1], p => p.toSorted())
trace([1, , 3], p => p.toReversed())
trace([1, 2, 3], p => p.toSpliced(0, 1))
trace([1, 2, 3], p => p.with(1, 'w'))
trace([1, , 3], p => p.every(x => true))
trace([1, , 3], p => p.some(x => false))
trace([1, , 3], p => p.forEach(x => 0))
trace([1, , 3], p => p.map(x => x))
trace([1, , 3], p => p.filter(x => true))
trace([1, , 3], p => p.reduce((a, b) => a + b))
trace([1, , 3], p => p.reduceRight((a, b) => a + b, 0))
trace([1, 2, 3], p => p.shift())
trace([1, 2], p => p.unshift(0))
trace([1, 2], p => p.concat([3]))
trace([1, 2], p => [0].concat(p))
trace({ length: 2, 0: 'a', 1: 'b' }, p => Array.prototype.indexOf.call(p, 'b'))
trace({ length: 2, 0: 'a', 1: 'b' }, p => Array.prototype.join.call(p))
trace({ length: 2, 0: 'b', 1: 'a' }, p => Array.prototype.sort.call(p))
trace({ length: 2, 0: 'a', 1: 'b' }, p => Array.prototype.map.call(p, (x, i, o) => o === p))
trace({ length: 2, 0: 'a' }, p => Array.prototype.fill.call(p, 'z'))
trace(Object.freeze([1, 2]), p => p.fill(0))
trace(Object.freeze([1, 2]), p => p.reverse())
(() => { const c = counting(3, { 0: 'a', 2: 'c' }); const r = Array.prototype.indexOf.call(c.object, 'c'); return [r, c.seen]; })()
(() => { const c = counting(3, { 0: 'a', 2: 'c' }); const r = Array.prototype.join.call(c.object); return [r, c.seen]; })()
(() => { const c = counting(2, { 0: 'b', 1: 'a' }); try { Array.prototype.sort.call(c.object); } catch (e) { c.seen.push(e.constructor.name); } return c.seen; })()
(() => { const c = counting(3, { 1: 'b' }); const r = Array.prototype.map.call(c.object, (x, i, o) => o === c.object); return [r, c.seen]; })()
(() => { const c = counting(3, { 1: 'b' }); const r = Array.prototype.reduce.call(c.object, (a, b, i, o) => a + (o === c.object)); return [r, c.seen]; })()
(() => { const c = counting(3, { 1: 'b' }); Array.prototype.fill.call(c.object, 'x', { valueOf() { c.seen.push('start'); return 0; } }); return c.seen; })()
(() => { const o = { __proto__: { length: 2, 0: 'p' } }; return Array.prototype.indexOf.call(o, 'p'); })()
(() => { const a = [1, 2, 3]; return [a.indexOf.name, a.indexOf.length, Object.keys(Array.prototype).length, a.map.length, a.reduce.length, Array.prototype.propertyIsEnumerable('join')]; })()
(() => { try { new [].map(x => x); return 'constructed'; } catch (e) { return 'throws ' + e.constructor.name; } })()
typeof Proxy.revocable
(() => { const r = Proxy.revocable([1, 2], {}); r.revoke(); try { return [].indexOf.call(r.proxy, 1); } catch (e) { return 'throws ' + e.constructor.name; } })()
(() => { try { class P extends Proxy {} return 'extends'; } catch (e) { return 'throws ' + e.constructor.name; } })()
(() => { try { return Proxy({}, {}); } catch (e) { return 'throws ' + e.constructor.name; } })()
[Proxy.name, Proxy.length, Proxy.prototype === undefined, typeof new Proxy(function () {}, {})]
(() => { const a = []; a[2 ** 20 + 5] = 'end'; a[3] = 'x'; return [a.indexOf('end'), a.lastIndexOf('x'), a.includes('end'), a.join('').length, a.slice(2 ** 20).length]; })()
(() => { const o = { length: 2 ** 20 + 2, 5: 'five', [2 ** 20 + 1]: 'last' }; return [Array.prototype.indexOf.call(o, 'last'), Array.prototype.lastIndexOf.call(o, 'five'), Array.prototype.filter.call(o, x => true), Array.prototype.reduce.call(o, (a, b) => a + b)]; })()
(() => { const a = new Array(2 ** 21).fill(1); a[7] = 2; return [a.indexOf(2), a.join('').length, a.map(x => x + 1)[7], a.reduce((s, x) => s + x, 0), a.fill(3, 5, 9)[8], a.sort((x, y) => y - x)[0]]; })()
(() => { const a = []; for (let i = 0; i < 40000; i++) a.push((i * 7919) % 40000); a.sort(); return [a[0], a[1], a[39999], a.length]; })()
(() => { const a = []; for (let i = 0; i < 300000; i++) a.push(i % 1000 - 500); const s = a.toSorted(); return [s[0], s[1], s[299999]]; })()
(() => { const t = new Float64Array(200000); for (let i = 0; i < t.length; i++) t[i] = ((i * 7919) % 2003) - 1000 + (i % 3 === 0 ? -0 : 0); t[5] = NaN; t.sort(); return [t[0], Object.is(t[100], -0), t[199998], t[199999]]; })()
(() => { const a = [1]; a.length = 2 ** 20 + 1; a[2 ** 20] = a; return a.join().length; })()
(() => { const a = new Array(2 ** 19); a[0] = 'x'; return a.toLocaleString().length; })()
(() => { const t = new BigInt64Array(150000); for (let i = 0; i < t.length; i++) t[i] = BigInt((i * 7919) % 150001) - 75000n; const s = t.toSorted(); return [String(s[0]), String(s[1]), String(s[149999]), String(t[1])]; })()
(() => { const t = new Int16Array(300000); for (let i = 0; i < t.length; i++) t[i] = (i * 31) % 65536 - 32768; t.sort(); let ok = true; for (let i = 1; i < t.length; i++) ok = ok && t[i - 1] <= t[i]; return [ok, t[0], t[299999]]; })()
(() => { const t = new Float32Array(140000); for (let i = 0; i < t.length; i++) t[i] = i % 5 === 0 ? NaN : i % 7 === 0 ? -0 : ((i * 13) % 1001) - 500; const s = t.toSorted(); return [s[0], Object.is(s[70000], -0), Object.is(s[69999], 0), s[139999], t[3]]; })()
(() => { const o = { length: 2 ** 18 + 3, 1: 'b', [2 ** 18 + 2]: 'z' }; const r = Array.from(o, (x, i) => x === undefined ? 0 : i); return [r.length, r[1], r[2 ** 18 + 2], r.reduce((a, b) => a + b)]; })()
(() => { const a = new Array(2 ** 18 + 3); a[5] = 'five'; const r = Array.from(a); return [r.length, r[5], 5 in r, 4 in r]; })()
(() => { class Sub2 extends Array {} const r = Sub2.from({ length: 2 ** 18 + 1, 0: 'x' }); return [r instanceof Sub2, r.length, r[0]]; })()
[Array.from(new Set([1, 2, 2, 3])), Array.from('héllo'), Array.from(new Map([[1, 2]])), Array.from(new Uint8Array([7, 8]))]
(() => { const a = new Array(2 ** 18 + 10).fill(0); a[3] = 'x'; a[2 ** 18 + 5] = 'x'; a[2 ** 18 + 7] = NaN; return [a.indexOf('x'), a.indexOf('x', 4), a.indexOf('x', -5), a.indexOf('x', -Infinity), a.indexOf('x', Infinity), a.lastIndexOf('x'), a.lastIndexOf('x', 2 ** 18), a.lastIndexOf('x', -6), a.lastIndexOf('x', -Infinity), a.includes(NaN), a.indexOf(NaN), a.includes('x', 2 ** 18 + 6), a.includes('x', -6), a.lastIndexOf('x', { valueOf() { return 3; } })]; })()
(() => { const a = []; a[2 ** 19] = -0; a[7] = undefined; return [a.indexOf(0), a.includes(undefined), a.indexOf(undefined), a.lastIndexOf(undefined), a.lastIndexOf(0), a.indexOf(0, -1), a.lastIndexOf(undefined, 6), a.includes(0, 2 ** 19 + 1)]; })()
(() => { const a = new Array(2 ** 18 + 1); Array.prototype[2 ** 18] = 'inherited'; try { return [a.indexOf('inherited'), a.includes('inherited'), a.lastIndexOf('inherited')]; } finally { delete Array.prototype[2 ** 18]; } })()
[String(Array.prototype.indexOf), Function.prototype.toString.call(Proxy), String(Proxy.revocable), String(Function.prototype.toString), String(Array.prototype.sort), String(Float64Array.prototype.sort), String(Array.from), Function.prototype.toString.call(new Proxy(function f() {}, {}))]
(() => { try { return Function.prototype.toString.call({}); } catch (e) { return 'throws ' + e.constructor.name; } })()
