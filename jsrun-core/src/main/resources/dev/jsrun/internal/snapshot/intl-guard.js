// Evaluates to a function that readies a snapshot runtime: it wraps every Intl constructor (and the Intl
// methods that return new ICU-backed objects) so that each object they make is noted with a weak reference,
// the constructor's name and the script that was running, and notes each FinalizationRegistry that objects are
// registered with. V8 cannot serialize those objects, so one still reachable when the heap is captured would
// abort the process; the builder asks which are alive first.
(function () {
  'use strict';
  const global = globalThis;
  const Intl = global.Intl;
  const hasIntl = typeof Intl === 'object' && Intl !== null;
  const WeakRefOf = global.WeakRef;
  const construct = Reflect.construct;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const join = Array.prototype.join;
  const deref = WeakRef.prototype.deref;
  const StringOf = String;
  const notes = [];
  const restores = [];
  let script = '';
  let watching = true;

  // A library may keep a wrapper it took while loading: once the build is over, wrappers note nothing.
  // own properties defined, never set, so that no setter a script put on Array.prototype runs
  function add(list, value) {
    defineProperty(list, list.length, { value, writable: true, enumerable: true, configurable: true });
  }

  function note(value, what) {
    if (watching && value !== null && (typeof value === 'object' || typeof value === 'function')) {
      add(notes, [new WeakRefOf(value), what, script]);
    }
    return value;
  }

  function replace(holder, key, value) {
    const original = getOwnPropertyDescriptor(holder, key);
    defineProperty(holder, key, {
      value, writable: original.writable, enumerable: original.enumerable, configurable: original.configurable
    });
    add(restores, () => defineProperty(holder, key, original));
  }

  function wrapMethod(holder, key, what) {
    const original = holder !== undefined ? getOwnPropertyDescriptor(holder, key) : undefined;
    if (original === undefined || typeof original.value !== 'function') {
      return;
    }
    replace(holder, key, new Proxy(original.value, {
      apply(target, self, args) {
        return note(apply(target, self, args), what);
      }
    }));
  }

  // v8BreakIterator is V8's own, older than Intl.Segmenter, and holds an ICU break iterator as well
  const names = !hasIntl ? [] : ['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat', 'Locale',
    'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter', 'v8BreakIterator'];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const original = getOwnPropertyDescriptor(Intl, name);
    if (original === undefined || typeof original.value !== 'function') {
      continue;
    }
    const what = 'Intl.' + name;
    const wrapped = new Proxy(original.value, {
      construct(target, args, newTarget) {
        return note(construct(target, args, newTarget), what);
      },
      apply(target, self, args) {
        return note(apply(target, self, args), what);
      }
    });
    replace(Intl, name, wrapped);
    replace(original.value.prototype, 'constructor', wrapped);
  }
  const Locale = hasIntl ? getOwnPropertyDescriptor(Intl, 'Locale') : undefined;
  if (Locale !== undefined) {
    wrapMethod(getPrototypeOf(new Locale.value.prototype.constructor('en')), 'maximize', 'Intl.Locale');
    wrapMethod(getPrototypeOf(new Locale.value.prototype.constructor('en')), 'minimize', 'Intl.Locale');
  }
  if (hasIntl && typeof Intl.Segmenter === 'function') {
    const segments = new Intl.Segmenter().segment('');
    wrapMethod(Intl.Segmenter.prototype, 'segment', 'Intl.Segmenter (its segments)');
    wrapMethod(getPrototypeOf(segments), Symbol.iterator, 'Intl.Segmenter (an iterator of its segments)');
  }
  // a registry that objects were registered with makes V8 abort the capture while it is reachable
  const Registry = global.FinalizationRegistry;
  const register = typeof Registry === 'function' ? getOwnPropertyDescriptor(Registry.prototype, 'register') : undefined;
  if (register !== undefined && typeof register.value === 'function') {
    replace(Registry.prototype, 'register', new Proxy(register.value, {
      apply(target, self, args) {
        const result = apply(target, self, args);
        note(self, 'FinalizationRegistry');
        return result;
      }
    }));
  }
  notes.length = 0;

  return {
    // Names the script whose objects are noted from now on.
    script(name) {
      script = StringOf(name);
    },
    // Puts back the original constructors and methods.
    restore() {
      watching = false;
      for (let i = restores.length - 1; i >= 0; i--) {
        restores[i]();
      }
      restores.length = 0;
    },
    // After a full collection: [what, script] of each noted object that is still alive.
    alive() {
      const found = [];
      for (let i = 0; i < notes.length; i++) {
        const note = notes[i];
        if (apply(deref, note[0], []) !== undefined) {
          add(found, note[1] + '\u0000' + note[2]);
        }
      }
      notes.length = 0;
      return apply(join, found, ['\u0001']);
    }
  };
})
