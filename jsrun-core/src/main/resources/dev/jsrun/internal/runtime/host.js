// The host's JavaScript half, installed in every fresh context before any user code runs. It evaluates
// user code, turns results and errors into one string that Java parses, and queues console output and
// import() requests for Java. The built-ins it uses were taken before any script of the application ran
// (intrinsics.js), so a script that replaces built-ins or jsrun's globals changes nothing jsrun relies on. Only the returned functions, held by
// Java, reach this closure.
(function (options) {
  'use strict';

  const HOST = 'jsrun:host';
  const BUILTINS = 'jsrun:builtins';
  const MAX_DEPTH = 1000;
  const MAX_LOG_ENTRIES = options.maxLogEntries;
  const MAX_LOG_CHARS = options.maxLogChars;
  const MAX_TEXT = options.maxErrorText;
  const LIMIT = options.maxResultSize;
  const FLATTEN_STEP = 1 << 20;

  // taken before any script of the application ran (intrinsics.js); only syntax is used to reach them
  const intrinsics = __jsrun_intrinsics;
  delete globalThis.__jsrun_intrinsics;
  const global = globalThis;
  const { getterOf, captureCallSite, toStringTag, apply, getDescriptor, defineProperty, deleteProperty, getPrototypeOf,
    objectKeys, isArray, isSafeInteger, indirectEval, fromCharCode, stringify, StringOf, objectToString,
    stringSlice, stringIndexOf, stringCharCodeAt, stringValueOf, numberValueOf, booleanValueOf, bigintValueOf,
    bigintToString, dateGetTime, SetOf, setAdd, setHas, setDelete, setForEach, setSize, MapOf, mapGet, mapSet, mapDelete,
    mapForEach, mapSize, TypedArrayPrototype, typedArrayTag, typedArrayBuffer, typedArrayOffset,
    typedArrayByteLength, typedArraySubarray, Bytes, arrayBufferLength, sharedBufferLength, dataViewBuffer,
    dataViewOffset, dataViewLength, PromiseOf, promiseThen, promiseResolve, promiseReject, ErrorOf, ErrorPrototype,
    TypeErrorOf, SyntaxErrorOf, errorBrand } = intrinsics;
  const callSite = intrinsics.callSite !== null ? intrinsics.callSite : captureCallSite();
  // the checks in front of allocating built-ins (allocation-guards.js), told this runtime's limit
  const guards = typeof __jsrun_guards !== 'undefined' ? __jsrun_guards : null;
  delete globalThis.__jsrun_guards;
  if (guards !== null) {
    guards.installInContext();
    guards.setLimit(options.maxExternalMemory);
  }

  const EXTERNAL_LIMIT = options.maxExternalMemory;

  // the web platform's event loop (web/timers.js), readied for this context with fresh random bytes and clock
  const web = typeof __jsrun_web !== 'undefined' ? __jsrun_web : null;
  delete globalThis.__jsrun_web;
  if (web !== null) {
    const seed = new Bytes(options.seed.length);
    for (let i = 0; i < seed.length; i++) {
      seed[i] = apply(stringCharCodeAt, options.seed, [i]);
    }
    web.context(seed, options.timeOrigin);
  }

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

  {
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

    // a result of millions of small pieces is flattened every so often, so that no single step copies all of it
    let flattenAt = FLATTEN_STEP;

    /** After each item of a collection of {@code size} {@code unit}s: the size limit, and a flat string now and then. */
    function grew(kind, size, unit) {
      const length = out.length;
      if (length > limit) {
        fail(kind + ' of ' + size + ' ' + unit + ' is larger than the result size limit of ' + limit
          + ' characters allows');
      }
      if (length >= flattenAt) {
        apply(stringCharCodeAt, out, [0]);
        flattenAt = length + FLATTEN_STEP;
      }
      else if (length + FLATTEN_STEP < flattenAt) {
        // a nested collection started over with an empty string
        flattenAt = length + FLATTEN_STEP;
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
      const before = out;
      out = '';
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
    }

    function map(item) {
      const size = apply(mapSize, item, []);
      room(size, 'a Map of ' + size + ' entries');
      const before = out;
      out = '';
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
    }

    function set(item) {
      const size = apply(setSize, item, []);
      room(size, 'a Set of ' + size + ' items');
      const before = out;
      out = '';
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
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    refused(undefined);
    return overCharged() ? 'K' + always(item, limit) : result(item, limit);
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
      thenable = item !== null && (typeof item === 'object' || typeof item === 'function')
        && typeof item.then === 'function';
    }
    catch (error) {
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    if (!thenable) {
      refused(undefined);
      return overCharged() ? 'K' + always(item, limit) : result(item, limit);
    }
    try {
      const promise = apply(promiseResolve, PromiseOf, [item]);
      apply(promiseThen, promise, [
        value => { settle(id, (overCharged() ? 'K' : '') + always(value, limit)); },
        error => { settle(id, refused(error) || (overCharged() ? 'K' : '') + thrown(error)); }
      ]);
    }
    catch (error) {
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    return 'p';
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
  if (web !== null) {
    web.onWake(uncaught => {
      webWoke |= uncaught ? 3 : 1;
      queued();
    });
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

  function print(level) {
    return function (...args) {
      let line = '';
      for (let i = 0; i < args.length; i++) {
        line += (i === 0 ? '' : ' ') + show(args[i]);
      }
      if (logCount < MAX_LOG_ENTRIES && logText.length + line.length <= MAX_LOG_CHARS) {
        logText += level + line.length + ':' + line;
        logCount++;
      }
      else {
        dropped++;
      }
      queued();
    };
  }

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

  defineProperty(global, options.importFunction, { __proto__: null, value: importModule });
  const printer = {
    log: print('I'), info: print('I'), warn: print('W'), error: print('E'), debug: print('D'), trace: print('T')
  };
  defineProperty(global, 'console', { __proto__: null, value: printer, writable: true, configurable: true, enumerable: false });
  if (options.traceModules) {
    defineProperty(global, '__jsrun_trace', { __proto__: null, value: print('M') });
  }

  // ---- what the snapshot's module bundle left for jsrun ----

  let readModules = null;
  let attachLoader = null;
  {
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

  const { jsonParse, bytesFromBase64, BigIntOf, DateOf } = intrinsics;
  // V8 adds Uint8Array.fromBase64 to a context restored from a snapshot, after the snapshot build's record was
  // taken; this still runs before any code of the context's users
  const fromBase64 = typeof bytesFromBase64 === 'function' ? bytesFromBase64 : Bytes.fromBase64;
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  /** Bytes from base64, natively where V8 can, else one character at a time. */
  function decodeBase64(text) {
    if (typeof fromBase64 === 'function') {
      return apply(fromBase64, Bytes, [text]);
    }
    const padding = text.length > 0 && text[text.length - 1] === '=' ? (text[text.length - 2] === '=' ? 2 : 1) : 0;
    const bytes = new Bytes(text.length / 4 * 3 - padding);
    let at = 0;
    for (let i = 0; i < text.length; i += 4) {
      const n = (apply(stringIndexOf, BASE64, [text[i]]) << 18) | (apply(stringIndexOf, BASE64, [text[i + 1]]) << 12)
        | ((apply(stringIndexOf, BASE64, [text[i + 2]]) & 63) << 6) | (apply(stringIndexOf, BASE64, [text[i + 3]]) & 63);
      bytes[at++] = n >> 16 & 255;
      if (at < bytes.length) bytes[at++] = n >> 8 & 255;
      if (at < bytes.length) bytes[at++] = n & 255;
    }
    return bytes;
  }

  function define(target, key, item) {
    defineProperty(target, key, { __proto__: null, value: item, writable: true, enumerable: true,
      configurable: true });
  }

  /** A value that JSON has no form for, from its tag and payload in Java's ValueEncoder. */
  function special(tag, payload) {
    switch (tag) {
      case 'b': return BigIntOf(payload);
      case 'd': return +payload;
      case 'D': return new DateOf(payload);
      case 'x': return decodeBase64(payload);
      default:
        throw new TypeErrorOf('jsrun could not read the arguments (a bug in jsrun; please report it)');
    }
  }

  /**
   * The JavaScript values of a call's arguments, as Java's ValueEncoder wrote them: JSON, which JSON.parse
   * reads into properties it defines (no setter on a prototype runs; a key '__proto__' stays a key), then the
   * fixups, each a path of own properties of what JSON.parse made and the value that goes there.
   */
  function decodeArguments(json, fixups) {
    const args = jsonParse(json);
    if (!isArray(args)) {
      throw new TypeErrorOf('jsrun could not read the arguments (a bug in jsrun; please report it)');
    }
    if (fixups !== '') {
      const list = jsonParse(fixups);
      for (let i = 0; i < list.length; i++) {
        const path = list[i][0];
        let target = args;
        for (let j = 0; j < path.length - 1; j++) {
          target = target[path[j]];
        }
        define(target, path[path.length - 1], special(list[i][1], list[i][2]));
      }
    }
    return args;
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

  function invoke(path, json, fixups) {
    const target = resolve(path);
    const self = resolvedThis;
    resolvedThis = undefined;
    return apply(target, self, decodeArguments(json, fixups));
  }

  /** As run, for the function at {@code path} called with the encoded arguments. */
  function call(path, json, fixups) {
    const limit = LIMIT;
    let item;
    try {
      item = invoke(path, json, fixups);
    }
    catch (error) {
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    refused(undefined);
    return overCharged() ? 'K' + always(item, limit) : result(item, limit);
  }

  /** As runAsync, for the function at {@code path} called with the encoded arguments. */
  function callAsync(path, json, fixups, id) {
    const limit = LIMIT;
    let item;
    let thenable;
    try {
      item = invoke(path, json, fixups);
      thenable = item !== null && (typeof item === 'object' || typeof item === 'function')
        && typeof item.then === 'function';
    }
    catch (error) {
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    if (!thenable) {
      refused(undefined);
      return overCharged() ? 'K' + always(item, limit) : result(item, limit);
    }
    try {
      const promise = apply(promiseResolve, PromiseOf, [item]);
      apply(promiseThen, promise, [
        value => { settle(id, (overCharged() ? 'K' : '') + always(value, limit)); },
        error => { settle(id, refused(error) || (overCharged() ? 'K' : '') + thrown(error)); }
      ]);
    }
    catch (error) {
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
    }
    return 'p';
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
      return refused(error) || (overCharged() ? 'K' : '') + thrown(error);
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

  return {
    step, cancelTasks, pendingTasks,
    run, runAsync, takeSettled, take, settleImport, failImport, register, moduleStats, adopt, setHostReading,
    encode,
    call, callAsync
  };
})
