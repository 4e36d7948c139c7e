// Array built-ins whose loops V8 never interrupts, made to honour termination. V8 runs the generic path of
// Array.prototype.indexOf, join, reverse, sort and their kind in C++ or Torque without an interrupt check, so over a
// huge array-like or a sparse array of length 2 ** 32 - 1 they run for seconds past a timeout. Each method here is
// the original built-in behind a proxy (same name, length and source text): a receiver whose length is
// known to be small goes straight to the original; any other receiver reaches the original through a forwarding
// proxy whose traps are JavaScript, so V8 checks for termination at every element and the steps the specification
// prescribes stay exactly the same. Installed before any script of the application, like intrinsics.js.
(function () {
  'use strict';
  if (typeof __jsrun_intrinsics !== 'undefined') {
    return;
  }
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const get = Reflect.get;
  const has = Reflect.has;
  const set = Reflect.set;
  const deleteProperty = Reflect.deleteProperty;
  const defineProperty = Reflect.defineProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const isArray = Array.isArray;
  const ObjectOf = Object;
  const ProxyOf = Proxy;
  const RangeErrorOf = RangeError;
  const TypeErrorOf = TypeError;
  const trunc = Math.trunc;
  const min = Math.min;
  const max = Math.max;
  const WeakSetOf = WeakSet;
  const weakSetAdd = WeakSet.prototype.add;
  const weakSetHas = WeakSet.prototype.has;
  const weakSetDelete = WeakSet.prototype.delete;
  const WeakMapOf = WeakMap;
  const weakMapGet = WeakMap.prototype.get;
  const weakMapSet = WeakMap.prototype.set;
  const ArrayOf = Array;
  const ArrayPrototype = Array.prototype;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayLength = getDescriptor(TypedArrayPrototype, 'length').get;
  const speciesGetter = getDescriptor(Array, Symbol.species).get;
  const arraySlice = ArrayPrototype.slice;
  const arrayJoin = ArrayPrototype.join;
  const arraySort = ArrayPrototype.sort;
  const arrayIndexOf = ArrayPrototype.indexOf;
  const arrayLastIndexOf = ArrayPrototype.lastIndexOf;
  const arrayIncludes = ArrayPrototype.includes;
  const arrayConcat = ArrayPrototype.concat;
  const ObjectPrototype = Object.prototype;
  const functionText = Function.prototype.toString;
  const stringEndsWith = String.prototype.endsWith;

  // Above these lengths the original's uninterrupted loop could outlast a timeout by more than a few milliseconds
  // (a sparse or generic receiver costs up to 50 ns per index; sorting without a comparator far more).
  const LIMIT = 1 << 18;
  // toLocaleString formats each number with ICU, hundreds of times slower than join converts it
  const LOCALE_LIMIT = 1 << 9;
  const CALLBACK_LIMIT = 1 << 20;
  const SORT_LIMIT = 1 << 14;
  const TYPED_SORT_LIMIT = 1 << 17;
  // up to this length V8 fills an array's range in its own fast elements; beyond, each element grows a dictionary
  const FILL_RANGES_LIMIT = 1 << 24;
  const MAX_STRING_LENGTH = (1 << 29) - 24;
  const MAX_ARRAY_LENGTH = 2 ** 32 - 1;
  const MAX_LENGTH = 2 ** 53 - 1;

  // jsrun's replacements and the built-ins they stand for, so that Function.prototype.toString shows V8's text
  const originals = new WeakMapOf();

  // Every proxy the application makes, so that a receiver's length is read without running a trap twice.
  const proxies = new WeakSetOf();
  // bound once, so that the check on every call allocates no argument list
  const isRecordedProxy = apply(Function.prototype.bind, weakSetHas, [proxies]);
  {
    const revocable = ProxyOf.revocable;
    const recordedRevocable = new ProxyOf(revocable, { __proto__: null,
      apply(target, self, args) {
        const made = apply(target, self, args);
        apply(weakSetAdd, proxies, [made.proxy]);
        return made;
      } });
    apply(weakMapSet, originals, [recordedRevocable, revocable]);
    defineProperty(ProxyOf, 'revocable', { __proto__: null, value: recordedRevocable });
    const recorded = new ProxyOf(ProxyOf, { __proto__: null,
      construct(target, args, newTarget) {
        const made = construct(target, args, newTarget);
        apply(weakSetAdd, proxies, [made]);
        return made;
      } });
    apply(weakMapSet, originals, [recorded, ProxyOf]);
    defineProperty(globalThis, 'Proxy', { __proto__: null, value: recorded });
    const functionToString = Function.prototype.toString;
    const shown = new ProxyOf(functionToString, { __proto__: null,
      apply(target, self, args) {
        const original = apply(weakMapGet, originals, [self]);
        return apply(target, original === undefined ? self : original, args);
      } });
    apply(weakMapSet, originals, [shown, functionToString]);
    defineProperty(Function.prototype, 'toString', { __proto__: null, value: shown });
  }

  // V8 checks for termination when a JavaScript function starts, never inside a native one: a loop of V8's that
  // calls a native callback (a built-in, a bound function, a callable proxy) runs uninterrupted, so such a
  // callback is called through a JavaScript function instead. Function.prototype.toString tells them apart.
  const NATIVE_TEXT = '{ [native code] }';
  // native callbacks and the functions that call them, so that one passed again gets the same caller
  const callers = new WeakMapOf();

  /** The callback, or for a native one a JavaScript function that calls it with the same this and arguments. */
  function interruptibleCallback(callback) {
    // the text first: most callbacks are JavaScript, often a new closure each time, which a cache would not know
    if (typeof callback !== 'function'
      || !apply(stringEndsWith, apply(functionText, callback, []), [NATIVE_TEXT])) {
      return callback;
    }
    let caller = apply(weakMapGet, callers, [callback]);
    if (caller === undefined) {
      caller = function () { return apply(callback, this, arguments); };
      apply(weakMapSet, callers, [callback, caller]);
    }
    return caller;
  }

  /** The arguments with their callback at index made interruptible, in place: the list is the trap's own. */
  function withInterruptible(args, index) {
    if (typeof args[index] === 'function') {
      args[index] = interruptibleCallback(args[index]);
    }
    return args;
  }

  /** The receiver's length when reading it runs no user code, otherwise -1; 0 for primitives without one. */
  function knownLength(self) {
    if (typeof self === 'string') {
      return self.length;
    }
    if (self === null || (typeof self !== 'object' && typeof self !== 'function')) {
      return 0;
    }
    if (isRecordedProxy(self)) {
      return -1;
    }
    if (isArray(self)) {
      return self.length;
    }
    const own = getDescriptor(self, 'length');
    return own !== undefined && typeof own.value === 'number' ? own.value : -1;
  }

  // one proxy per receiver, so that join's cycle detection sees a receiver met again as the same object
  const forwarders = new WeakMapOf();

  /**
   * A proxy whose traps do to the receiver what the built-in would do to it directly, in the same order. Its target
   * is an empty stand-in of the same kind (array or not), so V8's checks of the proxy's answers against its target
   * read nothing from the receiver, which may itself be a proxy that sees every read.
   */
  function forwarder(object) {
    let proxy = apply(weakMapGet, forwarders, [object]);
    if (proxy === undefined) {
      proxy = new ProxyOf(isArray(object) ? [] : {}, { __proto__: null,
        get(target, key) { return get(object, key, object); },
        has(target, key) { return has(object, key); },
        set(target, key, value) { return set(object, key, value, object); },
        deleteProperty(target, key) { return deleteProperty(object, key); },
        defineProperty(target, key, descriptor) { return defineProperty(object, key, descriptor); }
      });
      apply(weakMapSet, forwarders, [object, proxy]);
    }
    return proxy;
  }

  /** Calls the original on the forwarding proxy of the receiver; the receiver itself never leaks as the proxy. */
  function interruptible(original, object, args) {
    const proxy = forwarder(object);
    const result = apply(original, proxy, args);
    return result === proxy ? object : result;
  }

  /** Callbacks see the receiver as their third argument, as they would without the proxy. */
  function withCallback(original, object, args) {
    const callback = args[0];
    if (typeof callback !== 'function') {
      return interruptible(original, object, args);
    }
    const thisArg = args[1];
    const given = [function (value, index) { return apply(callback, thisArg, [value, index, object]); }];
    return interruptible(original, object, given);
  }

  function withReducer(original, object, args) {
    const callback = args[0];
    if (typeof callback !== 'function') {
      return interruptible(original, object, args);
    }
    const given = [...args];
    given[0] = function (accumulator, value, index) { return apply(callback, undefined, [accumulator, value, index, object]); };
    return interruptible(original, object, given);
  }

  /** SortCompare without a comparator: both values as strings, in code unit order. */
  function compareAsStrings(x, y) {
    const a = `${x}`;
    const b = `${y}`;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** The typed arrays' SortCompare: numeric order, -0 before +0, NaN last. */
  function compareNumbers(x, y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x === y) {
      return x === 0 && 1 / x !== 1 / y ? (1 / x < 0 ? -1 : 1) : 0;
    }
    return x !== x ? (y !== y ? 0 : 1) : -1;
  }

  /** An array whose slices are plain new arrays: no proxy, Array.prototype, the original species. */
  function plainArray(self) {
    if (!isArray(self) || getPrototypeOf(self) !== ArrayPrototype || getDescriptor(self, 'constructor') !== undefined) {
      return false;
    }
    const constructor = getDescriptor(ArrayPrototype, 'constructor');
    const species = getDescriptor(ArrayOf, Symbol.species);
    return constructor !== undefined && constructor.value === ArrayOf && species !== undefined
      && species.get === speciesGetter;
  }

  function toIntegerOrInfinity(value) {
    const number = +value;
    return number !== number ? 0 : trunc(number) + 0;
  }

  // arrays whose join is under way here, so that an array met again inside itself joins as '', as V8's does
  const joining = new WeakSetOf();

  /** join over a long plain array: the original on slices of at most LIMIT items, with a check between them. */
  function joinInSlices(self, args) {
    const length = self.length;
    const given = args[0];
    const separator = given === undefined ? ',' : `${given}`;
    if (apply(weakSetHas, joining, [self])) {
      return '';
    }
    if (length > 1 && separator.length * (length - 1) > MAX_STRING_LENGTH) {
      throw new RangeErrorOf('Invalid string length');
    }
    apply(weakSetAdd, joining, [self]);
    try {
      let text = '';
      for (let from = 0; from < length; from += LIMIT) {
        const part = apply(arrayJoin, apply(arraySlice, self, [from, min(length, from + LIMIT)]), [separator]);
        text = from === 0 ? part : text + separator + part;
      }
      return text;
    }
    finally {
      apply(weakSetDelete, joining, [self]);
    }
  }

  /** fill over a long array: the original on ranges of at most LIMIT items. */
  function fillInRanges(original, self, args) {
    const length = self.length;
    const start = toIntegerOrInfinity(args[1]);
    const end = args[2] === undefined ? length : toIntegerOrInfinity(args[2]);
    const from = start < 0 ? max(length + start, 0) : min(start, length);
    const to = end < 0 ? max(length + end, 0) : min(end, length);
    for (let k = from; k < to; k += LIMIT) {
      apply(original, self, [args[0], k, min(to, k + LIMIT)]);
    }
    return self;
  }

  function install(holder, name, call) {
    const descriptor = getDescriptor(holder, name);
    const original = descriptor.value;
    descriptor.value = new ProxyOf(original, { __proto__: null, apply: call });
    apply(weakMapSet, originals, [descriptor.value, original]);
    defineProperty(holder, name, descriptor);
  }

  /** The original when the receiver is short, the forwarding proxy otherwise. */
  function plain(target, self, args) {
    const length = knownLength(self);
    return length >= 0 && !(length > LIMIT) ? apply(target, self, args) : interruptible(target, ObjectOf(self), args);
  }

  function slice(array, from, to) {
    return apply(arraySlice, array, [from, to]);
  }

  /** indexOf and includes over a long plain array: the original on slices of at most LIMIT items, in order. */
  function searchInSlices(original, self, args, found) {
    const length = self.length;
    if (length === 0) {
      return found === undefined ? -1 : false;
    }
    const n = toIntegerOrInfinity(args[1]);
    if (n === Infinity) {
      return found === undefined ? -1 : false;
    }
    for (let from = n >= 0 ? n : max(length + n, 0); from < length; from += LIMIT) {
      const index = apply(original, slice(self, from, min(length, from + LIMIT)), [args[0]]);
      if (found === undefined ? index >= 0 : index) {
        return found === undefined ? from + index : true;
      }
    }
    return found === undefined ? -1 : false;
  }

  /** lastIndexOf over a long plain array: the original on slices of at most LIMIT items, from the end. */
  function searchBackInSlices(self, args) {
    const length = self.length;
    if (length === 0) {
      return -1;
    }
    const n = args.length > 1 ? toIntegerOrInfinity(args[1]) : length - 1;
    if (n === -Infinity) {
      return -1;
    }
    for (let to = (n >= 0 ? min(n, length - 1) : length + n) + 1; to > 0; to -= LIMIT) {
      const from = max(0, to - LIMIT);
      const index = apply(arrayLastIndexOf, slice(self, from, to), [args[0]]);
      if (index >= 0) {
        return from + index;
      }
    }
    return -1;
  }

  install(ArrayPrototype, 'indexOf', (target, self, args) => {
    const length = knownLength(self);
    if (length >= 0 && !(length > LIMIT)) {
      return apply(target, self, args);
    }
    return length >= 0 && plainArray(self) ? searchInSlices(arrayIndexOf, self, args)
      : interruptible(target, ObjectOf(self), args);
  });
  install(ArrayPrototype, 'includes', (target, self, args) => {
    const length = knownLength(self);
    if (length >= 0 && !(length > LIMIT)) {
      return apply(target, self, args);
    }
    return length >= 0 && plainArray(self) ? searchInSlices(arrayIncludes, self, args, true)
      : interruptible(target, ObjectOf(self), args);
  });
  install(ArrayPrototype, 'lastIndexOf', (target, self, args) => {
    const length = knownLength(self);
    if (length >= 0 && !(length > LIMIT)) {
      return apply(target, self, args);
    }
    return length >= 0 && plainArray(self) ? searchBackInSlices(self, args) : interruptible(target, ObjectOf(self), args);
  });
  for (const name of ['reverse', 'copyWithin', 'slice',
    'splice', 'toReversed', 'toSpliced', 'with', 'shift', 'unshift']) {
    install(ArrayPrototype, name, plain);
  }
  install(ArrayPrototype, 'toLocaleString', (target, self, args) => {
    const length = knownLength(self);
    return length >= 0 && !(length > LOCALE_LIMIT) ? apply(target, self, args) : interruptible(target, ObjectOf(self), args);
  });
  install(ArrayPrototype, 'join', (target, self, args) => {
    const length = knownLength(self);
    if (length >= 0 && !(length > LIMIT)) {
      return apply(target, self, args);
    }
    return length >= 0 && plainArray(self) ? joinInSlices(self, args) : interruptible(target, ObjectOf(self), args);
  });
  install(ArrayPrototype, 'fill', (target, self, args) => {
    const length = knownLength(self);
    if (length >= 0 && !(length > LIMIT)) {
      return apply(target, self, args);
    }
    return length >= 0 && length <= FILL_RANGES_LIMIT && isArray(self) ? fillInRanges(target, self, args)
      : interruptible(target, ObjectOf(self), args);
  });
  for (const name of ['every', 'some', 'forEach', 'map', 'filter']) {
    install(ArrayPrototype, name, (target, self, args) => {
      const length = knownLength(self);
      return length >= 0 && !(length > CALLBACK_LIMIT) ? apply(target, self, withInterruptible(args, 0))
        : withCallback(target, ObjectOf(self), args);
    });
  }
  for (const name of ['reduce', 'reduceRight']) {
    install(ArrayPrototype, name, (target, self, args) => {
      const length = knownLength(self);
      return length >= 0 && !(length > CALLBACK_LIMIT) ? apply(target, self, withInterruptible(args, 0))
        : withReducer(target, ObjectOf(self), args);
    });
  }
  // with a JavaScript callback every step of these checks for termination, whatever the receiver's length
  for (const name of ['find', 'findIndex', 'findLast', 'findLastIndex']) {
    install(ArrayPrototype, name, (target, self, args) => apply(target, self, withInterruptible(args, 0)));
  }
  function toLength(value) {
    const length = toIntegerOrInfinity(value);
    return length <= 0 ? 0 : min(length, MAX_LENGTH);
  }

  function item(list, index, value) {
    defineProperty(list, index, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  /**
   * SortIndexedProperties in JavaScript, for receivers whose length is not known to be small: V8's own sort copies
   * them into one work array sized by their length, which for a length above 2 ** 27 ends the process.
   */
  function sortedItems(object, length, comparator, skipHoles) {
    const items = [];
    let count = 0;
    for (let k = 0; k < length; k++) {
      if (!skipHoles || has(object, k)) {
        item(items, count++, get(object, k, object));
      }
    }
    apply(arraySort, items, [comparator === undefined ? compareAsStrings : comparator]);
    return items;
  }

  function sortGeneric(self, comparator) {
    const object = ObjectOf(self);
    const length = toLength(get(object, 'length', object));
    const items = sortedItems(object, length, comparator, true);
    let j = 0;
    for (; j < items.length; j++) {
      if (!set(object, j, items[j], object)) {
        throw new TypeErrorOf("Cannot assign to read only property '" + j + "' of object");
      }
    }
    for (; j < length; j++) {
      if (!deleteProperty(object, j)) {
        throw new TypeErrorOf("Cannot delete property '" + j + "' of object");
      }
    }
    return object;
  }

  function toSortedGeneric(self, comparator) {
    const object = ObjectOf(self);
    const length = toLength(get(object, 'length', object));
    if (length > MAX_ARRAY_LENGTH) {
      throw new RangeErrorOf('Invalid array length');
    }
    const result = new ArrayOf(length);
    const items = sortedItems(object, length, comparator, false);
    for (let j = 0; j < length; j++) {
      item(result, j, items[j]);
    }
    return result;
  }

  for (const [name, generic] of [['sort', sortGeneric], ['toSorted', toSortedGeneric]]) {
    install(ArrayPrototype, name, (target, self, args) => {
      const comparator = args[0];
      if (comparator !== undefined && typeof comparator !== 'function') {
        return apply(target, self, args);
      }
      const length = knownLength(self);
      if (self === null || self === undefined || (length >= 0 && !(length > LIMIT))) {
        // without a comparator the original sorts in one uninterrupted loop; with one, it calls JavaScript
        return apply(target, self, comparator === undefined && length > SORT_LIMIT ? [compareAsStrings]
          : withInterruptible(args, 0));
      }
      return generic(self, interruptibleCallback(comparator));
    });
  }
  const MAX_SAFE = 2 ** 53 - 1;

  /** Whether V8's own loop over this value could run long without an interrupt check. */
  function long(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function')
      && (isRecordedProxy(value) || knownLength(value) > LIMIT);
  }

  function createItem(list, index, value) {
    if (!defineProperty(list, index, { __proto__: null, value, writable: true, enumerable: true, configurable: true })) {
      throw new TypeErrorOf('Cannot add property ' + index + ', object is not extensible');
    }
  }

  /** ArraySpeciesCreate(original, 0). */
  function speciesCreate(original) {
    if (!isArray(original)) {
      return [];
    }
    let constructor = get(original, 'constructor', original);
    if (constructor !== null && (typeof constructor === 'object' || typeof constructor === 'function')) {
      constructor = get(constructor, Symbol.species, constructor);
      if (constructor === null) {
        constructor = undefined;
      }
    }
    if (constructor === undefined) {
      return [];
    }
    if (typeof constructor !== 'function') {
      throw new TypeErrorOf('object.constructor[Symbol.species] is not a constructor');
    }
    return construct(constructor, [0]);
  }

  function isConcatSpreadable(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return false;
    }
    const spreadable = get(value, Symbol.isConcatSpreadable, value);
    return spreadable !== undefined ? !!spreadable : isArray(value);
  }

  /** Whether V8's concat spreads plain arrays without asking any user code. */
  function arraysSpreadQuietly() {
    return getDescriptor(ArrayPrototype, Symbol.isConcatSpreadable) === undefined
      && getDescriptor(ObjectPrototype, Symbol.isConcatSpreadable) === undefined
      && getPrototypeOf(ArrayPrototype) === ObjectPrototype && getPrototypeOf(ObjectPrototype) === null;
  }

  /** Array.prototype.concat as the specification writes it, for receivers and arguments V8 would copy uninterrupted. */
  function concatGeneric(self, args) {
    const object = ObjectOf(self);
    let result = speciesCreate(object);
    // a plain result takes long plain arrays by V8's own concat of slices, with a check between them
    const bySlices = plainArray(result) && arraysSpreadQuietly();
    let n = 0;
    for (let i = -1; i < args.length; i++) {
      const element = i < 0 ? object : args[i];
      if (isConcatSpreadable(element)) {
        const length = toLength(get(element, 'length', element));
        if (n + length > MAX_SAFE) {
          throw new TypeErrorOf('Invalid array length');
        }
        if (bySlices && !isRecordedProxy(element) && plainArray(element)) {
          result.length = n;
          for (let k = 0; k < length; k += LIMIT) {
            result = apply(arrayConcat, result, [apply(arraySlice, element, [k, min(length, k + LIMIT)])]);
          }
          n += length;
          continue;
        }
        for (let k = 0; k < length; k++, n++) {
          if (has(element, k)) {
            createItem(result, n, get(element, k, element));
          }
        }
      }
      else {
        if (n >= MAX_SAFE) {
          throw new TypeErrorOf('Invalid array length');
        }
        createItem(result, n++, element);
      }
    }
    if (!set(result, 'length', n, result)) {
      throw new TypeErrorOf("Cannot assign to read only property 'length' of object");
    }
    return result;
  }

  install(ArrayPrototype, 'concat', (target, self, args) => {
    if (self === null || self === undefined) {
      return apply(target, self, args);
    }
    if (long(self)) {
      return concatGeneric(self, args);
    }
    for (let i = 0; i < args.length; i++) {
      if (long(args[i])) {
        return concatGeneric(self, args);
      }
    }
    return apply(target, self, args);
  });

  /**
   * A forwarding proxy for flat: elements that V8 will flatten further (arrays while depth remains) are handed out
   * as forwarding proxies of their own, so every level is read by JavaScript; the rest are handed out as they are.
   */
  function flattening(object, depth) {
    return new ProxyOf(isArray(object) ? [] : {}, { __proto__: null,
      get(target, key) {
        const value = get(object, key, object);
        return depth > 0 && typeof key !== 'symbol' && key !== 'length' && key !== 'constructor' && isArray(value)
          ? flattening(value, depth - 1) : value;
      },
      has(target, key) { return has(object, key); }
    });
  }

  /** Whether V8's flat may run its own loop: a short receiver whose nested arrays, read without user code, are short. */
  function shortToFlatten(self, depth) {
    let budget = LIMIT;
    const pending = [self];
    const depths = [depth];
    while (pending.length > 0) {
      const array = pending.pop();
      const level = depths.pop();
      const length = knownLength(array);
      if (length < 0 || length > budget) {
        return false;
      }
      budget -= length;
      if (level <= 0) {
        continue;
      }
      for (let k = 0; k < length; k++) {
        const own = getDescriptor(array, k);
        if (own === undefined) {
          if (has(array, k)) {
            return false;
          }
          continue;
        }
        if (!('value' in own)) {
          return false;
        }
        if (isArray(own.value)) {
          pending[pending.length] = own.value;
          depths[depths.length] = level - 1;
        }
      }
    }
    return true;
  }

  install(ArrayPrototype, 'flat', (target, self, args) => {
    if (self === null || self === undefined) {
      return apply(target, self, args);
    }
    const given = args[0];
    const depth = given === undefined ? 1 : toIntegerOrInfinity(given);
    if (shortToFlatten(ObjectOf(self), depth)) {
      return apply(target, self, args);
    }
    // the depth is converted once here, so a valueOf runs once
    const result = apply(target, flattening(ObjectOf(self), depth), [depth]);
    return result;
  });

  install(ArrayPrototype, 'flatMap', (target, self, args) => {
    const callback = args[0];
    if (typeof callback !== 'function' || self === null || self === undefined) {
      return apply(target, self, args);
    }
    const object = ObjectOf(self);
    const thisArg = args[1];
    // what the callback returns is flattened one level: a long array through a forwarding proxy
    const given = [function (value, index) {
      const mapped = apply(callback, thisArg, [value, index, object]);
      return isArray(mapped) && long(mapped) ? flattening(mapped, 0) : mapped;
    }];
    const length = knownLength(object);
    return length >= 0 && !(length > CALLBACK_LIMIT) ? apply(target, object, given) : interruptible(target, object, given);
  });

  // Array.from over a long array-like or array reads it through the forwarding proxy; Sets, strings, typed arrays
  // and other iterables without an own length go to V8's method as they are
  install(ArrayOf, 'from', (target, self, args) => {
    const items = args[0];
    withInterruptible(args, 1);
    if (items === null || (typeof items !== 'object' && typeof items !== 'function') || !(knownLength(items) > LIMIT)) {
      return apply(target, self, args);
    }
    const given = [...args];
    given[0] = forwarder(items);
    return apply(target, self, given);
  });

  const typedArraySubarray = TypedArrayPrototype.subarray;
  const typedArraySet = TypedArrayPrototype.set;
  const typedArrayTag = getDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
  const typedArrays = { __proto__: null, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array };
  if (typeof Float16Array === 'function') {
    typedArrays.Float16Array = Float16Array;
  }

  function part(array, from, to) {
    return apply(typedArraySubarray, array, [from, to]);
  }

  /** Copies in steps of TYPED_SORT_LIMIT elements, each one bounded memory copy. */
  function copyTyped(into, from, length) {
    for (let k = 0; k < length; k += TYPED_SORT_LIMIT) {
      apply(typedArraySet, into, [part(from, k, min(length, k + TYPED_SORT_LIMIT)), k]);
    }
  }

  /**
   * Sorts a long typed array in place as V8 would without a comparator: V8's sort of runs of TYPED_SORT_LIMIT
   * elements, then merges in JavaScript, which V8 interrupts, with the typed arrays' own order.
   */
  function sortTyped(original, array, length) {
    for (let k = 0; k < length; k += TYPED_SORT_LIMIT) {
      apply(original, part(array, k, min(length, k + TYPED_SORT_LIMIT)), []);
    }
    let from = array;
    let into = new typedArrays[apply(typedArrayTag, array, [])](length);
    for (let width = TYPED_SORT_LIMIT; width < length; width *= 2) {
      for (let start = 0; start < length; start += 2 * width) {
        const middle = min(start + width, length);
        const end = min(start + 2 * width, length);
        let i = start;
        let j = middle;
        let k = start;
        while (i < middle && j < end) {
          const left = from[i];
          const right = from[j];
          if (compareNumbers(right, left) < 0) {
            into[k++] = right;
            j++;
          }
          else {
            into[k++] = left;
            i++;
          }
        }
        while (i < middle) {
          into[k++] = from[i++];
        }
        while (j < end) {
          into[k++] = from[j++];
        }
      }
      const swap = from;
      from = into;
      into = swap;
    }
    if (from !== array) {
      copyTyped(array, from, length);
    }
    return array;
  }

  install(TypedArrayPrototype, 'sort', (target, self, args) => {
    if (args.length > 0 && args[0] !== undefined) {
      return apply(target, self, withInterruptible(args, 0));
    }
    let length;
    try {
      length = apply(typedArrayLength, self, []);
    }
    catch (notTyped) {
      return apply(target, self, args);
    }
    return length > TYPED_SORT_LIMIT ? sortTyped(target, self, length) : apply(target, self, args);
  });
  const typedSort = TypedArrayPrototype.sort;
  install(TypedArrayPrototype, 'toSorted', (target, self, args) => {
    if (args.length > 0 && args[0] !== undefined) {
      return apply(target, self, withInterruptible(args, 0));
    }
    let length;
    try {
      length = apply(typedArrayLength, self, []);
    }
    catch (notTyped) {
      return apply(target, self, args);
    }
    if (!(length > TYPED_SORT_LIMIT)) {
      return apply(target, self, args);
    }
    const copy = new typedArrays[apply(typedArrayTag, self, [])](length);
    copyTyped(copy, self, length);
    return apply(typedSort, copy, []);
  });

  /** A typed array's length, or -1 for anything else. */
  function typedLength(value) {
    try {
      return apply(typedArrayLength, value, []);
    }
    catch (notTyped) {
      return -1;
    }
  }

  const typedArrayBuffer = getDescriptor(TypedArrayPrototype, 'buffer').get;
  const typedArrayOffset = getDescriptor(TypedArrayPrototype, 'byteOffset').get;

  /** Elements [from, to) of a typed array as a view made without its species, which join never reads. */
  function view(array, from, to) {
    const type = typedArrays[apply(typedArrayTag, array, [])];
    return new type(apply(typedArrayBuffer, array, []),
      apply(typedArrayOffset, array, []) + from * type.BYTES_PER_ELEMENT, to - from);
  }

  // join and toLocaleString of a long typed array: the original on views of at most LIMIT (LOCALE_LIMIT) elements
  for (const name of ['join', 'toLocaleString']) {
    const joining = name === 'join';
    const step = joining ? LIMIT : LOCALE_LIMIT;
    install(TypedArrayPrototype, name, (target, self, args) => {
      const length = typedLength(self);
      if (!(length > step)) {
        return apply(target, self, args);
      }
      const separator = !joining || args[0] === undefined ? ',' : `${args[0]}`;
      let text = '';
      for (let from = 0; from < length; from += step) {
        const part = apply(target, view(self, from, min(length, from + step)), joining ? [separator] : args);
        text = from === 0 ? part : text + separator + part;
      }
      return text;
    });
  }

  /** The source a typed array is made from, through a forwarding proxy when V8 would copy it uninterrupted. */
  function typedSource(source) {
    return long(source) && typedLength(source) < 0 ? forwarder(source) : source;
  }

  // Object.entries of a long array or typed array: V8 makes each [key, value] pair in one C++ loop, about a
  // microsecond each; here the specification's steps run from JavaScript, over the keys Object.keys lists
  // (V8 makes those fast, unlike Reflect.ownKeys, and they are the ones entries may return).
  const objectKeys = ObjectOf.keys;
  install(ObjectOf, 'entries', (target, self, args) => {
    const object = args[0];
    const length = object === null || typeof object !== 'object' ? -1
      : isArray(object) && !isRecordedProxy(object) ? object.length : typedLength(object);
    if (!(length > LIMIT)) {
      return apply(target, self, args);
    }
    const keys = objectKeys(object);
    const entries = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const descriptor = getDescriptor(object, key);
      if (descriptor !== undefined && descriptor.enumerable) {
        entries[entries.length] = [key, object[key]];
      }
    }
    return entries;
  });

  install(getPrototypeOf(Uint8Array), 'from', (target, self, args) => {
    if (args.length === 0) {
      return apply(target, self, args);
    }
    const given = [...args];
    given[0] = typedSource(args[0]);
    return apply(target, self, withInterruptible(given, 1));
  });
  for (const name of ['every', 'some', 'forEach', 'map', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'reduce', 'reduceRight']) {
    install(TypedArrayPrototype, name, (target, self, args) => apply(target, self, withInterruptible(args, 0)));
  }

  // an empty source, for which V8's set checks its target and copies nothing
  const NO_ITEMS = ObjectOf.freeze([]);

  /**
   * SetTypedArrayFromArrayLike in JavaScript, in the specification's order: V8 reads a source that is not a typed
   * array in one uninterrupted C++ loop.
   */
  function setFromArrayLike(original, target, source, offsetArgument) {
    const offset = toIntegerOrInfinity(offsetArgument);
    if (offset < 0) {
      throw new RangeErrorOf('offset is out of bounds');
    }
    // V8's own TypeError for a detached or out-of-bounds target
    apply(original, target, [NO_ITEMS, 0]);
    const targetLength = apply(typedArrayLength, target, []);
    const object = ObjectOf(source);
    const length = toLength(get(object, 'length', object));
    if (offset === Infinity || length + offset > targetLength) {
      throw new RangeErrorOf('offset is out of bounds');
    }
    for (let k = 0; k < length; k++) {
      // a typed array's own [[Set]]: the value is converted, then stored only while the index is still valid
      target[offset + k] = get(object, k, object);
    }
    return undefined;
  }

  install(TypedArrayPrototype, 'set', (target, self, args) => {
    const source = args[0];
    if (typedLength(self) < 0 || typedLength(source) >= 0) {
      return apply(target, self, args);
    }
    const length = knownLength(source);
    return length >= 0 && !(length > LIMIT) ? apply(target, self, args)
      : setFromArrayLike(target, self, source, args[1]);
  });

  // Intl.ListFormat over a long list: ICU joins the items in one uninterrupted C++ loop. Between two items
  // ICU puts the separator of their place, the first, a middle or the last one, and only the last depends on an
  // item (the last: Spanish "y" becomes "e" before "i"); so a long list is joined here from the separators that
  // formatToParts gives for its first four items and for its last three, a few items at a time.
  const ListFormatOf = typeof Intl === 'object' && Intl !== null ? Intl.ListFormat : undefined;
  if (typeof ListFormatOf === 'function') {
    const LIST_LIMIT = 1 << 12;
    const listFormatToParts = ListFormatOf.prototype.formatToParts;
    const symbolIterator = Symbol.iterator;

    /** An iterable over a list jsrun made, which V8's StringListFromIterable reads without running user code. */
    const iterableOf = (items) => ({ __proto__: null, [symbolIterator]() {
      let i = 0;
      return { __proto__: null, next: () => (i < items.length ? { __proto__: null, value: items[i++], done: false }
        : { __proto__: null, value: undefined, done: true }) };
    } });

    const setSize = getDescriptor(Set.prototype, 'size').get;
    // own elements defined, never set, so that no setter a script put on Array.prototype runs
    const append = (list, value) => defineProperty(list, list.length, { __proto__: null, value, writable: true,
      enumerable: true, configurable: true });
    const isSet = (value) => {
      try {
        apply(setSize, value, []);
        return true;
      }
      catch (notASet) {
        return false;
      }
    };

    /**
     * StringListFromIterable, from JavaScript, for an array or a set that may be long: the items, or null for
     * what goes to ICU as it is (a short array, or an iterable whose steps run JavaScript anyway).
     */
    function longList(target, self, list) {
      if (isArray(list) ? !(list.length > LIST_LIMIT) : !isSet(list)) {
        return null;
      }
      // the receiver is checked before the list is read, as V8 does
      apply(target, self, [iterableOf([])]);
      const items = [];
      for (const item of list) {
        if (typeof item !== 'string') {
          // V8's own TypeError, naming the item as V8 does; leaving the loop closes the iterator
          apply(target, self, [iterableOf([item])]);
        }
        append(items, item);
      }
      return items;
    }

    /**
     * The texts before the first item, after it, between middle items, before the last item and after it: the
     * first three from a list of placeholders, the others from one that ends with the list's last item, on which
     * they may depend. ICU leaves empty items out of formatToParts and merges the literals around them.
     */
    function separatorsOf(self, items) {
      const literalsOf = (parts) => {
        const literals = [];
        let text = '';
        for (let i = 0; i < parts.length; i++) {
          if (parts[i].type === 'element') {
            append(literals, text);
            text = '';
          }
          else {
            text += parts[i].value;
          }
        }
        append(literals, text);
        return literals;
      };
      const head = literalsOf(apply(listFormatToParts, self, [iterableOf(['a', 'b', 'c', 'd'])]));
      const last = items[items.length - 1];
      const tail = literalsOf(apply(listFormatToParts, self, [iterableOf(['a', 'b', last])]));
      // with an empty last item, what follows the second placeholder is the separator and the suffix at once
      return last === '' ? [head[0], head[1], head[2], tail[2], ''] : [head[0], head[1], head[2], tail[2], tail[3]];
    }

    function formatLong(target, self, args, toParts) {
      const items = longList(target, self, args[0]);
      if (items === null || items.length <= LIST_LIMIT) {
        return apply(target, self, items === null ? args : [iterableOf(items)]);
      }
      const separators = separatorsOf(self, items);
      const prefix = separators[0];
      const afterFirst = separators[1];
      const middle = separators[2];
      const beforeLast = separators[3];
      const suffix = separators[4];
      const n = items.length;
      if (!toParts) {
        let text = prefix + items[0] + afterFirst + items[1];
        for (let i = 2; i < n - 1; i++) {
          text = text + middle + items[i];
        }
        return text + beforeLast + items[n - 1] + suffix;
      }
      const parts = [];
      let literal = prefix;
      const element = (value) => {
        if (value === '') {
          return;
        }
        if (literal !== '') {
          append(parts, { type: 'literal', value: literal });
          literal = '';
        }
        append(parts, { type: 'element', value });
      };
      for (let i = 0; i < n; i++) {
        if (i > 0) {
          literal += i === 1 ? afterFirst : i === n - 1 ? beforeLast : middle;
        }
        element(items[i]);
      }
      literal += suffix;
      if (literal !== '') {
        append(parts, { type: 'literal', value: literal });
      }
      return parts;
    }

    install(ListFormatOf.prototype, 'format', (target, self, args) => formatLong(target, self, args, false));
    install(ListFormatOf.prototype, 'formatToParts', (target, self, args) => formatLong(target, self, args, true));
  }

  // the other built-ins that call a callback for each item of a collection from a loop of V8's
  const IteratorOf = typeof Iterator === 'function' ? Iterator : null;
  for (const [holder, index, names] of [[Map.prototype, 0, ['forEach']], [Set.prototype, 0, ['forEach']],
    [ObjectOf, 1, ['groupBy']], [Map, 1, ['groupBy']],
    [IteratorOf === null ? null : IteratorOf.prototype, 0, ['map', 'filter', 'flatMap', 'forEach', 'reduce', 'some',
      'every', 'find']]]) {
    for (const name of names) {
      const descriptor = holder === null ? undefined : getDescriptor(holder, name);
      if (descriptor !== undefined && typeof descriptor.value === 'function') {
        install(holder, name, (target, self, args) => apply(target, self, withInterruptible(args, index)));
      }
    }
  }

  // the typed-array constructors are checked in each context by allocation-guards.js, which takes this
  defineProperty(globalThis, '__jsrun_bounded', { __proto__: null, configurable: true, enumerable: false,
    value: ObjectOf.freeze({ __proto__: null, typedSource, isProxy: isRecordedProxy,
      callable: interruptibleCallback,
      showAs(replacement, original) {
        apply(weakMapSet, originals, [replacement, original]);
      } }) });
})();
