// What a snapshot script threw, looked at before Javet reads it. Javet copies the whole text of a thrown value
// into Java and converts a thrown object with a converter that a proxy can crash and an accessor can hang, and
// V8 aborts when the text of an uncaught error passes its longest string. SnapshotBuilder runs each script in a
// try block whose catch hands what it caught to the function this makes: a value that can be read without
// running user code and whose texts are short goes on as it is, anything else is replaced by a short string
// that says what it was, marked so that Java knows it for a description.
(function (name, maxText, marker) {
  'use strict';
  const { apply, getDescriptor, defineProperty, getPrototypeOf, ownKeys, errorBrand, objectToString, stringSlice,
    bigintToString, StringOf, ErrorOf, toStringTag } = __jsrun_intrinsics;
  const isProxy = typeof __jsrun_guards !== 'undefined' ? __jsrun_guards.isProxy : () => true;
  const symbolDescription = getDescriptor(Symbol.prototype, 'description').get;
  const MAX_CHAIN = 64;
  // V8's own stack accessor, shared by every error; a stack that a script redefined is user code
  const stackAccessor = getDescriptor(new ErrorOf(), 'stack');

  function isShort(text) {
    return text.length <= maxText;
  }

  /** Whether Javet may read the primitive: its text, as V8 prints it, is short. */
  function isSafePrimitive(value) {
    switch (typeof value) {
      case 'string': return isShort(value);
      case 'bigint': return isShort(apply(bigintToString, value, [16])) && isShort(apply(bigintToString, value, []));
      case 'symbol': {
        const description = apply(symbolDescription, value, []);
        return description === undefined || isShort(description);
      }
      default: return value === null || (typeof value !== 'object' && typeof value !== 'function');
    }
  }

  /** Whether reading the key of the object runs no user code and gives a short primitive. */
  function isSafeProperty(object, key) {
    const descriptor = getDescriptor(object, key);
    if (descriptor === undefined) {
      return true;
    }
    if (key === 'stack' && descriptor.get !== undefined) {
      return stackAccessor !== undefined && descriptor.get === stackAccessor.get
        && descriptor.set === stackAccessor.set;
    }
    return 'value' in descriptor && isSafePrimitive(descriptor.value);
  }

  /**
   * Whether the value is an error, asked without running user code: V8's Error.isError where there is one,
   * else the brand Object.prototype.toString reports when no Symbol.toStringTag accessor can change it.
   */
  function isError(value) {
    if (errorBrand !== null) {
      return errorBrand(value);
    }
    for (let holder = value, depth = 0; holder !== null; holder = getPrototypeOf(holder), depth++) {
      const tag = getDescriptor(holder, toStringTag);
      if (depth === MAX_CHAIN || isProxy(holder) || (tag !== undefined && !('value' in tag))) {
        return false;
      }
    }
    return apply(objectToString, value, []) === '[object Error]';
  }

  /**
   * Whether the value is a real error Javet can read: no proxy on its prototype chain, only short primitive data
   * in its own properties, and no accessor or long text for the name, message and stack it inherits.
   */
  function isSafeError(value) {
    if (typeof value !== 'object' || value === null || isProxy(value) || !isError(value)) {
      return false;
    }
    const keys = ownKeys(value);
    for (let i = 0; i < keys.length; i++) {
      if (!isSafeProperty(value, keys[i])) {
        return false;
      }
    }
    let holder = getPrototypeOf(value);
    for (let depth = 0; holder !== null; depth++) {
      if (depth === MAX_CHAIN || isProxy(holder) || !isSafeProperty(holder, 'name')
        || !isSafeProperty(holder, 'message') || !isSafeProperty(holder, 'stack')) {
        return false;
      }
      holder = getPrototypeOf(holder);
    }
    // formats the stack now, once, as V8 keeps it: a stack too long to read is refused here, not in Javet
    const stack = value.stack;
    return stack === undefined || (typeof stack === 'string' && isShort(stack));
  }

  /** The value in a few words, read without running user code. */
  function describe(value) {
    if (typeof value !== 'object' && typeof value !== 'function' || value === null) {
      const text = typeof value === 'string' ? value
        : typeof value === 'symbol' || typeof value === 'bigint' ? 'a ' + typeof value : StringOf(value);
      return isShort(text) ? text : apply(stringSlice, text, [0, maxText]) + '...';
    }
    if (isProxy(value)) {
      return 'a Proxy';
    }
    let text = isError(value) ? 'an error' : 'an object';
    const message = getDescriptor(value, 'message');
    if (message !== undefined && 'value' in message && typeof message.value === 'string') {
      text += ': ' + (isShort(message.value) ? message.value : apply(stringSlice, message.value, [0, maxText]) + '...');
    }
    return text;
  }

  function handOn(value) {
    try {
      if (isSafePrimitive(value) || isSafeError(value)) {
        return value;
      }
    }
    catch (ignored) {
      // a revoked proxy or a throwing stack formatter: described below
    }
    try {
      return marker + describe(value);
    }
    catch (ignored) {
      return marker + 'a value that cannot be read';
    }
  }

  // defines the global, again before each script and each round of timers; false when a script made it
  // unchangeable
  return function define() {
    return defineProperty(globalThis, name, { __proto__: null, value: handOn, configurable: true });
  };
});
