// The loader of a module bundle, applied to the bundle's table and its modules' definitions, which
// BundleWriter.java puts at the two markers below: the table is JSON (the resolver map, Node's built-ins, the
// modules left out with the reason, the modules to initialize, and in probe mode what to watch); each
// definition is a module's source intact in a CommonJS wrapper function. The loader defines require and
// __jsrun_modules as globals and nothing else; the host takes __jsrun_modules away before user code runs,
// keeping its functions for itself. In probe mode it initializes every module it is given, watches what each
// touches, and evaluates to what it saw, as JSON.
(function (table, definitions) {
  var own = Object.prototype.hasOwnProperty;
  // Taken before any module runs: the watch, the descriptions of errors and the final steps use these,
  // whatever a module replaces later, and so run none of its code.
  var global = globalThis, apply = Reflect.apply, construct = Reflect.construct;
  var reflectHas = Reflect.has, reflectGet = Reflect.get, defineProperty = Object.defineProperty;
  var freeze = Object.freeze, keysOf = Object.keys, setPrototypeOf = Object.setPrototypeOf;
  var getPrototypeOf = Object.getPrototypeOf, describeOwn = Object.getOwnPropertyDescriptor;
  var stringify = JSON.stringify, toText = String, isError = Error.isError, BuildError = Error;
  var errorPrototypes = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError,
    AggregateError].map(function (type) { return type.prototype; });
  var resolved = table.resolved, excluded = table.excluded;
  var builtins = Object.create(null);
  table.builtins.forEach(function (name) { builtins[name] = true; });
  var cache = Object.create(null);
  var stats = { exportHits: 0, definitionHits: 0, misses: 0 };
  var counts = { exports: 0, definitions: Object.keys(definitions).length };
  var probe = table.probe ? watch(table.probe.watched) : null;

  function dirname(path) {
    var slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
  }

  function isRelative(request) {
    return request === '.' || request === '..' || request.slice(0, 2) === './' || request.slice(0, 3) === '../';
  }

  function isBuiltin(request) {
    return request.slice(0, 5) === 'node:' || builtins[request] === true;
  }

  // Requests computed at run time (such as moment's locales) are not in the map: apply Node's
  // file rules to the modules that are defined.
  function guess(dir, request) {
    var parts = dir === '' ? [] : dir.split('/');
    var segments = request.split('/');
    for (var i = 0; i < segments.length; i++) {
      if (segments[i] === '..') {
        if (parts.length === 0) return undefined;
        parts.pop();
      } else if (segments[i] !== '.' && segments[i] !== '') {
        parts.push(segments[i]);
      }
    }
    var base = parts.join('/'), prefix = base === '' ? '' : base + '/';
    var candidates = [base, base + '.js', base + '.json', prefix + 'index.js', prefix + 'index.json'];
    for (var j = 0; j < candidates.length; j++) {
      if (own.call(definitions, candidates[j]) || own.call(excluded, candidates[j])) return candidates[j];
    }
    return undefined;
  }

  function locate(request, dir) {
    var key = dir + '***' + request;
    if (own.call(resolved, key)) return resolved[key];
    return isRelative(request) ? guess(dir, request) : undefined;
  }

  function failure(message, from) {
    var error = new Error(message);
    error.code = 'MODULE_NOT_FOUND';
    error.requireStack = [from];
    return error;
  }

  function trace(request, from, result) {
    var sink = globalThis.__jsrun_trace;
    if (typeof sink === 'function') sink("require('" + request + "') from " + from + ": " + result);
  }

  function load(request, dir, from) {
    if (typeof request !== 'string' || request === '') {
      throw new TypeError('require() needs a non-empty string, received ' + (request === '' ? "''" : typeof request));
    }
    // a package's "browser" field may map a built-in to a module, which the map then holds
    var path = locate(request, dir);
    if (path === undefined) path = filesLoaded[dir + '***' + request];
    if (path !== undefined) {
      if (probe) probe.requires(path);
      var record = cache[path];
      if (record !== undefined) {
        stats.exportHits++;
        trace(request, from, 'export ' + path);
        return record.exports;
      }
      if (own.call(definitions, path)) {
        stats.definitionHits++;
        trace(request, from, 'definition ' + path);
        return initialize(path);
      }
    }
    var loaded = loadFile(request, dir);
    if (loaded !== undefined) {
      stats.definitionHits++;
      trace(request, from, 'file ' + loaded);
      return initialize(loaded);
    }
    stats.misses++;
    if (path === undefined && isBuiltin(request)) {
      trace(request, from, 'miss (Node built-in)');
      throw failure("Cannot load Node built-in module '" + request + "' (required by " + from
        + "): Node built-ins are not available in jsrun", from);
    }
    trace(request, from, 'miss');
    if (path !== undefined && own.call(excluded, path)) {
      throw failure("Cannot load module '" + request + "' (" + path + ", required by " + from
        + "): it was left out of the snapshot: " + excluded[path], from);
    }
    throw failure("Cannot find module '" + request + "' (required by " + from
      + "): jsrun only has the modules found when its snapshot was built", from);
  }

  // Only when the application enabled loading at run time: a host function reads the file. jsrun
  // hands it over through attachLoader before user code runs, so no script can call it directly.
  var filesLoaded = Object.create(null);
  var reader = null;

  function loadFile(request, dir) {
    if (reader === null) return undefined;
    var file = reader(dir, request);
    if (!file) return undefined;
    filesLoaded[dir + '***' + request] = file.path;
    if (!own.call(definitions, file.path)) {
      definitions[file.path] = file.json
        ? function (exports, module) { module.exports = JSON.parse(file.source); return module.exports; }
        : (0, eval)('(function (exports, module, require, __filename, __dirname) {' + file.source + '\n;return module.exports;})');
    }
    return file.path;
  }

  function initialize(path) {
    var dir = dirname(path);
    var module = { id: path, filename: path, path: dir, exports: {}, loaded: false, require: undefined };
    var require = requireFrom(dir, path);
    module.require = require;
    cache[path] = module;
    if (probe) probe.enter(path);
    try {
      definitions[path].call(module.exports, module.exports, module, require, path, dir);
    } catch (error) {
      delete cache[path];
      if (probe) probe.failed(path, error);
      throw error;
    } finally {
      if (probe) probe.exit();
    }
    module.loaded = true;
    return module.exports;
  }

  function requireFrom(dir, from) {
    var by = from === null ? 'the global require()' : from;
    function require(request) {
      return load(request, dir, by);
    }
    require.resolve = function resolve(request) {
      var path = typeof request === 'string' ? locate(request, dir) : undefined;
      if (path === undefined && typeof request === 'string' && isBuiltin(request)) return request;
      if (path === undefined || !own.call(definitions, path)) {
        throw failure("Cannot find module '" + request + "' (required by " + by + ")", by);
      }
      return path;
    };
    return require;
  }

  // From data properties only, so that no getter, proxy trap or Symbol.hasInstance of the module runs:
  // the error and the built-in error prototypes are the only objects whose descriptors are read.
  function describe(error) {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
      return 'threw ' + toText(error);
    }
    if (typeof isError !== 'function' || !isError(error)) return 'threw an object that is not an Error';
    return (dataString(error, 'name') || 'Error') + ': ' + dataString(error, 'message');
  }

  function dataString(error, key) {
    var object = error;
    while (object === error || contains(errorPrototypes, object)) {
      var property = describeOwn(object, key);
      if (property !== undefined) {
        return apply(own, property, ['value']) && typeof property.value === 'string' ? property.value : '';
      }
      object = getPrototypeOf(object);
    }
    return '';
  }

  // Arrays without a prototype: writing a slot runs no setter a module put on Array.prototype, and
  // JSON.stringify finds no toJSON on them.
  function list() {
    return setPrototypeOf([], null);
  }

  function contains(items, item) {
    for (var i = 0; i < items.length; i++) {
      if (items[i] === item) return true;
    }
    return false;
  }

  function addOnce(items, item) {
    if (!contains(items, item)) items[items.length] = item;
  }

  // Probe only: record, per module being initialized, the absent host globals it looks up, the clock
  // and random reads it makes, and the modules it requires, without changing what it sees.
  function watch(watched) {
    var results = Object.create(null), order = list(), stack = list(), names = Object.create(null);
    watched.forEach(function (name) { names[name] = true; });
    function current() {
      return stack.length ? results[stack[stack.length - 1]] : undefined;
    }
    function note(kind, name) {
      var result = current();
      if (result) addOnce(result[kind], name);
    }
    // handlers without a prototype: V8 looks traps up on the handler, and Object.prototype is the modules'
    setPrototypeOf(global, new Proxy(getPrototypeOf(global), {
      __proto__: null,
      has: function (target, key) {
        if (typeof key === 'string' && names[key] === true) note('touched', key);
        return reflectHas(target, key);
      },
      get: function (target, key, receiver) {
        if (typeof key === 'string' && names[key] === true) note('touched', key);
        return reflectGet(target, key, receiver);
      }
    }));
    var realRandom = Math.random, realNow = Date.now, RealDate = Date;
    Math.random = function () { note('clock', 'Math.random()'); return realRandom(); };
    RealDate.now = function () { note('clock', 'Date.now()'); return apply(realNow, RealDate, []); };
    global.Date = new Proxy(RealDate, {
      __proto__: null,
      construct: function (target, args, newTarget) {
        if (args.length === 0) note('clock', 'new Date()');
        return construct(target, args, newTarget);
      },
      apply: function (target, self, args) {
        note('clock', 'Date()');
        return apply(target, self, args);
      }
    });
    // the doctor's Intl guard, when it set one, learns which module makes each Intl object
    var intl = global.__jsrun_intl_guard;
    function attribute() {
      if (intl) intl.script(stack.length ? stack[stack.length - 1] : '');
    }
    return {
      enter: function (path) {
        if (results[path] === undefined) {
          results[path] = { __proto__: null, error: null, touched: list(), clock: list(), requires: list() };
          order[order.length] = path;
        }
        stack[stack.length] = path;
        attribute();
      },
      exit: function () { stack.length--; attribute(); },
      failed: function (path, error) {
        if (results[path].error === null) results[path].error = describe(error);
      },
      requires: function (path) {
        var result = current();
        if (result) addOnce(result.requires, path);
      },
      run: function (paths) {
        paths.forEach(function (path) {
          if (cache[path] === undefined && results[path] === undefined) {
            try { initialize(path); } catch (ignored) { }
          }
        });
        // what the modules export stays reachable, as the snapshot's require() keeps it
        if (intl) defineProperty(global, '__jsrun_probe_cache', { __proto__: null, value: cache, configurable: true });
        return stringify({ __proto__: null, order: order, results: results });
      }
    };
  }

  if (probe) return probe.run(table.probe.order);
  table.initialize.forEach(function (path) {
    if (cache[path] !== undefined) return;
    try {
      initialize(path);
    } catch (error) {
      throw new BuildError('module ' + path + ' initialized in the doctor run but failed in the snapshot build: '
        + describe(error));
    }
  });
  counts.exports = keysOf(cache).length;
  stats.exportHits = stats.definitionHits = stats.misses = 0;
  defineProperty(global, 'require', { __proto__: null, value: requireFrom('', null), writable: true, configurable: true });
  defineProperty(global, '__jsrun_modules', { __proto__: null, configurable: true, value: freeze({
    stats: function () {
      return { exportHits: stats.exportHits, definitionHits: stats.definitionHits, misses: stats.misses,
        exports: counts.exports, definitions: counts.definitions };
    },
    attachLoader: function (loader) {
      if (reader === null && typeof loader === 'function') reader = loader;
    }
  }) });
})(/* table */,
(function (global) { return {
/* definitions */
}; })(globalThis));
