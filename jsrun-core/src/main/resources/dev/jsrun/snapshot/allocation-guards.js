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
  const stringIndexOf = String.prototype.indexOf;
  const stringIncludes = String.prototype.includes;
  const regexpExec = RegExp.prototype.exec;
  const codePointAt = String.prototype.codePointAt;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayLength = getDescriptor(TypedArrayPrototype, 'length').get;
  const typedArrayTag = getDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
  const bufferLength = getDescriptor(ArrayBuffer.prototype, 'byteLength').get;

  // V8 aborts the process, rather than throw, when one step builds an array of more elements than this
  const MAX_ELEMENTS = 134000000;
  const WASM_PAGE = 65536;

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
    defineProperty(holder, name, { __proto__: null, value: guarded, writable: descriptor.writable,
      enumerable: descriptor.enumerable, configurable: descriptor.configurable });
  }

  function guardConstructor(holder, name, bytesOf) {
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
      if (apply(typedArrayTag, first, []) !== undefined) {
        return apply(typedArrayLength, first, []) * size;
      }
      const length = getDescriptor(first, 'length');
      return length !== undefined && typeof length.value === 'number' ? toIndex(length.value) * size : 0;
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

  guardMethod(String.prototype, 'split', (self, args) => {
    const separator = args[0];
    if (typeof self !== 'string' || self.length <= MAX_ELEMENTS || typeof separator !== 'string'
      || (args[1] !== undefined && args[1] >>> 0 <= MAX_ELEMENTS)) {
      return;
    }
    let pieces = 1;
    if (separator === '') {
      pieces = self.length;
    }
    else {
      for (let at = apply(stringIndexOf, self, [separator]); at >= 0 && pieces <= MAX_ELEMENTS;
        at = apply(stringIndexOf, self, [separator, at + separator.length])) {
        pieces++;
      }
    }
    if (pieces > MAX_ELEMENTS) {
      tooLong('splitting a string of ' + self.length + ' characters', MAX_ELEMENTS);
    }
  });

  // A global match on a long string collects its matches here, where an array grows step by step (and V8
  // may interrupt it) rather than being built at once.
  const originalMatch = RegExp.prototype[Symbol.match];
  replace(RegExp.prototype, Symbol.match, new ProxyOf(originalMatch, { __proto__: null,
    apply(target, self, args) {
      const text = args[0];
      if (typeof text !== 'string' || text.length <= MAX_ELEMENTS || self === null || typeof self !== 'object') {
        return apply(target, self, args);
      }
      const flags = StringOf(self.flags);
      if (!apply(stringIncludes, flags, ['g'])) {
        return apply(target, self, args);
      }
      const unicode = apply(stringIncludes, flags, ['u']) || apply(stringIncludes, flags, ['v']);
      self.lastIndex = 0;
      const matches = [];
      let count = 0;
      for (;;) {
        const exec = self.exec;
        const match = typeof exec === 'function' ? apply(exec, self, [text]) : apply(regexpExec, self, [text]);
        if (match === null) {
          return count === 0 ? null : matches;
        }
        const matched = StringOf(match[0]);
        if (count >= MAX_ELEMENTS) {
          tooLong('matching a string of ' + text.length + ' characters', MAX_ELEMENTS);
        }
        matches[count++] = matched;
        if (matched === '') {
          const index = toIndex(self.lastIndex);
          const wide = unicode && index < text.length && apply(codePointAt, text, [index]) > 0xffff;
          self.lastIndex = index + (wide ? 2 : 1);
        }
      }
    } }));

  guardMethod(JSON, 'parse', (self, args) => {
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
