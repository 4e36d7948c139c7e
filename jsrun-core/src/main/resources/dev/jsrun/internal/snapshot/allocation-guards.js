// Checks in front of the built-ins that allocate a large block in one step, installed with the intrinsics
// before any script of the application runs, so that libraries in the snapshot hold the checked versions
// (except for the few that V8 completes again in every restored context, checked in each context instead).
// Memory outside the V8 heap (array buffers, typed arrays, WebAssembly memories) is refused above the
// runtime's external memory limit; results that V8 would abort the process on (an array longer than V8 can
// hold, built at once by split, a global match or JSON.parse) become RangeErrors. The host takes the control
// object away before user code runs.
(function () {
  'use strict';
  if (typeof __jsrun_guards !== 'undefined') {
    return;
  }
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Reflect.defineProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const ProxyOf = Proxy;
  const RangeErrorOf = RangeError;
  const StringOf = String;
  const trunc = Math.trunc;
  const min = Math.min;
  const max = Math.max;
  const stringIndexOf = String.prototype.indexOf;
  const stringIncludes = String.prototype.includes;
  const stringSlice = String.prototype.slice;
  const regexpExec = RegExp.prototype.exec;
  const codePointAt = String.prototype.codePointAt;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayLength = getDescriptor(TypedArrayPrototype, 'length').get;
  const typedArrayTag = getDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
  const bufferLength = getDescriptor(ArrayBuffer.prototype, 'byteLength').get;

  // V8 aborts the process, rather than throw, when one step builds an array of more elements than this
  const MAX_ELEMENTS = 134000000;
  const WASM_PAGE = 65536;
  // bounded-builtins.js, when it ran first: a typed array made from a huge array-like reads it interruptibly
  const bounded = typeof __jsrun_bounded !== 'undefined' ? __jsrun_bounded : null;
  delete globalThis.__jsrun_bounded;
  // a native replacer or reviver is called through a JavaScript function, where V8 checks for termination each time
  const callable = bounded !== null ? bounded.callable : (callback) => callback;

  let limit = Infinity;
  let refusal = null;
  let refusalError = null;
  // bytes allocated through the checked built-ins since the host last asked, freed or not
  let charged = 0;

  function toIndex(value) {
    const number = trunc(value);
    return number > 0 ? number : 0;
  }

  function refuse(what, bytes) {
    refusal = what + ' of ' + bytes + ' bytes';
    refusalError = new RangeErrorOf('Array buffer allocation failed: ' + what + ' needs ' + bytes
      + ' bytes, more than the external memory limit of ' + limit + ' bytes');
    throw refusalError;
  }

  /** The first argument as a number, converted once as ToIndex would, so valueOf runs once only. */
  function indexArgument(args) {
    const first = args[0];
    if (typeof first !== 'number' && first !== undefined
      && (first === null || (typeof first !== 'object' && typeof first !== 'function'))) {
      args[0] = +first;
    }
    return args[0];
  }

  function tooLong(what, count) {
    throw new RangeErrorOf('Invalid array length: ' + what + ' would give more than ' + count
      + ' elements, more than an array can hold');
  }

  function replace(holder, name, guarded) {
    const descriptor = getDescriptor(holder, name);
    if (bounded !== null && typeof descriptor.value === 'function') {
      // Function.prototype.toString shows the built-in's own text, name included
      bounded.showAs(guarded, descriptor.value);
    }
    defineProperty(holder, name, { __proto__: null, value: guarded, writable: descriptor.writable,
      enumerable: descriptor.enumerable, configurable: descriptor.configurable });
  }

  function guardConstructor(holder, name, bytesOf, adapt) {
    const original = holder[name];
    if (typeof original !== 'function') {
      return;
    }
    const guarded = new ProxyOf(original, { __proto__: null,
      construct(target, args, newTarget) {
        const bytes = bytesOf(args);
        if (bytes > limit) {
          refuse('new ' + name, bytes);
        }
        charged += bytes;
        if (adapt !== undefined) {
          adapt(args);
        }
        return construct(target, args, newTarget === guarded ? target : newTarget);
      } });
    replace(holder, name, guarded);
    replace(original.prototype, 'constructor', guarded);
  }

  function guardMethod(holder, name, check) {
    const descriptor = getDescriptor(holder, name);
    if (descriptor === undefined || typeof descriptor.value !== 'function') {
      return;
    }
    replace(holder, name, new ProxyOf(descriptor.value, { __proto__: null,
      apply(target, self, args) {
        check(self, args);
        return apply(target, self, args);
      } }));
  }

  // ---- memory outside the heap ----

  const firstIndex = args => {
    const first = args[0];
    if (first !== null && (typeof first === 'object' || typeof first === 'function')) {
      args[0] = +first;
    }
    const index = indexArgument(args);
    return typeof index === 'number' ? toIndex(index) : 0;
  };

  function guardTypedArray(name) {
    const type = globalThis[name];
    if (typeof type !== 'function') {
      return;
    }
    const size = type.BYTES_PER_ELEMENT;
    guardConstructor(globalThis, name, args => {
      const first = indexArgument(args);
      if (typeof first === 'number') {
        return toIndex(first) * size;
      }
      if (first === null || typeof first !== 'object') {
        return 0;
      }
      // lengths read without running user code: a typed array's, or an own data property; the rest is V8's
      if (bounded !== null && bounded.isProxy(first)) {
        return 0;
      }
      if (apply(typedArrayTag, first, []) !== undefined) {
        return apply(typedArrayLength, first, []) * size;
      }
      const length = getDescriptor(first, 'length');
      return length !== undefined && typeof length.value === 'number' ? toIndex(length.value) * size : 0;
    }, bounded === null ? undefined : args => {
      if (args[0] !== null && typeof args[0] === 'object') {
        args[0] = bounded.typedSource(args[0]);
      }
    });
  }

  guardConstructor(globalThis, 'ArrayBuffer', firstIndex);
  for (const name of ['resize', 'transfer', 'transferToFixedLength']) {
    guardMethod(ArrayBuffer.prototype, name, (self, args) => {
      const bytes = firstIndex(args);
      if (bytes > limit) {
        refuse('ArrayBuffer.prototype.' + name, bytes);
      }
      charged += bytes;
    });
  }
  for (const name of ['Int8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    guardTypedArray(name);
  }

  // V8 completes these objects again each time it restores a context from a snapshot and aborts if they were
  // replaced, so they are checked in each context instead, before the host installs.
  let inContext = false;
  function installInContext() {
    if (inContext) {
      return;
    }
    inContext = true;
    guardTypedArray('Uint8Array');
    guardTypedArray('Float16Array');
    if (typeof SharedArrayBuffer === 'function') {
      guardConstructor(globalThis, 'SharedArrayBuffer', firstIndex);
      guardMethod(SharedArrayBuffer.prototype, 'grow', (self, args) => {
        const bytes = firstIndex(args);
        if (bytes > limit) {
          refuse('SharedArrayBuffer.prototype.grow', bytes);
        }
        charged += bytes;
      });
    }
    if (typeof WebAssembly === 'object' && typeof WebAssembly.Memory === 'function') {
      const memoryBuffer = getDescriptor(WebAssembly.Memory.prototype, 'buffer').get;
      guardConstructor(WebAssembly, 'Memory', args => {
        const descriptor = args[0];
        const initial = descriptor !== null && typeof descriptor === 'object'
          ? getDescriptor(descriptor, 'initial') : undefined;
        return initial !== undefined && typeof initial.value === 'number' ? toIndex(initial.value) * WASM_PAGE : 0;
      });
      guardMethod(WebAssembly.Memory.prototype, 'grow', (self, args) => {
        if (typeof args[0] !== 'number') {
          return;
        }
        let current;
        try {
          current = apply(bufferLength, apply(memoryBuffer, self, []), []);
        }
        catch (ignored) {
          return;
        }
        const bytes = current + toIndex(args[0]) * WASM_PAGE;
        if (bytes > limit) {
          refuse('WebAssembly.Memory.prototype.grow', bytes);
        }
        charged += bytes - current;
      });
    }
  }

  // ---- arrays built in one step ----

  // V8 splits a string by a string in one C++ loop (some 20 ns a piece); past this length, which bounds that
  // loop to a few milliseconds, the pieces are cut here, where a timeout can stop the loop.
  const SPLIT_LIMIT = 1 << 21;
  const originalSplit = String.prototype.split;
  replace(String.prototype, 'split', new ProxyOf(originalSplit, { __proto__: null,
    apply(target, self, args) {
      const separator = args[0];
      if (typeof self !== 'string' || self.length <= SPLIT_LIMIT || typeof separator !== 'string') {
        return apply(target, self, args);
      }
      const lim = args[1] === undefined ? 4294967295 : args[1] >>> 0;
      const parts = [];
      if (lim === 0) {
        return parts;
      }
      if (separator === '') {
        const count = min(self.length, lim);
        if (count > MAX_ELEMENTS) {
          tooLong('splitting a string of ' + self.length + ' characters', MAX_ELEMENTS);
        }
        for (let i = 0; i < count; i++) {
          parts[i] = apply(stringSlice, self, [i, i + 1]);
        }
        return parts;
      }
      let p = 0;
      for (let q = apply(stringIndexOf, self, [separator]); q >= 0; q = apply(stringIndexOf, self, [separator, p])) {
        if (parts.length >= MAX_ELEMENTS) {
          tooLong('splitting a string of ' + self.length + ' characters', MAX_ELEMENTS);
        }
        parts[parts.length] = apply(stringSlice, self, [p, q]);
        if (parts.length === lim) {
          return parts;
        }
        p = q + separator.length;
      }
      parts[parts.length] = apply(stringSlice, self, [p]);
      return parts;
    } }));

  // ---- conversions ICU makes of a whole string in one step ----

  // normalize and the locale-sensitive case mappings convert a string in one uninterrupted ICU call. Past this
  // length the string is converted in pieces, cut where nothing before the cut
  // can change what follows it: for normalize, before a character with a normalization boundary before it in
  // every form (letters, digits and ASCII, less the Hangul jamo and voicing marks that compose with what precedes
  // them, as ICU's hasBoundaryBefore says, which IntlStringGuardsTest checks); for case mappings, before a space,
  // which stops every casing context (final sigma, Lithuanian and Turkish dots).
  const CONVERT_LIMIT = 1 << 20;
  const CONVERT_STEP = 1 << 18;
  // V8 without ICU has no property escapes; its normalize and case mappings need no pieces either
  let normalizeCut = null;
  try {
    normalizeCut = new RegExp('[[\\p{L}\\p{N}\\x00-\\x7F]--[\\u1100-\\u11FF\\u3130-\\u318F\\uA960-\\uA97F\\uD7B0-\\uD7FF'
      + '\\uFF9E\\uFF9F\\uFFA0-\\uFFDC\\u{16D67}\\u{16D68}]]', 'gv');
  }
  catch (noIcu) {
    normalizeCut = null;
  }
  const canonicalLocales = typeof Intl === 'object' && Intl !== null ? Intl.getCanonicalLocales : undefined;
  const caseCut = / /g;

  function inPieces(target, text, args, cut) {
    let out = '';
    for (let from = 0; from < text.length;) {
      let to = from + CONVERT_STEP;
      if (to >= text.length) {
        to = text.length;
      }
      else {
        cut.lastIndex = to;
        const found = apply(regexpExec, cut, [text]);
        to = found === null ? text.length : found.index;
      }
      out += apply(target, apply(stringSlice, text, [from, to]), args);
      from = to;
    }
    return out;
  }

  if (normalizeCut !== null && typeof canonicalLocales === 'function') {
    const originalNormalize = String.prototype.normalize;
    replace(String.prototype, 'normalize', new ProxyOf(originalNormalize, { __proto__: null,
      apply(target, self, args) {
        if (typeof self !== 'string' || self.length <= CONVERT_LIMIT) {
          return apply(target, self, args);
        }
        // the form is converted once (a symbol throws, as ToString does), and checked before any piece
        const form = args[0] === undefined ? 'NFC' : `${args[0]}`;
        apply(target, '', [form]);
        return inPieces(target, self, [form], normalizeCut);
      } }));
  }
  for (const name of typeof canonicalLocales === 'function' ? ['toLocaleUpperCase', 'toLocaleLowerCase'] : []) {
    const original = String.prototype[name];
    replace(String.prototype, name, new ProxyOf(original, { __proto__: null,
      apply(target, self, args) {
        if (typeof self !== 'string' || self.length <= CONVERT_LIMIT) {
          return apply(target, self, args);
        }
        // the locales are read once, and checked before any piece; a bad one gets V8's own error
        let locales;
        try {
          locales = args[0] === undefined ? undefined : canonicalLocales(args[0]);
        }
        catch (error) {
          apply(target, '', args);
          throw error;
        }
        return inPieces(target, self, [locales], caseCut);
      } }));
  }

  // ---- replacements V8 makes in one uninterrupted loop ----

  // Past this length a string may hold so many matches that V8's replaceAll loop, which substitutes a string
  // replacement in C++, outlasts a timeout by more than a few milliseconds. (With a regular expression V8
  // collects every match in one step whatever the replacement, so there a function would not help.)
  const REPLACE_LIMIT = 1 << 16;
  const stringCharAt = String.prototype.charAt;

  /**
   * The replacement string as the function that returns GetSubstitution of it for each match: V8 calls a
   * function replacement from JavaScript at every match, where a timeout can stop it.
   */
  function substitution(template) {
    return function (matched) {
      const last = arguments[arguments.length - 1];
      const hasGroups = typeof last !== 'string';
      const groups = hasGroups ? last : undefined;
      const position = arguments[arguments.length - (hasGroups ? 3 : 2)];
      const text = arguments[arguments.length - (hasGroups ? 2 : 1)];
      const captures = arguments.length - (hasGroups ? 4 : 3);
      let result = '';
      let i = 0;
      for (;;) {
        const dollar = apply(stringIndexOf, template, ['$', i]);
        if (dollar < 0 || dollar === template.length - 1) {
          return result + apply(stringSlice, template, [i]);
        }
        result += apply(stringSlice, template, [i, dollar]);
        const next = apply(stringCharAt, template, [dollar + 1]);
        i = dollar + 2;
        if (next === '$') {
          result += '$';
        }
        else if (next === '&') {
          result += matched;
        }
        else if (next === '`') {
          result += apply(stringSlice, text, [0, position]);
        }
        else if (next === "'") {
          result += apply(stringSlice, text, [position + matched.length]);
        }
        else if (next >= '0' && next <= '9') {
          const second = apply(stringCharAt, template, [dollar + 2]);
          const two = second >= '0' && second <= '9' ? +(next + second) : 0;
          const one = +next;
          if (two >= 1 && two <= captures) {
            const capture = arguments[two];
            result += capture === undefined ? '' : `${capture}`;
            i = dollar + 3;
          }
          else if (one >= 1 && one <= captures) {
            const capture = arguments[one];
            result += capture === undefined ? '' : `${capture}`;
          }
          else {
            result += '$' + next;
          }
        }
        else if (next === '<' && groups !== undefined) {
          const close = apply(stringIndexOf, template, ['>', dollar + 2]);
          if (close < 0) {
            result += '$<';
          }
          else {
            const capture = groups[apply(stringSlice, template, [dollar + 2, close])];
            result += capture === undefined ? '' : `${capture}`;
            i = close + 1;
          }
        }
        else {
          result += '$' + next;
        }
      }
    };
  }

  const replaceSymbol = Symbol.replace;

  /** Whether replaceAll searches for the value as a string: no Symbol.replace on it, read without user code. */
  function searchedAsText(value) {
    if (value === undefined || value === null) {
      return true;
    }
    let holder = typeof value === 'object' || typeof value === 'function' ? value : getPrototypeOf(Object(value));
    while (holder !== null) {
      if (bounded === null || bounded.isProxy(holder) || getDescriptor(holder, replaceSymbol) !== undefined) {
        return false;
      }
      holder = getPrototypeOf(holder);
    }
    return true;
  }

  guardMethod(String.prototype, 'replaceAll', (self, args) => {
    if (typeof self === 'string' && self.length > REPLACE_LIMIT && typeof args[0] === 'string'
      && typeof args[1] === 'string') {
      args[1] = substitution(args[1]);
    }
    else if (typeof args[1] === 'function' && searchedAsText(args[0])) {
      args[1] = callable(args[1]);
    }
  });

  // ---- regular expressions over long strings ----

  // V8 runs a global replace, match or split through all matches in one C++ loop without an interrupt check
  // (some 80 ns a match, whatever the replacement), and a regular expression whose flags or exec were
  // changed the same way. Past this length these run here instead, one exec at a time as the specification
  // describes them, where a timeout stops them and an array grows step by step rather than at once.
  const REGEXP_LIMIT = 1 << 18;
  const RegExpOf = RegExp;
  const TypeErrorOf = TypeError;
  const ObjectOf = Object;
  const arrayJoin = Array.prototype.join;
  const speciesSymbol = Symbol.species;
  const constructProbe = { __proto__: null, construct() { return constructProbe; } };

  /** ToString: unlike String(value), it throws for a symbol. */
  function toText(value) {
    return `${value}`;
  }

  function toLength(value) {
    const number = trunc(+value);
    return number > 0 ? min(number, 9007199254740991) : 0;
  }

  /** Whether flags make a regular expression step through code points rather than code units. */
  function byCodePoints(flags) {
    return apply(stringIncludes, flags, ['u']) || apply(stringIncludes, flags, ['v']);
  }

  function advance(text, index, unicode) {
    if (!unicode || index + 1 >= text.length) {
      return index + 1;
    }
    return apply(codePointAt, text, [index]) > 0xffff ? index + 2 : index + 1;
  }

  function regExpExecWith(exec, rx, text) {
    const result = apply(exec, rx, [text]);
    if (result !== null && typeof result !== 'object' && typeof result !== 'function') {
      throw new TypeErrorOf('object.exec returned ' + typeof result + ', not an object or null');
    }
    return result;
  }

  /** RegExpExec: the object's own exec when it has one, else the built-in. */
  function regExpExec(rx, text) {
    const exec = rx.exec;
    return typeof exec === 'function' ? regExpExecWith(exec, rx, text) : apply(regexpExec, rx, [text]);
  }

  function requireObject(rx, method) {
    if (rx === null || (typeof rx !== 'object' && typeof rx !== 'function')) {
      throw new TypeErrorOf('RegExp.prototype.' + method + ' called on a non-object');
    }
  }

  /** Pieces of a long result, joined every few thousand so that no string of millions of parts is built. */
  function pieces() {
    let parts = [];
    let done = '';
    return {
      add(text) {
        parts[parts.length] = text;
        if (parts.length === 4096) {
          done += apply(arrayJoin, parts, ['']);
          parts = [];
        }
      },
      result() {
        return done + apply(arrayJoin, parts, ['']);
      }
    };
  }

  /** The arguments a replacer function, or GetSubstitution, receives for one exec result. */
  function replacerArguments(result, matched, position, text, functional) {
    const captureCount = toLength(result.length) - 1;
    const args = [matched];
    for (let n = 1; n <= captureCount; n++) {
      const capture = result[n];
      args[n] = capture === undefined ? undefined : toText(capture);
    }
    const groups = result.groups;
    args[args.length] = position;
    args[args.length] = text;
    if (groups !== undefined) {
      args[args.length] = functional ? groups : ObjectOf(groups);
    }
    return args;
  }

  function longReplace(rx, text, replaceValue) {
    const functional = typeof replaceValue === 'function';
    const template = functional ? '' : toText(replaceValue);
    // a template without a $ is its own substitution
    const substitute = functional ? replaceValue
      : apply(stringIndexOf, template, ['$']) >= 0 ? substitution(template) : null;
    const flags = toText(rx.flags);
    const global = apply(stringIncludes, flags, ['g']);
    const unicode = global && byCodePoints(flags);
    if (global) {
      rx.lastIndex = 0;
    }
    const out = pieces();
    let next = 0;
    // The specification collects every result before it substitutes any. A string replacement of the
    // built-in exec's results cannot tell the difference, so those are substituted at once and not kept.
    const kept = [];
    for (;;) {
      const exec = rx.exec;
      const builtin = typeof exec !== 'function' || exec === regexpExec;
      const result = builtin ? apply(regexpExec, rx, [text]) : regExpExecWith(exec, rx, text);
      if (result === null) {
        break;
      }
      const matched = toText(result[0]);
      if (builtin && !functional && kept.length === 0) {
        const position = result.index;
        if (position >= next) {
          out.add(apply(stringSlice, text, [next, position]));
          out.add(substitute === null ? template
            : apply(substitute, undefined, replacerArguments(result, matched, position, text, false)));
          next = position + matched.length;
        }
      }
      else {
        kept[kept.length] = result;
      }
      if (!global) {
        break;
      }
      if (matched === '') {
        rx.lastIndex = advance(text, toLength(rx.lastIndex), unicode);
      }
    }
    for (let r = 0; r < kept.length; r++) {
      const result = kept[r];
      const matched = toText(result[0]);
      const position = max(min(trunc(+result.index) || 0, text.length), 0);
      const args = replacerArguments(result, matched, position, text, functional);
      const replacement = toText(substitute === null ? template : apply(substitute, undefined, args));
      if (position >= next) {
        out.add(apply(stringSlice, text, [next, position]));
        out.add(replacement);
        next = position + matched.length;
      }
    }
    out.add(apply(stringSlice, text, [next]));
    return out.result();
  }

  function longMatch(rx, text) {
    const flags = toText(rx.flags);
    if (!apply(stringIncludes, flags, ['g'])) {
      return regExpExec(rx, text);
    }
    const unicode = byCodePoints(flags);
    rx.lastIndex = 0;
    const matches = [];
    let count = 0;
    for (;;) {
      const match = regExpExec(rx, text);
      if (match === null) {
        return count === 0 ? null : matches;
      }
      const matched = toText(match[0]);
      if (count >= MAX_ELEMENTS) {
        tooLong('matching a string of ' + text.length + ' characters', MAX_ELEMENTS);
      }
      matches[count++] = matched;
      if (matched === '') {
        rx.lastIndex = advance(text, toLength(rx.lastIndex), unicode);
      }
    }
  }

  function isConstructor(value) {
    if (typeof value !== 'function') {
      return false;
    }
    try {
      // a proxy can be constructed exactly when its target can; its trap answers without running the target
      construct(new ProxyOf(value, constructProbe), []);
      return true;
    }
    catch (ignored) {
      return false;
    }
  }

  function speciesConstructor(rx) {
    const C = rx.constructor;
    if (C === undefined) {
      return RegExpOf;
    }
    if (C === null || (typeof C !== 'object' && typeof C !== 'function')) {
      throw new TypeErrorOf('The .constructor property is not an object');
    }
    const species = C[speciesSymbol];
    if (species === undefined || species === null) {
      return RegExpOf;
    }
    if (isConstructor(species)) {
      return species;
    }
    throw new TypeErrorOf('object.constructor[Symbol.species] is not a constructor');
  }

  function longSplit(rx, text, limit) {
    const C = speciesConstructor(rx);
    const flags = toText(rx.flags);
    const unicode = byCodePoints(flags);
    const splitter = construct(C, [rx, apply(stringIncludes, flags, ['y']) ? flags : flags + 'y']);
    const parts = [];
    const lim = limit === undefined ? 4294967295 : limit >>> 0;
    if (lim === 0) {
      return parts;
    }
    const size = text.length;
    // a splitter that is the built-in RegExp with the built-in exec searches ahead instead of trying each index
    let finder = null;
    if (C === RegExpOf && splitter.exec === regexpExec) {
      let searching = 'g';
      for (let i = 0; i < flags.length; i++) {
        const flag = apply(stringCharAt, flags, [i]);
        searching += flag === 'y' || flag === 'g' ? '' : flag;
      }
      finder = new RegExpOf(splitter, searching);
    }
    let p = 0;
    let q = 0;
    while (q < size) {
      let z;
      if (finder !== null) {
        finder.lastIndex = q;
        z = apply(regexpExec, finder, [text]);
        if (z === null || z.index >= size) {
          break;
        }
        q = z.index;
      }
      else {
        splitter.lastIndex = q;
        z = regExpExec(splitter, text);
        if (z === null) {
          q = advance(text, q, unicode);
          continue;
        }
      }
      const e = min(toLength(finder !== null ? finder.lastIndex : splitter.lastIndex), size);
      if (e === p) {
        q = advance(text, q, unicode);
        continue;
      }
      if (parts.length >= MAX_ELEMENTS) {
        tooLong('splitting a string of ' + size + ' characters', MAX_ELEMENTS);
      }
      parts[parts.length] = apply(stringSlice, text, [p, q]);
      if (parts.length === lim) {
        return parts;
      }
      p = e;
      const captureCount = max(toLength(z.length) - 1, 0);
      for (let i = 1; i <= captureCount; i++) {
        parts[parts.length] = z[i];
        if (parts.length === lim) {
          return parts;
        }
      }
      q = p;
    }
    parts[parts.length] = apply(stringSlice, text, [p, size]);
    return parts;
  }

  function guardLong(symbol, method, long) {
    const original = RegExp.prototype[symbol];
    replace(RegExp.prototype, symbol, new ProxyOf(original, { __proto__: null,
      apply(target, self, args) {
        requireObject(self, method);
        const text = toText(args[0]);
        if (text.length <= REGEXP_LIMIT) {
          args[0] = text;
          if (symbol === replaceSymbol && typeof args[1] === 'function') {
            args[1] = callable(args[1]);
          }
          return apply(target, self, args);
        }
        return long(self, text, args[1]);
      } }));
  }

  guardLong(Symbol.replace, '[Symbol.replace]', longReplace);
  guardLong(Symbol.match, '[Symbol.match]', longMatch);
  guardLong(Symbol.split, '[Symbol.split]', longSplit);

  guardMethod(JSON, 'parse', (self, args) => {
    if (typeof args[1] === 'function') {
      args[1] = callable(args[1]);
    }
    const text = args[0];
    // an array of more elements than V8 can hold needs at least two characters, one a comma, per element
    if (typeof text !== 'string' || text.length <= 2 * MAX_ELEMENTS) {
      return;
    }
    let commas = 0;
    for (let at = apply(stringIndexOf, text, [',']); at >= 0 && commas <= MAX_ELEMENTS;
      at = apply(stringIndexOf, text, [',', at + 1])) {
      commas++;
    }
    if (commas > MAX_ELEMENTS) {
      tooLong('JSON.parse of ' + text.length + ' characters and ' + commas + ' commas', MAX_ELEMENTS);
    }
  });

  const control = Object.freeze({ __proto__: null,
    installInContext,
    /** Whether the application made {@code value} with Proxy, asked without running a trap. */
    isProxy: bounded !== null ? bounded.isProxy : () => false,
    setLimit(bytes) {
      limit = bytes > 0 ? bytes : Infinity;
    },
    charged() {
      return charged;
    },
    takeCharged() {
      const taken = charged;
      charged = 0;
      return taken;
    },
    /** What was refused, when {@code error} is the refusal itself escaping; a refusal caught is forgotten. */
    takeRefusal(error) {
      const taken = refusalError !== null && error === refusalError ? refusal : null;
      refusal = null;
      refusalError = null;
      return taken;
    }
  });
  defineProperty(globalThis, '__jsrun_guards', { __proto__: null, configurable: true, enumerable: false,
    writable: false, value: control });
})();
