// Evaluated in a snapshot runtime before any script: the scripts may replace any built-in, define getters
// and setters anywhere and create proxies, and the walk that runs after them must run none of their code.
// So everything the walk uses is taken here, while the built-ins are still V8's own; proxies, whose every
// inspection runs a trap, are recognised by identity, because Proxy and Proxy.revocable record what they
// create until the walk puts the originals back. Evaluates to a function of (global name, visit budget)
// that returns the walk, to be called once, last before the capture.
(function (globalName, maxVisited) {
  'use strict';
  const global = globalThis;
  const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
  // uncurry(f)(self, ...args) calls f on self without looking up call or apply on anything
  const uncurry = fn => apply(Function.prototype.bind, Function.prototype.call, [fn]);
  const getterOf = (owner, key) => {
    const descriptor = getOwnPropertyDescriptor(owner, key);
    return descriptor === undefined ? undefined : descriptor.get;
  };
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const isArray = Array.isArray;
  const VisitedSet = Set;
  const visitedHas = uncurry(Set.prototype.has);
  const visitedAdd = uncurry(Set.prototype.add);
  const proxies = new WeakSet();
  const isProxy = uncurry(WeakSet.prototype.has);
  const recordProxy = uncurry(WeakSet.prototype.add);
  // the size getters check the internal slot and throw for anything else, a Map subclass's own size included
  const mapSize = uncurry(getterOf(Map.prototype, 'size'));
  const setSize = uncurry(getterOf(Set.prototype, 'size'));
  const mapForEach = uncurry(Map.prototype.forEach);
  const setForEach = uncurry(Set.prototype.forEach);
  // undefined for anything but a typed array, whose elements are numbers and may be millions
  const typedArrayTag = uncurry(getterOf(getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag));
  const functionText = uncurry(Function.prototype.toString);
  const startsWith = uncurry(String.prototype.startsWith);
  const endsWith = uncurry(String.prototype.endsWith);
  const regExpPrototype = RegExp.prototype;
  const compile = regExpPrototype.compile;
  const sourceOf = uncurry(getterOf(regExpPrototype, 'source'));
  // the flags getter reads the other getters through the object; each of these reads V8's own flag
  const flagReaders = [];
  for (const [letter, name] of [['d', 'hasIndices'], ['g', 'global'], ['i', 'ignoreCase'], ['l', 'linear'],
      ['m', 'multiline'], ['s', 'dotAll'], ['u', 'unicode'], ['v', 'unicodeSets'], ['y', 'sticky']]) {
    const getter = getterOf(regExpPrototype, name);
    if (typeof getter === 'function') {
      flagReaders[flagReaders.length] = { __proto__: null, letter, read: uncurry(getter) };
    }
  }

  const OriginalProxy = Proxy;
  const originalRevocable = OriginalProxy.revocable;
  // handlers without a prototype: a trap is looked up on the handler, and Object.prototype is the scripts'
  const recorder = new OriginalProxy(OriginalProxy, { __proto__: null,
    construct(target, args, newTarget) {
      const proxy = construct(target, args, newTarget);
      recordProxy(proxies, proxy);
      return proxy;
    } });
  const revocable = new OriginalProxy(originalRevocable, { __proto__: null,
    apply(target, self, args) {
      const result = apply(target, self, args);
      recordProxy(proxies, result.proxy);
      return result;
    } });
  recordProxy(proxies, recorder);
  recordProxy(proxies, revocable);
  defineProperty(global, 'Proxy', { __proto__: null, value: recorder });
  defineProperty(OriginalProxy, 'revocable', { __proto__: null, value: revocable });

  // puts the original back where the scripts left jsrun's stand-in; what they replaced or deleted stays so
  function putBack(owner, key, standIn, original) {
    const descriptor = getOwnPropertyDescriptor(owner, key);
    if (descriptor !== undefined && hasOwn(descriptor, 'value') && descriptor.value === standIn) {
      defineProperty(owner, key, { __proto__: null, value: original });
    }
  }

  // whether a getter that checks an internal slot accepts the object
  function hasBrand(check, object) {
    try {
      check(object);
      return true;
    } catch (e) {
      return false;
    }
  }

  function isRegExp(object) {
    return object !== regExpPrototype && hasBrand(sourceOf, object);
  }

  // V8 creates a function's default prototype when it is first read: reading it for every function would put
  // an object and a map per function into the snapshot, and into every context restored from it. The
  // prototype of a class or a built-in constructor exists from the start; one that a script read, extended or
  // replaced is most often reachable from its instances or its module too, and a regular expression held only
  // there is compiled per context, as V8 does anyway
  function prototypeExists(fn) {
    try {
      const text = functionText(fn);
      return startsWith(text, 'class') || endsWith(text, '{ [native code] }');
    } catch (e) {
      return false;
    }
  }

  // V8 keeps a number field that ever held a fraction in a box that it writes in place, and a snapshot shares
  // that box between every context restored from it in an isolate: one borrower's write would reach the next.
  // Storing a non-number first makes the field hold numbers as values, so a later write replaces the number.
  function unshare(object, key, number) {
    if (defineProperty(object, key, { __proto__: null, value: null })) {
      defineProperty(object, key, { __proto__: null, value: number });
    }
  }

  // an array index is an element, which V8 keeps per context already
  function isIndex(key) {
    return typeof key === 'string' && key !== '4294967295' && '' + (+key >>> 0) === key;
  }

  function flagsOf(regexp) {
    let flags = '';
    for (let i = 0; i < flagReaders.length; i++) {
      if (flagReaders[i].read(regexp)) flags += flagReaders[i].letter;
    }
    return flags;
  }

  return function walk() {
    putBack(global, 'Proxy', recorder, OriginalProxy);
    putBack(OriginalProxy, 'revocable', revocable, originalRevocable);
    const found = { __proto__: null };
    let length = 0;
    // a script that removed or replaced compile (as hardening such as SES does) keeps its regexps as they are
    const current = getOwnPropertyDescriptor(regExpPrototype, 'compile');
    const relink = current !== undefined && hasOwn(current, 'value') && current.value === compile;
    const visited = new VisitedSet();
    let stack = null;
    const visit = value => {
      if (((typeof value === 'object' && value !== null) || typeof value === 'function') && !visitedHas(visited, value)) {
        visitedAdd(visited, value);
        stack = { __proto__: null, value, next: stack };
      }
    };
    const visitEntry = (value, key) => {
      visit(key);
      visit(value);
    };
    const inspect = object => {
      if (isRegExp(object)) {
        if (relink) {
          found[length++] = object;
          found[length++] = sourceOf(object);
          found[length++] = flagsOf(object);
        }
        return;
      }
      visit(getPrototypeOf(object));
      if (typedArrayTag(object) !== undefined) return;
      const keys = ownKeys(object);
      const skipPrototype = typeof object === 'function' && !prototypeExists(object);
      const array = isArray(object);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (skipPrototype && key === 'prototype') continue;
        const property = getOwnPropertyDescriptor(object, key);
        if (property === undefined) continue;
        if (hasOwn(property, 'value')) {
          if (typeof property.value === 'number' && property.writable && object !== global
              && !(array && key === 'length') && !isIndex(key)) {
            unshare(object, key, property.value);
          }
          visit(property.value);
        } else {
          visit(property.get);
          visit(property.set);
        }
      }
      if (hasBrand(mapSize, object)) mapForEach(object, visitEntry);
      else if (hasBrand(setSize, object)) setForEach(object, visit);
    };
    visit(global);
    for (let count = 0; stack !== null && count < maxVisited; count++) {
      const object = stack.value;
      stack = stack.next;
      if (isProxy(proxies, object)) continue;
      try {
        inspect(object);
      } catch (e) {
        // an object V8 will not describe is left out, like one past the budget
      }
    }
    const record = { __proto__: null, compile, apply, list: found, length };
    if (!defineProperty(global, globalName, { __proto__: null, value: record, configurable: true, enumerable: false,
        writable: false })) {
      throw new TypeError('the global ' + globalName + ' is reserved for jsrun, but a snapshot script defined it');
    }
    return length / 3;
  };
})
