// The host's JavaScript half. It evaluates user code, turns results and errors into one string that Java
// parses, and queues console output and import() requests for Java. It is built with the intrinsics, before
// any script of the application runs, so a snapshot carries it; each fresh context then calls ready() once,
// before any user code, which readies what belongs to that context and answers the one function Java calls
// (host). The built-ins it uses were taken before any script of the application ran (intrinsics.js), so a
// script that replaces built-ins or jsrun's globals changes nothing jsrun relies on. Only host, held by
// Java, reaches this closure.
(function () {
  'use strict';
  if (typeof __jsrun_host !== 'undefined') {
    return;
  }

  const HOST = 'jsrun:host';
  const BUILTINS = 'jsrun:builtins';
  const MAX_DEPTH = 1000;
  const FLATTEN_STEP = 1 << 20;
  // the runtime's limits, which ready() sets in each context
  let MAX_LOG_ENTRIES = 0;
  let MAX_LOG_CHARS = 0;
  let MAX_TEXT = 0;
  let LIMIT = 0;
  let EXTERNAL_LIMIT = Infinity;

  // taken before any script of the application ran (intrinsics.js); only syntax is used to reach them
  const intrinsics = __jsrun_intrinsics;
  const global = globalThis;
  const { getterOf, captureCallSite, toStringTag, apply, getDescriptor, defineProperty, deleteProperty, getPrototypeOf,
    objectKeys, isArray, isSafeInteger, indirectEval, fromCharCode, stringify, StringOf, objectToString,
    stringSlice, stringIndexOf, stringCharCodeAt, stringValueOf, numberValueOf, booleanValueOf, bigintValueOf,
    bigintToString, dateGetTime, SetOf, setAdd, setHas, setDelete, setForEach, setSize, MapOf, mapGet, mapSet, mapDelete,
    mapForEach, mapSize, TypedArrayPrototype, typedArrayTag, typedArrayBuffer, typedArrayOffset,
    typedArrayByteLength, typedArraySubarray, Bytes, arrayBufferLength, sharedBufferLength, dataViewBuffer,
    dataViewOffset, dataViewLength, PromiseOf, promiseThen, promiseResolve, promiseReject, ErrorOf, ErrorPrototype,
    TypeErrorOf, SyntaxErrorOf, errorBrand, NumberOf, parseIntOf, parseFloatOf, objectIs, dateNow,
    numberToFixed } = intrinsics;
  // V8 makes no call sites while it builds a snapshot: then ready() takes their methods in each context
  let callSite = intrinsics.callSite;
  // the checks in front of allocating built-ins (allocation-guards.js), told each context's limit by ready()
  const guards = typeof __jsrun_guards !== 'undefined' ? __jsrun_guards : null;

  // the web platform's event loop (web/timers.js), readied for each context by ready()
  const web = typeof __jsrun_web !== 'undefined' ? __jsrun_web : null;

  /**
   * Whether half the limit or more was allocated outside the heap since Java last measured, freed or not,
   * over any number of evaluations: Java then measures what is held before it reads the result (marked 'K').
   */
  function overCharged() {
    if (guards === null || guards.charged() < EXTERNAL_LIMIT / 2) {
      return false;
    }
    guards.takeCharged();
    return true;
  }

  /** What Java reads when {@code error} is a refused allocation escaping the evaluation; null otherwise. */
  function refused(error) {
    const refusal = guards === null ? null : guards.takeRefusal(error);
    return refusal === null ? null : 'M' + refusal;
  }

  // ---- Error.prepareStackTrace: the user's function while user code runs, jsrun's while jsrun reads ----

  let hostReading = false;
  let lastTrace = null;
  let userPrepare;

  /**
   * Puts the accessor in front of what the snapshot's scripts left: in each context, as V8 restores no
   * context whose snapshot has an accessor there.
   */
  function guardPrepareStackTrace() {
    const before = getDescriptor(ErrorOf, 'prepareStackTrace');
    if (before === undefined || before.configurable) {
      userPrepare = before !== undefined && getDescriptor(before, 'value') !== undefined ? before.value : undefined;
      defineProperty(ErrorOf, 'prepareStackTrace', { __proto__: null, configurable: false, enumerable: false,
        get: function () { return hostReading ? hostPrepare : userPrepare; },
        set: function (value) { userPrepare = value; } });
    }
  }

  /** Formats as V8 does, minus jsrun's frames, and notes where the error was raised. */
  function hostPrepare(error, sites) {
    const trace = { __proto__: null, file: null, line: 0, column: 0, fromHostEval: false, frames: '' };
    lastTrace = trace;
    const header = headline(error);
    if (callSite === null || !isArray(sites)) {
      return header;
    }
    let frames = '';
    let first = true;
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i];
      const file = apply(callSite.fileName, site, []);
      if (file === BUILTINS) {
        // the bounded Array built-ins stand where V8's own would show no frame of theirs
        continue;
      }
      const next = i + 1 < sites.length ? sites[i + 1] : null;
      const nextFile = next === null ? null : apply(callSite.fileName, next, []);
      if (file === HOST || (file == null && nextFile === HOST && !apply(callSite.isEval, site, []))) {
        // the native eval frame and everything from jsrun's runner down
        if (first) {
          trace.fromHostEval = true;
        }
        break;
      }
      const line = apply(callSite.line, site, []);
      const column = apply(callSite.column, site, []);
      let text;
      const origin = apply(callSite.isEval, site, []) ? apply(callSite.evalOrigin, site, []) : undefined;
      if (typeof origin === 'string' && apply(stringIndexOf, origin, [HOST]) >= 0) {
        // code evaluated by jsrun: shown as a script without a name, as before
        const name = apply(callSite.functionName, site, []);
        const position = '<anonymous>:' + line + ':' + column;
        text = name === null || name === 'eval' ? position : name + ' (' + position + ')';
      }
      else {
        text = apply(callSite.text, site, []);
      }
      if (first) {
        trace.file = typeof file === 'string' ? file : null;
        trace.line = typeof line === 'number' ? line : 0;
        trace.column = typeof column === 'number' ? column : 0;
        first = false;
      }
      frames += '\n    at ' + text;
    }
    trace.frames = frames;
    return header + frames;
  }

  /** What Error.prototype.toString gives, read without letting a throwing name or message escape. */
  function headline(error) {
    try {
      const name = error.name;
      const message = error.message;
      const shownName = name === undefined ? 'Error' : text(StringOf(name));
      const shownMessage = message === undefined ? '' : text(StringOf(message));
      return shownName === '' ? shownMessage : shownMessage === '' ? shownName : shownName + ': ' + shownMessage;
    }
    catch (ignored) {
      return 'Error';
    }
  }

  // ---- results and errors as text for Java ----

  // Thrown only by the encoder; every other exception raised while reading a value becomes one of these.
  const FAILED = { failed: true };
  let failure = '';
  let failurePath = '';

  function fail(message) {
    failure = message;
    failurePath = '';
    throw FAILED;
  }

  /** Turns anything thrown while reading the value at {@code step} into a conversion failure with a path. */
  function rethrow(error, step) {
    if (error !== FAILED) {
      failure = 'reading it threw ' + describe(error);
      failurePath = '';
    }
    failurePath = step + failurePath;
    return FAILED;
  }

  function describe(value) {
    try {
      if (isErrorValue(value)) {
        const name = value.name;
        const message = value.message;
        return text(typeof name === 'string' ? name : 'Error') + (typeof message === 'string' && message !== ''
          ? ': ' + text(message) : '');
      }
      return typeof value === 'string' ? text(value) : text(StringOf(value));
    }
    catch (ignored) {
      return 'a value that cannot be printed';
    }
  }

  function text(value) {
    return value.length > MAX_TEXT ? apply(stringSlice, value, [0, MAX_TEXT]) + '...' : value;
  }

  function isErrorValue(value) {
    if (value === null || typeof value !== 'object') {
      return false;
    }
    return errorBrand !== null ? errorBrand(value) : apply(objectToString, value, []) === '[object Error]';
  }

  function brand(getter, value) {
    try {
      return { value: apply(getter, value, []) };
    }
    catch (ignored) {
      return null;
    }
  }

  function encoder(limit) {
    let out = '';
    let depth = 0;
    const open = new SetOf();

    // a result of millions of small pieces is flattened every so often, so that no single step copies all of it;
    // each flattening copies all of out, so it waits for pieces of at least an eighth of what is flat already,
    // which keeps the copies linear in the result
    let flat = 0;

    /** After each item of a collection of {@code size} {@code unit}s: the size limit, and a flat string now and then. */
    function grew(kind, size, unit) {
      const length = out.length;
      if (length > limit) {
        fail(kind + ' of ' + size + ' ' + unit + ' is larger than the result size limit of ' + limit
          + ' characters allows');
      }
      const pieces = length - flat;
      if (pieces >= FLATTEN_STEP && pieces >= flat / 8) {
        apply(stringCharCodeAt, out, [0]);
        flat = length;
      }
    }

    function room(size, what) {
      if (size > limit - out.length) {
        fail(what + ' is larger than the result size limit of ' + limit + ' characters allows');
      }
    }

    function string(value) {
      room(value.length, 'a string of ' + value.length + ' characters');
      out += value.length + ':' + value;
    }

    function number(value) {
      out += isSafeInteger(value) && !(value === 0 && 1 / value < 0) ? 'i' + value + ';'
        : 'd' + (value === 0 ? '-0' : '' + value) + ';';
    }

    function value(item) {
      switch (typeof item) {
        case 'undefined': out += '_'; return;
        case 'boolean': out += item ? 't' : 'f'; return;
        case 'number': number(item); return;
        case 'string': out += 's'; string(item); return;
        case 'bigint': out += 'b' + apply(bigintToString, item, []) + ';'; return;
        case 'symbol':
        case 'function': out += 'n'; return;
        default:
      }
      if (item === null) {
        out += 'n';
        return;
      }
      if (out.length > limit) {
        fail('it is larger than the result size limit of ' + limit + ' characters');
      }
      if (depth >= MAX_DEPTH) {
        fail('it is nested deeper than ' + MAX_DEPTH + ' levels');
      }
      if (apply(setHas, open, [item])) {
        fail('it has a circular reference');
      }
      apply(setAdd, open, [item]);
      depth++;
      try {
        object(item);
      }
      finally {
        apply(setDelete, open, [item]);
        depth--;
      }
    }

    function object(item) {
      if (isArray(item)) {
        array(item);
        return;
      }
      const tag = apply(typedArrayTag, item, []);
      if (tag !== undefined) {
        typed(item, tag);
        return;
      }
      if (isErrorValue(item)) {
        error(item);
        return;
      }
      let known;
      switch (apply(objectToString, item, [])) {
        case '[object Date]':
          known = brand(dateGetTime, item);
          if (known !== null) {
            out += known.value === known.value ? 'D' + known.value + ';' : 'n';
            return;
          }
          break;
        case '[object Map]':
          if (brand(mapSize, item) !== null) {
            map(item);
            return;
          }
          break;
        case '[object Set]':
          if (brand(setSize, item) !== null) {
            set(item);
            return;
          }
          break;
        case '[object ArrayBuffer]':
          known = brand(arrayBufferLength, item);
          if (known !== null) {
            bytes(item, 0, known.value);
            return;
          }
          break;
        case '[object SharedArrayBuffer]':
          known = sharedBufferLength === undefined ? null : brand(sharedBufferLength, item);
          if (known !== null) {
            bytes(item, 0, known.value);
            return;
          }
          break;
        case '[object DataView]':
          known = brand(dataViewBuffer, item);
          if (known !== null) {
            bytes(known.value, apply(dataViewOffset, item, []), apply(dataViewLength, item, []));
            return;
          }
          break;
        case '[object Promise]':
          fail('it is a Promise; use evalAsync to wait for its value');
          return;
        case '[object String]':
          known = brand(stringValueOf, item);
          if (known !== null) {
            out += 's';
            string(known.value);
            return;
          }
          break;
        case '[object Number]':
          known = brand(numberValueOf, item);
          if (known !== null) {
            number(known.value);
            return;
          }
          break;
        case '[object Boolean]':
          known = brand(booleanValueOf, item);
          if (known !== null) {
            out += known.value ? 't' : 'f';
            return;
          }
          break;
        case '[object BigInt]':
          known = brand(bigintValueOf, item);
          if (known !== null) {
            out += 'b' + apply(bigintToString, known.value, []) + ';';
            return;
          }
          break;
        default:
      }
      plain(item);
    }

    function array(item) {
      const length = item.length;
      room(length, 'an array of ' + length + ' items');
      out += 'a' + length + ';';
      for (let i = 0; i < length; i++) {
        try {
          value(item[i]);
        }
        catch (error) {
          throw rethrow(error, '[' + i + ']');
        }
        grew('an array', length, 'items');
      }
    }

    function plain(item) {
      const keys = objectKeys(item);
      room(keys.length, 'an object of ' + keys.length + ' properties');
      // a string of its own, as the count ahead of the entries is known only at the end
      const before = out;
      const flatBefore = flat;
      out = '';
      flat = 0;
      let count = 0;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        try {
          const property = item[key];
          const type = typeof property;
          if (type === 'function' || type === 'symbol') {
            continue;
          }
          string(key);
          value(property);
          count++;
          grew('an object', keys.length, 'properties');
        }
        catch (error) {
          throw rethrow(error, '.' + text(key));
        }
      }
      out = before + 'o' + count + ';' + out;
      // what was flat in either part stays counted so, and the pieces of both wait for the next flattening
      flat += flatBefore;
    }

    function map(item) {
      const size = apply(mapSize, item, []);
      room(size, 'a Map of ' + size + ' entries');
      // a string of its own, as in plain()
      const before = out;
      const flatBefore = flat;
      out = '';
      flat = 0;
      let count = 0;
      apply(mapForEach, item, [(entry, key) => {
        try {
          value(key);
          value(entry);
          grew('a Map', size, 'entries');
        }
        catch (error) {
          throw rethrow(error, '.get(' + describeKey(key) + ')');
        }
        count++;
      }]);
      out = before + 'm' + count + ';' + out;
      flat += flatBefore;
    }

    function set(item) {
      const size = apply(setSize, item, []);
      room(size, 'a Set of ' + size + ' items');
      // a string of its own, as in plain()
      const before = out;
      const flatBefore = flat;
      out = '';
      flat = 0;
      let count = 0;
      apply(setForEach, item, [entry => {
        try {
          value(entry);
          grew('a Set', size, 'items');
        }
        catch (error) {
          throw rethrow(error, '[item ' + count + ']');
        }
        count++;
      }]);
      out = before + 'S' + count + ';' + out;
      flat += flatBefore;
    }

    function typed(item, tag) {
      const buffer = apply(typedArrayBuffer, item, []);
      const offset = apply(typedArrayOffset, item, []);
      const byteLength = apply(typedArrayByteLength, item, []);
      if (tag !== 'Uint8Array' && tag !== 'Int8Array' && tag !== 'Uint8ClampedArray') {
        // the elements' bytes, in the platform's order (little-endian wherever V8 runs jsrun)
        out += 'A' + tag.length + ':' + tag;
      }
      bytes(buffer, offset, byteLength);
    }

    function bytes(buffer, offset, length) {
      room(length, 'binary data of ' + length + ' bytes');
      out += 'x' + length + ':';
      const view = new Bytes(buffer, offset, length);
      for (let i = 0; i < length; i += 8192) {
        const chunk = apply(typedArraySubarray, view, [i, i + 8192 < length ? i + 8192 : length]);
        out += apply(fromCharCode, null, chunk);
      }
    }

    function error(item) {
      const name = item.name;
      const message = item.message;
      const stack = item.stack;
      out += 'e';
      string(typeof name === 'string' ? name : 'Error');
      string(typeof message === 'string' ? message : '');
      string(typeof stack === 'string' ? stack : '');
    }

    return {
      run(item) {
        value(item);
        if (out.length > limit) {
          fail('it is larger than the result size limit of ' + limit + ' characters');
        }
        return out;
      }
    };
  }

  function describeKey(key) {
    return typeof key === 'string' ? stringify(key) : typeof key === 'number' ? '' + key : typeof key;
  }

  /** 'v' and the encoded value, or 'C' and why it cannot cross. */
  function encode(item, limit) {
    const wasReading = hostReading;
    hostReading = true;
    try {
      return 'v' + encoder(limit).run(item);
    }
    catch (error) {
      if (error !== FAILED) {
        rethrow(error, '');
      }
      const path = failurePath.length <= 240 ? failurePath : apply(stringSlice, failurePath, [0, 160]) + '...'
        + apply(stringSlice, failurePath, [failurePath.length - 60]);
      return 'C' + (path === '' ? '' : 'at $' + path + ': ') + failure;
    }
    finally {
      hostReading = wasReading;
    }
  }

  /** A result as it goes back to Java: primitives as themselves, strings with an 's', the rest encoded. */
  function result(item, limit) {
    switch (typeof item) {
      case 'number':
      case 'boolean':
      case 'undefined':
        return item;
      case 'string':
        return item.length > limit ? 'Cthe string of ' + item.length
          + ' characters is larger than the result size limit of ' + limit + ' characters' : 's' + item;
      default:
        return item === null ? null : encode(item, limit);
    }
  }

  /** 'E' and the fields of a thrown value: name, message, stack, resource, line, column, kind. */
  function thrown(value) {
    const wasReading = hostReading;
    hostReading = true;
    lastTrace = null;
    try {
      let name = 'Error';
      let message;
      let stack = '';
      let kind = '-';
      if (isErrorValue(value)) {
        // each field on its own: a hostile getter costs that field only
        const givenName = read(value, 'name');
        const givenMessage = read(value, 'message');
        name = typeof givenName === 'string' ? givenName : 'Error';
        message = typeof givenMessage === 'string' ? givenMessage : '';
        const givenStack = read(value, 'stack');
        stack = typeof givenStack === 'string' ? givenStack : '';
        if (lastTrace !== null && lastTrace.fromHostEval && getPrototypeOf(value) === SyntaxErrorOf.prototype) {
          // the code itself did not parse: only a compiler can say where
          kind = 'S';
        }
      }
      else {
        message = describe(value);
      }
      const trace = lastTrace;
      return 'E' + field(name) + field(message) + field(stack) + field(trace === null || trace.file === null ? ''
        : trace.file) + (trace === null ? 0 : trace.line) + ';' + (trace === null ? 0 : trace.column) + ';' + kind;
    }
    catch (ignored) {
      return 'E' + field('Error') + field('a thrown value that cannot be read') + field('') + field('') + '0;0;-';
    }
    finally {
      hostReading = wasReading;
      lastTrace = null;
    }
  }

  function read(object, key) {
    try {
      return object[key];
    }
    catch (ignored) {
      return undefined;
    }
  }

  function field(value) {
    const bounded = text(value);
    return bounded.length + ':' + bounded;
  }

  // ---- evaluation ----

  function run(code) {
    const limit = LIMIT;
    let item;
    try {
      item = indirectEval(code);
    }
    catch (error) {
      return failed(error);
    }
    return answer(item, limit);
  }

  /** What Java reads for an evaluation or call that threw {@code error}. */
  function failed(error) {
    return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
  }

  /** What Java reads for an evaluation or call that gave {@code item}. */
  function answer(item, limit) {
    refused(undefined);
    return overCharged() ? 'K' + always(item, limit) : result(item, limit);
  }

  /** Whether {@code item} is a thenable; reading its then may throw. */
  function isThenable(item) {
    return item !== null && (typeof item === 'object' || typeof item === 'function') && typeof item.then === 'function';
  }

  /** Settles {@code id} once the thenable {@code item} does, and answers 'p'. */
  function later(item, id, limit) {
    try {
      const promise = apply(promiseResolve, PromiseOf, [item]);
      apply(promiseThen, promise, [
        value => { settle(id, (overCharged() ? 'K' : '') + always(value, limit)); },
        error => { settle(id, failed(error)); }
      ]);
    }
    catch (error) {
      return failed(error);
    }
    return 'p';
  }

  let settledCount = 0;
  let settledText = '';

  function settle(id, encoded) {
    settledText += id + ';' + encoded.length + ':' + encoded;
    settledCount++;
  }

  function runAsync(code, id) {
    const limit = LIMIT;
    let item;
    let thenable;
    try {
      item = indirectEval(code);
      thenable = isThenable(item);
    }
    catch (error) {
      return failed(error);
    }
    return thenable ? later(item, id, limit) : answer(item, limit);
  }

  function always(item, limit) {
    const value = result(item, limit);
    switch (typeof value) {
      case 'number':
      case 'boolean':
      case 'undefined':
        return encode(value, limit);
      default:
        return value === null ? 'vn' : value;
    }
  }

  /** The promises of runAsync settled since the last call: count, then id and text of each. */
  function takeSettled() {
    const taken = settledCount + ';' + settledText;
    settledCount = 0;
    settledText = '';
    return taken;
  }

  // ---- console and import(): queued here, taken by Java after each call ----

  let pending = 0;
  let logCount = 0;
  let logText = '';
  let dropped = 0;
  let importCount = 0;
  let importText = '';
  const requests = new MapOf();
  const known = new SetOf();
  let nextRequest = 0;
  // an async function's promise is V8's own, whatever the snapshot did to the global Promise
  const signal = async () => { throw 0; };

  // the event loop says it has work (web/timers.js): Java runs its steps after the call
  // 1: timers or messages wait; 2: an error nobody caught waits to be thrown
  let webWoke = 0;

  /** What the event loop calls when it has work; listened to from ready(), never while a snapshot is built. */
  function woke(uncaught) {
    webWoke |= uncaught ? 3 : 1;
    queued();
  }

  function queued() {
    if (pending++ === 0) {
      signal();
    }
  }

  function show(value) {
    if (typeof value === 'string') {
      return value;
    }
    if (typeof value === 'bigint') {
      return apply(bigintToString, value, []) + 'n';
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return typeof value === 'number' && objectIs(value, -0) ? '-0' : StringOf(value);
    }
    try {
      if (isErrorValue(value)) {
        const stack = value.stack;
        return typeof stack === 'string' ? stack : StringOf(value);
      }
      const json = stringify(value);
      return typeof json === 'string' ? json : StringOf(value);
    }
    catch (ignored) {
      try {
        return StringOf(value);
      }
      catch (alsoIgnored) {
        return '[a value that cannot be printed]';
      }
    }
  }

  /** One argument as Node's util.format shows it for {@code %s}, {@code %d}, {@code %i}, {@code %f} or {@code %j}. */
  function substitute(kind, value) {
    switch (kind) {
      case 's':
        return show(value);
      case 'd':
      case 'i':
      case 'f': {
        if (typeof value === 'bigint') {
          return kind === 'f' ? StringOf(NumberOf(value)) : apply(bigintToString, value, []) + 'n';
        }
        if (typeof value === 'symbol') {
          return 'NaN';
        }
        const number = kind === 'd' ? NumberOf(value) : kind === 'i' ? parseIntOf(value) : parseFloatOf(value);
        return objectIs(number, -0) ? '-0' : StringOf(number);
      }
      case 'j':
        try {
          const json = stringify(value);
          return json === undefined ? 'undefined' : json;
        }
        catch (error) {
          return '[Circular]';
        }
      default:
        return show(value);
    }
  }

  /** The arguments of a console call as one line, the first one's %s, %d, %i, %f, %j, %o, %O, %c and %% applied. */
  function format(args) {
    let line = '';
    let next = 0;
    const first = args[0];
    // as in Node, a lone string is printed as it is, %% included
    if (typeof first === 'string' && args.length > 1) {
      next = 1;
      let from = 0;
      for (;;) {
        const percent = apply(stringIndexOf, first, ['%', from]);
        if (percent < 0 || percent === first.length - 1) {
          line += apply(stringSlice, first, [from]);
          break;
        }
        line += apply(stringSlice, first, [from, percent]);
        const kind = apply(stringSlice, first, [percent + 1, percent + 2]);
        from = percent + 2;
        if (kind === '%') {
          line += '%';
        }
        else if (apply(stringIndexOf, 'sdifjoOc', [kind]) < 0 || next >= args.length) {
          line += '%' + kind;
        }
        else if (kind === 'c') {
          next++;
        }
        else {
          line += substitute(kind, args[next++]);
        }
      }
    }
    for (let i = next; i < args.length; i++) {
      line += (i === 0 ? '' : ' ') + show(args[i]);
    }
    return line;
  }

  // console.group's indentation, and console.count's and console.time's labels (Node's, per context)
  const MAX_GROUPS = 64;
  let indent = '';
  const counts = new MapOf();
  const timers = new MapOf();

  function emit(level, line) {
    if (indent !== '') {
      let indented = indent;
      let from = 0;
      for (;;) {
        const end = apply(stringIndexOf, line, ['\n', from]);
        if (end < 0) {
          line = indented + apply(stringSlice, line, [from]);
          break;
        }
        indented += apply(stringSlice, line, [from, end + 1]) + indent;
        from = end + 1;
      }
    }
    if (logCount < MAX_LOG_ENTRIES && logText.length + line.length <= MAX_LOG_CHARS) {
      logText += level + line.length + ':' + line;
      logCount++;
    }
    else {
      dropped++;
    }
    queued();
  }

  function print(level) {
    return function (...args) {
      emit(level, format(args));
    };
  }

  function labelOf(label) {
    return label === undefined ? 'default' : '' + label;
  }

  function elapsed(started) {
    const ms = dateNow() - started;
    return ms < 1000 ? apply(numberToFixed, ms, [3]) + 'ms' : apply(numberToFixed, ms / 1000, [3]) + 's';
  }

  function startedAt(label, method) {
    const started = apply(mapGet, timers, [label]);
    if (started === undefined) {
      emit('W', "Warning: No such label '" + label + "' for console." + method + '()');
    }
    return started;
  }

  function group(...label) {
    if (label.length > 0) {
      emit('I', format(label));
    }
    if (indent.length < 2 * MAX_GROUPS) {
      indent += '  ';
    }
  }

  const printer = {
    log: print('I'), info: print('I'), warn: print('W'), error: print('E'), debug: print('D'), trace: print('T'),
    dir: value => emit('I', show(value)),
    dirxml: print('I'),
    table: print('I'),
    assert(condition, ...data) {
      if (!condition) {
        emit('W', data.length === 0 ? 'Assertion failed' : 'Assertion failed: ' + format(data));
      }
    },
    count(label) {
      const name = labelOf(label);
      const count = (apply(mapGet, counts, [name]) || 0) + 1;
      apply(mapSet, counts, [name, count]);
      emit('I', name + ': ' + count);
    },
    countReset(label) {
      const name = labelOf(label);
      if (!apply(mapDelete, counts, [name])) {
        emit('W', "Count for '" + name + "' does not exist");
      }
    },
    time(label) {
      const name = labelOf(label);
      if (apply(mapGet, timers, [name]) !== undefined) {
        emit('W', "Warning: Label '" + name + "' already exists for console.time()");
        return;
      }
      apply(mapSet, timers, [name, dateNow()]);
    },
    timeLog(label, ...data) {
      const name = labelOf(label);
      const started = startedAt(name, 'timeLog');
      if (started !== undefined) {
        emit('I', name + ': ' + elapsed(started) + (data.length === 0 ? '' : ' ' + format(data)));
      }
    },
    timeEnd(label) {
      const name = labelOf(label);
      const started = startedAt(name, 'timeEnd');
      if (started !== undefined) {
        apply(mapDelete, timers, [name]);
        emit('I', name + ': ' + elapsed(started));
      }
    },
    // there is no terminal to clear
    clear() {},
    group,
    groupCollapsed: group,
    groupEnd() {
      indent = apply(stringSlice, indent, [2]);
    }
  };

  function importModule(specifier) {
    const name = '' + specifier;
    if (!apply(setHas, known, [name])) {
      return apply(promiseReject, PromiseOf, [new ErrorOf("Cannot find module '" + name
        + "': add it with JsRuntime.addStaticModule(name, source) before importing it")]);
    }
    return new PromiseOf((resolve, reject) => {
      const id = ++nextRequest;
      apply(mapSet, requests, [id, { resolve, reject }]);
      importText += id + ';' + name.length + ':' + name;
      importCount++;
      queued();
    });
  }

  /** What JavaScript queued: log count, dropped count, each log; import count, each request. */
  function take() {
    const taken = logCount + ';' + dropped + ';' + logText + importCount + ';' + importText + webWoke + ';';
    webWoke = 0;
    pending = 0;
    logCount = 0;
    logText = '';
    dropped = 0;
    importCount = 0;
    importText = '';
    return taken;
  }

  function request(id) {
    const found = apply(mapGet, requests, [id]);
    apply(mapDelete, requests, [id]);
    return found;
  }

  function settleImport(id, namespace, evaluation) {
    const found = request(id);
    if (found !== undefined) {
      apply(promiseThen, apply(promiseResolve, PromiseOf, [evaluation]),
        [() => found.resolve(namespace), found.reject]);
    }
  }

  function failImport(id, type, message) {
    const found = request(id);
    if (found !== undefined) {
      found.reject(type === 'SyntaxError' ? new SyntaxErrorOf(message) : new ErrorOf(message));
    }
  }

  function register(name) {
    apply(setAdd, known, [name]);
  }

  // ---- what the snapshot's module bundle left for jsrun, taken by ready() ----

  let readModules = null;
  let attachLoader = null;

  function takeModules() {
    const modules = getDescriptor(global, '__jsrun_modules');
    const bundle = dataValue(modules);
    if (bundle !== null && typeof bundle === 'object') {
      const stats = dataValue(getDescriptor(bundle, 'stats'));
      const loader = dataValue(getDescriptor(bundle, 'attachLoader'));
      readModules = typeof stats === 'function' ? stats : null;
      attachLoader = typeof loader === 'function' ? loader : null;
      if (modules.configurable) {
        deleteProperty(global, '__jsrun_modules');
      }
    }
  }

  /** A data property's value from its descriptor, never through a getter on Object.prototype. */
  function dataValue(descriptor) {
    return descriptor !== undefined && getDescriptor(descriptor, 'value') !== undefined ? descriptor.value : undefined;
  }

  /** The module statistics as 'exportHits,definitionHits,misses,exports,definitions', or '' without modules. */
  function moduleStats() {
    if (readModules === null) {
      return '';
    }
    const s = readModules();
    return '' + s.exportHits + ',' + s.definitionHits + ',' + s.misses + ',' + s.exports + ',' + s.definitions;
  }

  // ---- Java functions: reached through a wrapper that hands them their arguments encoded ----

  function adopt(name, holder, loader) {
    const limit = LIMIT;
    const raw = holder[name];
    deleteProperty(holder, name);
    const wrapped = {
      [name](...args) {
        const encoded = encode(args, limit);
        if (encoded[0] !== 'v') {
          throw new TypeErrorOf(name + '(): its arguments cannot reach Java: ' + apply(stringSlice, encoded, [1]));
        }
        return raw(encoded);
      }
    }[name];
    if (loader && attachLoader !== null) {
      attachLoader(wrapped);
      return;
    }
    defineProperty(global, name, { __proto__: null, value: wrapped, writable: true, configurable: true, enumerable: true });
  }

  function setHostReading(reading) {
    hostReading = reading;
  }


  // ---- calls: a function reached by its path from globalThis, with arguments that Java encoded ----

  const { Int32s, Float64s, typedArraySet, ownKeys, ObjectPrototype, ArrayPrototype, BigIntOf, DateOf } = intrinsics;

  // What ArgumentChannel.java writes, in the same order; the two files change together.
  // INT, STRING, ARRAY and OBJECT carry their number in the bits above the operation's four.
  const NULL = 0, TRUE = 1, FALSE = 2, INT = 3, DOUBLE = 4, STRING = 5, TEXT = 6, BIG_INT = 7, DATE = 8, BYTES = 9,
    ARRAY = 10, OBJECT = 11, KEYED = 12, WIDE_INT = 13, WIDE_ARRAY = 14;
  const HEADER = 8;

  // The strings and object shapes earlier calls sent, by the numbers Java gave them; Java says how many of each
  // it counts on at every call, and entries past that (a call that failed) are dropped. Entries are defined, as
  // a store would run a setter on Array.prototype.
  const strings = [];
  const shapes = [];

  // Java writes a call's numbers into this buffer, which it shares with the context (given to ready()); one
  // that does not fit comes with the call in a buffer of its own.
  let shared = null;

  function views(buffer) {
    return { __proto__: null, buffer, ints: new Int32s(buffer), floats: new Float64s(buffer) };
  }

  // the call being read
  let argInts = null;
  let argFloats = null;
  let argBuffer = null;
  let argText = '';
  let argAt = 0;
  // the path of the function the call names
  let readPath = '';
  let floatAt = 0;
  let byteBase = 0;
  // whether the arrays of this call may be filled by stores: 1 yes, -1 no, 0 not asked yet
  let plainArrays = 0;

  /**
   * The arguments of a call, read from what Java wrote: the header, the strings and shapes new in this call,
   * then the values. Every object and array is made by syntax or defined, so no setter or proxy on a prototype
   * runs and a key '__proto__' stays a key.
   */
  function readArguments(kept, fresh, own) {
    const area = own == null ? shared : views(own);
    const keptText = kept == null ? '' : kept;
    argInts = area.ints;
    argFloats = area.floats;
    argBuffer = area.buffer;
    argText = fresh == null ? '' : fresh;
    plainArrays = 0;
    const count = argInts[0];
    floatAt = argInts[1];
    byteBase = argInts[2];
    const knownStrings = argInts[3];
    const knownShapes = argInts[4];
    if (strings.length < knownStrings || shapes.length < knownShapes) {
      throw new TypeErrorOf('jsrun could not read the arguments (a bug in jsrun; please report it)');
    }
    if (strings.length > knownStrings) {
      strings.length = knownStrings;
    }
    if (shapes.length > knownShapes) {
      shapes.length = knownShapes;
    }
    argAt = HEADER;
    for (let i = argInts[5]; i > 0; i--) {
      const start = argInts[argAt + 1];
      define(strings, argInts[argAt], apply(stringSlice, keptText, [start, start + argInts[argAt + 2]]));
      argAt += 3;
    }
    for (let i = argInts[6]; i > 0; i--) {
      const parent = argInts[argAt + 1];
      const start = argInts[argAt + 2];
      define(shapes, argInts[argAt], { __proto__: null, parent: parent < 0 ? null : shapes[parent],
        key: apply(stringSlice, keptText, [start, start + argInts[argAt + 3]]), keys: null, boilerplate: null });
      argAt += 4;
    }
    readPath = strings[argInts[7]];
    const args = readArray(count);
    argInts = null;
    argFloats = null;
    argBuffer = null;
    argText = '';
    return args;
  }

  function readValue() {
    const word = argInts[argAt++];
    switch (word & 15) {
      case NULL: return null;
      case TRUE: return true;
      case FALSE: return false;
      case INT: return word >> 4;
      case DOUBLE: return argFloats[floatAt++];
      case STRING: return strings[word >> 4];
      case TEXT: return readSlice();
      case BIG_INT: return BigIntOf(readSlice());
      case DATE: return new DateOf(argFloats[floatAt++]);
      case BYTES: {
        const offset = argInts[argAt];
        const length = argInts[argAt + 1];
        argAt += 2;
        const bytes = new Bytes(length);
        apply(typedArraySet, bytes, [new Bytes(argBuffer, byteBase + offset, length)]);
        return bytes;
      }
      case ARRAY: return readArray(word >> 4);
      case OBJECT: return readObject(shapes[word >> 4]);
      case KEYED: {
        const object = {};
        for (let i = argInts[argAt++]; i > 0; i--) {
          // each key is TEXT: its operation, offset and length
          argAt++;
          const key = readSlice();
          define(object, key, readValue());
        }
        return object;
      }
      case WIDE_INT: return argInts[argAt++];
      case WIDE_ARRAY: return readArray(argInts[argAt++]);
      default:
        throw new TypeErrorOf('jsrun could not read the arguments (a bug in jsrun; please report it)');
    }
  }

  function readSlice() {
    const start = argInts[argAt];
    const end = start + argInts[argAt + 1];
    argAt += 2;
    return apply(stringSlice, argText, [start, end]);
  }

  /**
   * An array of the next {@code length} values, made so that no setter on a prototype sees them (a store into a
   * new array would run an indexed setter on Array.prototype): short ones by literal, which defines its
   * elements, longer ones by stores where no prototype of an array can hold an element, else by definition.
   */
  function readArray(length) {
    switch (length) {
      case 0: return [];
      case 1: return [readValue()];
      case 2: return [readValue(), readValue()];
      case 3: return [readValue(), readValue(), readValue()];
      case 4: return [readValue(), readValue(), readValue(), readValue()];
      case 5: return [readValue(), readValue(), readValue(), readValue(), readValue()];
      case 6: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue()];
      case 7: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue()];
      case 8: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue(), readValue()];
      case 9: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue(), readValue(), readValue()];
      case 10: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue(), readValue(), readValue(), readValue()];
      case 11: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue(), readValue(), readValue(), readValue(), readValue()];
      case 12: return [readValue(), readValue(), readValue(), readValue(), readValue(), readValue(),
        readValue(), readValue(), readValue(), readValue(), readValue(), readValue()];
      default:
        break;
    }
    if (plainArrays === 0) {
      plainArrays = noPrototypeElements() ? 1 : -1;
    }
    const items = [];
    if (plainArrays > 0) {
      for (let i = 0; i < length; i++) {
        items[i] = readValue();
      }
    }
    else {
      for (let i = 0; i < length; i++) {
        define(items, i, readValue());
      }
    }
    return items;
  }

  /**
   * Whether a store at an index of a new array can only add an element. Array.prototype is an array, so an
   * element on it would have raised its length; Object.prototype's own keys list indices first.
   */
  function noPrototypeElements() {
    if (getPrototypeOf(ArrayPrototype) !== ObjectPrototype || ArrayPrototype.length !== 0) {
      return false;
    }
    const keys = ownKeys(ObjectPrototype);
    if (keys.length === 0 || typeof keys[0] !== 'string') {
      return true;
    }
    const number = +keys[0];
    return !(number >>> 0 === number && StringOf(number) === keys[0]);
  }

  /**
   * An object of a known shape: a copy of its boilerplate (spread defines the properties), whose own
   * properties are then assigned in order.
   */
  function readObject(shape) {
    if (shape.boilerplate === null) {
      prepare(shape);
    }
    const object = { ...shape.boilerplate };
    const keys = shape.keys;
    for (let i = 0; i < keys.length; i++) {
      object[keys[i]] = readValue();
    }
    return object;
  }

  function prepare(shape) {
    const keys = [];
    for (let step = shape; step !== null; step = step.parent) {
      define(keys, keys.length, step.key);
    }
    const ordered = [];
    const boilerplate = {};
    for (let i = keys.length - 1; i >= 0; i--) {
      define(ordered, ordered.length, keys[i]);
      define(boilerplate, keys[i], undefined);
    }
    shape.keys = ordered;
    shape.boilerplate = boilerplate;
  }

  function define(target, key, item) {
    defineProperty(target, key, { __proto__: null, value: item, writable: true, enumerable: true,
      configurable: true });
  }

  /** The receiver of the function that {@link resolve} found last: the path's owner, none for a global name. */
  let resolvedThis;

  /**
   * The function at a path of property names from globalThis ('render', 'marked.parse'), read as the
   * expression 'marked.parse' would read it; a TypeError naming the part of the path that is missing.
   */
  function resolve(path) {
    let owner;
    let target = global;
    let reached = 'globalThis';
    let at = 0;
    for (;;) {
      if (target === null || target === undefined) {
        throw new TypeErrorOf('cannot call ' + path + ': ' + reached + ' is ' + target);
      }
      const stop = apply(stringIndexOf, path, ['.', at]);
      const name = apply(stringSlice, path, [at, stop < 0 ? path.length : stop]);
      owner = target;
      target = target[name];
      reached = at === 0 ? name : reached + '.' + name;
      if (stop < 0) {
        break;
      }
      at = stop + 1;
    }
    if (typeof target !== 'function') {
      throw new TypeErrorOf(path + ' is not a function (it is ' + (target === null ? 'null' : typeof target) + ')');
    }
    resolvedThis = at === 0 ? undefined : owner;
    return target;
  }

  function invoke(kept, fresh, own) {
    const args = readArguments(kept, fresh, own);
    const target = resolve(readPath);
    const self = resolvedThis;
    resolvedThis = undefined;
    return apply(target, self, args);
  }

  /** As run, for the function and arguments Java wrote (ArgumentChannel.java). */
  function call(kept, fresh, own) {
    const limit = LIMIT;
    let item;
    try {
      item = invoke(kept, fresh, own);
    }
    catch (error) {
      return failed(error);
    }
    return answer(item, limit);
  }

  /** As runAsync, for the function and arguments Java wrote. */
  function callAsync(id, kept, fresh, own) {
    const limit = LIMIT;
    let item;
    let thenable;
    try {
      item = invoke(kept, fresh, own);
      thenable = isThenable(item);
    }
    catch (error) {
      return failed(error);
    }
    return thenable ? later(item, id, limit) : answer(item, limit);
  }

  // ---- the event loop: one task per call from Java, so that V8 drains its microtasks before the next ----

  /** Runs the next ready task: -2 when one ran, else the ms until a timer is due, -1 for none; errors as text. */
  function step() {
    if (web === null) {
      return -1;
    }
    try {
      return web.step();
    }
    catch (error) {
      return failed(error);
    }
  }

  /** Drops the context's timers and messages; what is set or queued, as 'timers;messages', before that. */
  function cancelTasks() {
    if (web === null) {
      return '0;0';
    }
    const pending = web.pending();
    web.cancel();
    return pending.timers + ';' + pending.messages;
  }

  /** What is set or queued, as 'timers;messages'. */
  function pendingTasks() {
    if (web === null) {
      return '0;0';
    }
    const pending = web.pending();
    return pending.timers + ';' + pending.messages;
  }

  // ---- what Java calls ----

  /**
   * The one function Java holds: the operation numbered as in HostBridge.java, with its arguments. One
   * function rather than one per operation, as each function Java holds costs a handle in every context.
   */
  function host(op, a, b, c, d) {
    switch (op) {
      case 0: return step();
      case 1: return cancelTasks();
      case 2: return pendingTasks();
      case 3: return run(a);
      case 4: return runAsync(a, b);
      case 5: return takeSettled();
      case 6: return take();
      case 7: return settleImport(a, b, c);
      case 8: return failImport(a, b, c);
      case 9: return register(a);
      case 10: return moduleStats();
      case 11: return adopt(a, b, c);
      case 12: return setHostReading(a);
      case 13: return call(a, b, c);
      case 14: return callAsync(a, b, c, d);
      default: throw new TypeErrorOf('jsrun has no host operation ' + op + ' (a bug in jsrun; please report it)');
    }
  }

  /**
   * Readies a fresh context, first thing, and answers host: takes jsrun's hidden globals away, sets the
   * runtime's limits, puts jsrun's stack formatter in front of Error.prepareStackTrace, guards what V8
   * completes again in each context, gives the event loop this context's random key ({@code seed}, one
   * character per byte) and clock and listens to it, publishes console and the import function, takes what
   * the module bundle left, and runs a first evaluation, as V8 readies a context's script state lazily and
   * the borrower's first call should not pay for it.
   */
  function ready(maxLogEntries, maxLogChars, maxErrorText, maxResultSize, maxExternalMemory, importFunction,
    traceModules, seed, timeOrigin, argumentBuffer) {
    deleteProperty(global, '__jsrun_host');
    deleteProperty(global, '__jsrun_intrinsics');
    deleteProperty(global, '__jsrun_guards');
    deleteProperty(global, '__jsrun_web');
    MAX_LOG_ENTRIES = maxLogEntries;
    MAX_LOG_CHARS = maxLogChars;
    MAX_TEXT = maxErrorText;
    LIMIT = maxResultSize;
    EXTERNAL_LIMIT = maxExternalMemory;
    if (callSite === null) {
      callSite = captureCallSite();
    }
    guardPrepareStackTrace();
    if (guards !== null) {
      guards.installInContext();
      guards.setLimit(maxExternalMemory);
    }
    if (web !== null) {
      const key = new Bytes(seed.length);
      for (let i = 0; i < key.length; i++) {
        key[i] = apply(stringCharCodeAt, seed, [i]);
      }
      web.context(key, timeOrigin);
      web.onWake(woke);
    }
    defineProperty(global, importFunction, { __proto__: null, value: importModule });
    defineProperty(global, 'console', { __proto__: null, value: printer, writable: true, configurable: true,
      enumerable: false });
    if (traceModules) {
      defineProperty(global, '__jsrun_trace', { __proto__: null, value: print('M') });
    }
    takeModules();
    if (argumentBuffer !== undefined) {
      shared = views(argumentBuffer);
    }
    run('void 0');
    return host;
  }

  defineProperty(global, '__jsrun_host', { __proto__: null, configurable: true, enumerable: false, writable: false,
    value: ready });
})();
