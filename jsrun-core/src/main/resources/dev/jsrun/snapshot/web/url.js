// URL and URLSearchParams as the URL Standard defines them, from the standard's reference implementation,
// whatwg-url (with tr46 for IDNA, webidl-conversions and punycode): WebUrlBundle.java puts the modules of their
// WebJars at the marker, and a registry of this part's own loads them while it installs. The modules name the
// built-ins they use as globals, so bindings here taken at install shadow those; the built-in methods they call
// on values cannot be shadowed, so each call of the public API first checks those are still the originals and
// puts the originals back for the call's duration if an application script replaced them.
(function (web) {
  'use strict';
  const global = web.global;

  // ---- the globals the modules see: the built-ins as they were at install ----

  const { Object, Array, String, Number, Boolean, Symbol, BigInt, Set, Map, WeakMap, Promise, Function, Error,
    TypeError, RangeError, RegExp, Uint8Array, ArrayBuffer, SharedArrayBuffer, DataView, parseInt, isNaN,
    isFinite } = global;
  const apply = global.Reflect.apply;
  const construct = global.Reflect.construct;
  const defineProperty = global.Reflect.defineProperty;
  const deleteProperty = global.Reflect.deleteProperty;
  const getDescriptor = global.Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = global.Reflect.getPrototypeOf;
  const setPrototypeOf = global.Reflect.setPrototypeOf;
  const ownKeys = global.Reflect.ownKeys;
  const parseJson = global.JSON.parse;

  /** A namespace object's properties on an object of this part's own, so that replacing Math.floor changes nothing here. */
  function copyOf(namespace) {
    const copy = { __proto__: null };
    const names = ownKeys(namespace);
    for (let i = 0; i < names.length; i++) {
      defineProperty(copy, names[i], getDescriptor(namespace, names[i]));
    }
    return copy;
  }

  const Math = copyOf(global.Math);
  const Reflect = copyOf(global.Reflect);
  const JSON = copyOf(global.JSON);

  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const fromCharCode = String.fromCharCode;
  const charCodeAt = String.prototype.charCodeAt;
  const toLowerCase = String.prototype.toLowerCase;
  const lookupGetter = Object.prototype.__lookupGetter__;

  // ---- the built-in methods the modules call on values, as they were at install ----

  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayLength = getDescriptor(TypedArrayPrototype, 'length').get;
  const ArrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]());
  const builtinMethods = [
    [Object, 'assign', 'create', 'defineProperties', 'defineProperty', 'getOwnPropertyDescriptor',
      'getOwnPropertyDescriptors', 'getPrototypeOf', 'is', 'keys'],
    [Array, 'from', 'isArray'],
    [String, 'fromCharCode', 'fromCodePoint'],
    [Number, 'isFinite', 'isNaN'],
    [ArrayBuffer, 'isView'],
    [Function.prototype, 'call'],
    [Number.prototype, 'toString'],
    [String.prototype, 'charAt', 'charCodeAt', 'codePointAt', 'endsWith', 'includes', 'indexOf', 'lastIndexOf',
      'normalize', 'replace', 'search', 'slice', 'split', 'startsWith', 'substring', 'toLowerCase', 'toUpperCase',
      Symbol.iterator],
    [getPrototypeOf(''[Symbol.iterator]()), 'next'],
    [Array.prototype, 'entries', 'includes', 'indexOf', 'join', 'map', 'pop', 'push', 'slice', 'some', 'sort',
      'splice', Symbol.iterator],
    [ArrayIteratorPrototype, 'next'],
    [getPrototypeOf(ArrayIteratorPrototype), Symbol.iterator],
    [TypedArrayPrototype, 'indexOf', 'slice', Symbol.iterator, 'length', 'byteLength'],
    [Set.prototype, 'has'],
    [RegExp.prototype, 'exec', 'test', Symbol.replace, Symbol.search, 'flags', 'global', 'hasIndices', 'ignoreCase',
      'multiline', 'dotAll', 'unicode', 'unicodeSets', 'sticky']
  ];
  // parallel lists, one entry a method: where it lives, its key, what it was (the value, or the accessor's getter)
  const holders = [];
  const keys = [];
  const accessors = [];
  const originals = [];
  const descriptors = [];
  let count = 0;
  for (let i = 0; i < builtinMethods.length; i++) {
    const row = builtinMethods[i];
    for (let j = 1; j < row.length; j++) {
      const descriptor = getDescriptor(row[0], row[j]);
      if (descriptor === undefined) {
        continue;
      }
      setPrototypeOf(descriptor, null);
      holders[count] = row[0];
      keys[count] = row[j];
      accessors[count] = descriptor.get !== undefined;
      originals[count] = descriptor.get !== undefined ? descriptor.get : descriptor.value;
      descriptors[count] = descriptor;
      count++;
    }
  }

  function intact() {
    for (let i = 0; i < count; i++) {
      const current = accessors[i] ? apply(lookupGetter, holders[i], [keys[i]]) : holders[i][keys[i]];
      if (current !== originals[i]) {
        return false;
      }
    }
    return true;
  }

  function isOriginal(i, descriptor) {
    return descriptor !== undefined
        && (accessors[i] ? descriptor.get === originals[i] : descriptor.value === originals[i]);
  }

  /**
   * Calls {@code fn} with the original built-ins in place of the ones a script replaced, then puts the script's back,
   * unless the call replaced them again. Callbacks into the application during the call see the originals.
   */
  function withOriginals(fn, self, args, target) {
    const replaced = [];
    let n = 0;
    for (let i = 0; i < count; i++) {
      const current = getDescriptor(holders[i], keys[i]);
      if (current !== undefined) {
        setPrototypeOf(current, null);
      }
      if (!isOriginal(i, current) && defineProperty(holders[i], keys[i], descriptors[i])) {
        replaced[n++] = i;
        replaced[n++] = current;
      }
    }
    try {
      return target === undefined ? apply(fn, self, args) : construct(fn, args, target);
    }
    finally {
      for (let k = 0; k < n; k += 2) {
        const i = replaced[k];
        if (isOriginal(i, getDescriptor(holders[i], keys[i]))) {
          if (replaced[k + 1] === undefined) {
            deleteProperty(holders[i], keys[i]);
          }
          else {
            defineProperty(holders[i], keys[i], replaced[k + 1]);
          }
        }
      }
    }
  }

  function call(fn, self, args) {
    return intact() ? apply(fn, self, args) : withOriginals(fn, self, args, undefined);
  }

  function create(fn, args, target) {
    return intact() ? construct(fn, args, target) : withOriginals(fn, undefined, args, target);
  }

  // ---- whatwg-url's lib/encoding.js: UTF-8 without TextEncoder and TextDecoder, which it would take as it loads ----

  /** UTF-8 of a string, a lone surrogate as U+FFFD, as TextEncoder's encode gives it. */
  function utf8Encode(string) {
    const length = string.length;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const c = apply(charCodeAt, string, [i]);
      if (c < 0x80) {
        size += 1;
      }
      else if (c < 0x800) {
        size += 2;
      }
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < length && isTrail(apply(charCodeAt, string, [i + 1]))) {
        size += 4;
        i++;
      }
      else {
        size += 3;
      }
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (let i = 0; i < length; i++) {
      let c = apply(charCodeAt, string, [i]);
      if (c < 0x80) {
        bytes[at++] = c;
        continue;
      }
      if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < length ? apply(charCodeAt, string, [i + 1]) : 0;
        if (c <= 0xdbff && isTrail(next)) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          bytes[at++] = 0xf0 | (c >> 18);
          bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
          bytes[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    }
    return bytes;
  }

  function isTrail(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  /** The Encoding Standard's UTF-8 decoder, errors as U+FFFD and a leading BOM kept, as TextDecoder with ignoreBOM. */
  function utf8DecodeWithoutBOM(bytes) {
    const length = apply(typedArrayLength, bytes, []);
    let output = '';
    let units = [];
    let n = 0;
    let needed = 0;
    let seen = 0;
    let codePoint = 0;
    let lower = 0x80;
    let upper = 0xbf;
    for (let i = 0; i <= length; i++) {
      if (n >= 4096) {
        output += apply(fromCharCode, null, units);
        units = [];
        n = 0;
      }
      if (i === length) {
        if (needed !== 0) {
          units[n++] = 0xfffd;
        }
        break;
      }
      const byte = bytes[i];
      if (needed === 0) {
        if (byte <= 0x7f) {
          units[n++] = byte;
        }
        else if (byte >= 0xc2 && byte <= 0xdf) {
          needed = 1;
          codePoint = byte & 0x1f;
        }
        else if (byte >= 0xe0 && byte <= 0xef) {
          lower = byte === 0xe0 ? 0xa0 : 0x80;
          upper = byte === 0xed ? 0x9f : 0xbf;
          needed = 2;
          codePoint = byte & 0xf;
        }
        else if (byte >= 0xf0 && byte <= 0xf4) {
          lower = byte === 0xf0 ? 0x90 : 0x80;
          upper = byte === 0xf4 ? 0x8f : 0xbf;
          needed = 3;
          codePoint = byte & 0x7;
        }
        else {
          units[n++] = 0xfffd;
        }
        continue;
      }
      if (byte < lower || byte > upper) {
        // the byte that ended the sequence early starts over
        needed = seen = codePoint = 0;
        lower = 0x80;
        upper = 0xbf;
        units[n++] = 0xfffd;
        i--;
        continue;
      }
      lower = 0x80;
      upper = 0xbf;
      codePoint = (codePoint << 6) | (byte & 0x3f);
      if (++seen === needed) {
        if (codePoint > 0xffff) {
          units[n++] = 0xd800 + ((codePoint - 0x10000) >> 10);
          units[n++] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
        }
        else {
          units[n++] = codePoint;
        }
        needed = seen = codePoint = 0;
      }
    }
    units.length = n;
    return output + apply(fromCharCode, null, units);
  }

  // ---- tr46 in front: the mapping table and the Unicode data load on the first domain that needs them ----

  function isAscii(domain) {
    const length = domain.length;
    for (let i = 0; i < length; i++) {
      if (apply(charCodeAt, domain, [i]) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  function plainOptions(options) {
    return options !== undefined && !options.checkHyphens && !options.useSTD3ASCIIRules && !options.verifyDNSLength
        && !options.transitionalProcessing && !options.ignoreInvalidPunycode;
  }

  const tr46 = {
    toASCII(domain, options) {
      if (plainOptions(options) && isAscii(domain)) {
        return apply(toLowerCase, domain, []);
      }
      return load(definitions.tr46, false).toASCII(domain, options);
    },
    toUnicode(domain, options) {
      return load(definitions.tr46, false).toUnicode(domain, options);
    }
  };

  // ---- the registry ----

  const definitions = {
    __proto__: null,
    /* modules */
  };
  const replacements = { __proto__: null };
  replacements[definitions.tr46] = tr46;
  replacements['whatwg-url/lib/encoding.js'] = { utf8Encode, utf8DecodeWithoutBOM };
  const loaded = { __proto__: null };

  /** The exports of module {@code id}, which runs on its first load; {@code replaced} takes this part's stand-in. */
  function load(id, replaced) {
    if (replaced && replacements[id] !== undefined) {
      return replacements[id];
    }
    const cached = loaded[id];
    if (cached !== undefined) {
      return cached.exports;
    }
    const definition = definitions[id];
    if (definition === undefined) {
      throw new Error('The URL bundle has no module ' + id);
    }
    const module = { exports: {} };
    loaded[id] = module;
    if (typeof definition[0] === 'string') {
      module.exports = parseJson(definition[0]);
      return module.exports;
    }
    const requests = definition[1];
    apply(definition[0], module.exports, [module, module.exports, (request) => {
      const target = requests[request];
      if (target === undefined) {
        throw new Error('The URL bundle did not resolve ' + request + ' for ' + id);
      }
      return load(target, true);
    }]);
    return module.exports;
  }

  // ---- the public API, each function checking the built-ins first ----

  const guarded = new Map();

  /** The stand-in for one of the API's functions: same name and length, not a constructor. */
  function guard(fn) {
    let standIn = apply(mapGet, guarded, [fn]);
    if (standIn === undefined) {
      standIn = { method() { return call(fn, this, arguments); } }.method;
      defineProperty(standIn, 'length', { __proto__: null, configurable: true, value: fn.length });
      defineProperty(standIn, 'name', { __proto__: null, configurable: true, value: fn.name });
      apply(mapSet, guarded, [fn, standIn]);
    }
    return standIn;
  }

  /** Puts stand-ins in place of the functions, getters and setters of {@code from}'s own properties, onto {@code to}. */
  function guardProperties(from, to) {
    const names = ownKeys(from);
    for (let i = 0; i < names.length; i++) {
      const key = names[i];
      if (key === 'constructor' || key === 'prototype' || key === 'length' || key === 'name') {
        continue;
      }
      const descriptor = getDescriptor(from, key);
      if (typeof descriptor.value === 'function') {
        descriptor.value = guard(descriptor.value);
      }
      if (descriptor.get !== undefined) {
        descriptor.get = guard(descriptor.get);
      }
      if (descriptor.set !== undefined) {
        descriptor.set = guard(descriptor.set);
      }
      defineProperty(to, key, descriptor);
    }
  }

  /** The stand-in for one of the API's classes: the same prototype, with stand-ins for its methods. */
  function guardClass(Class) {
    const name = Class.name;
    const standIn = function () {
      if (new.target === undefined) {
        throw new TypeError("Class constructor " + name + " cannot be invoked without 'new'");
      }
      return create(Class, arguments, new.target);
    };
    defineProperty(standIn, 'length', { __proto__: null, configurable: true, value: Class.length });
    defineProperty(standIn, 'name', { __proto__: null, configurable: true, value: name });
    defineProperty(standIn, 'prototype', { __proto__: null, writable: false, value: Class.prototype });
    defineProperty(Class.prototype, 'constructor', { __proto__: null, configurable: true, writable: true,
      enumerable: false, value: standIn });
    guardProperties(Class, standIn);
    guardProperties(Class.prototype, Class.prototype);
    return standIn;
  }

  const whatwgUrl = load(definitions['whatwg-url'], true);
  const URL = guardClass(whatwgUrl.URL);
  const URLSearchParams = guardClass(whatwgUrl.URLSearchParams);
  const iteratorPrototype = getPrototypeOf(new whatwgUrl.URLSearchParams().entries());
  guardProperties(iteratorPrototype, iteratorPrototype);

  web.define('URL', URL);
  web.define('URLSearchParams', URLSearchParams);
})
