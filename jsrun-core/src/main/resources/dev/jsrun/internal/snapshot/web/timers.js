// Timers, microtasks, the clock and the event loop that runs them. Java drives the loop after the synchronous
// part of every call through control.step(), one task per step, so that V8 drains the microtasks a task queued
// before the next task runs. Each round of the loop runs the timers due when it began, then the messages
// queued by then, as Node's timers and poll phases do.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const TypeErrorOf = TypeError;
  const NumberOf = Number;
  const MapOf = Map;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const mapClear = Map.prototype.clear;
  const mapSize = Reflect.getOwnPropertyDescriptor(Map.prototype, 'size').get;
  const promiseThen = Promise.prototype.then;
  const resolved = Promise.resolve();
  const dateNow = Date.now;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const symbolToString = Symbol.prototype.toString;
  const stringSlice = String.prototype.slice;
  const max = Math.max;
  const global = web.global;

  /** Node's bounds: a delay outside 1 ms to 2^31 - 1 ms, or not a number, becomes 1 ms. */
  const MAX_DELAY = 2147483647;
  /** What step() answers besides a wait in ms: it ran a task, or nothing is left to run. */
  const RAN = -2;
  const IDLE = -1;

  // ---- the clock: ms since the context was readied, never going back ----

  let timeOrigin = dateNow();
  let latest = 0;

  function now() {
    const elapsed = dateNow() - timeOrigin;
    if (elapsed > latest) {
      latest = elapsed;
    }
    return latest;
  }

  web.now = now;
  web.onContext((seed, origin) => {
    timeOrigin = origin;
    latest = 0;
  });

  // ---- timers: a binary heap ordered by due time, then by the order they were set ----

  const timers = new MapOf();
  let heap = [];
  let nextId = 0;
  let nextOrder = 0;

  function before(a, b) {
    return a.due < b.due || (a.due === b.due && a.order < b.order);
  }

  function push(timer) {
    let i = heap.length;
    heap[i] = timer;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) {
        break;
      }
      const swap = heap[i];
      heap[i] = heap[parent];
      heap[parent] = swap;
      i = parent;
    }
  }

  function popFirst() {
    const first = heap[0];
    const last = heap[heap.length - 1];
    heap.length--;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && before(heap[left], heap[least])) {
          least = left;
        }
        if (right < heap.length && before(heap[right], heap[least])) {
          least = right;
        }
        if (least === i) {
          break;
        }
        const swap = heap[i];
        heap[i] = heap[least];
        heap[least] = swap;
        i = least;
      }
    }
    return first;
  }

  /** The next timer to fire, cleared ones dropped on the way; undefined when none is set. */
  function first() {
    while (heap.length > 0 && heap[0].cleared) {
      popFirst();
    }
    // never an index of an empty array: a script may have put a getter on Array.prototype
    return heap.length > 0 ? heap[0] : undefined;
  }

  /** A received value as Node's argument errors name it. */
  function describe(value) {
    if (value === null || value === undefined) {
      return '' + value;
    }
    if (typeof value === 'function') {
      return value.name ? 'function ' + value.name : 'type function';
    }
    if (typeof value === 'object') {
      if (getPrototypeOf(value) === null) {
        return '[Object: null prototype] {}';
      }
      const constructor = value.constructor;
      return typeof constructor === 'function' && constructor.name ? 'an instance of ' + constructor.name : 'an object';
    }
    if (typeof value === 'string') {
      return "type string ('" + (value.length > 28 ? apply(stringSlice, value, [0, 25]) + '...' : value) + "')";
    }
    const shown = typeof value === 'bigint' ? value + 'n' : typeof value === 'symbol' ? apply(symbolToString, value, [])
      : (value === 0 && 1 / value < 0) ? '-0' : '' + value;
    return 'type ' + typeof value + ' (' + shown + ')';
  }

  function set(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw web.nodeTypeError('The "callback" argument must be of type function. Received ' + describe(callback),
        'ERR_INVALID_ARG_TYPE');
    }
    let after = typeof delay === 'bigint' ? NumberOf(delay) : +delay;
    if (!(after >= 1 && after <= MAX_DELAY)) {
      after = 1;
    }
    const timer = { __proto__: null, id: ++nextId, due: now() + after, order: ++nextOrder, callback, args,
      repeat: repeat ? after : 0, cleared: false };
    apply(mapSet, timers, [timer.id, timer]);
    push(timer);
    wake();
    return timer.id;
  }

  function clear(id) {
    if (typeof id !== 'number' && typeof id !== 'string') {
      return;
    }
    const key = NumberOf(id);
    const timer = apply(mapGet, timers, [key]);
    if (timer !== undefined) {
      timer.cleared = true;
      apply(mapDelete, timers, [key]);
    }
  }

  function setTimeout(callback, delay, ...args) {
    return set(callback, delay, args, false);
  }

  function setInterval(callback, delay, ...args) {
    return set(callback, delay, args, true);
  }

  function clearTimeout(id) {
    clear(id);
  }

  function clearInterval(id) {
    clear(id);
  }

  // timers the platform itself sets (AbortSignal.timeout), untouched by a script that replaces the globals
  web.setTimer = (callback, delay) => set(callback, delay, [], false);
  web.clearTimer = clear;

  function fire(timer) {
    if (timer.repeat > 0) {
      timer.due = now() + timer.repeat;
      timer.order = ++nextOrder;
      push(timer);
    }
    else {
      apply(mapDelete, timers, [timer.id]);
    }
    apply(timer.callback, global, timer.args);
  }

  // ---- microtasks, and errors nothing caught ----

  let uncaught = false;
  let uncaughtError;

  /** An error no one caught (a microtask, an event listener, reportError): the call in progress fails with it. */
  function report(error) {
    if (!uncaught) {
      uncaught = true;
      uncaughtError = error;
    }
    wake();
    // even when the loop is awake already: the call must not end before the error is thrown
    wakeHost(true);
  }

  web.uncaught = report;

  function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw web.nodeTypeError('The "callback" argument must be of type function. Received ' + describe(callback),
        'ERR_INVALID_ARG_TYPE');
    }
    apply(promiseThen, resolved, [() => {
      try {
        apply(callback, undefined, []);
      }
      catch (error) {
        report(error);
      }
    }]);
  }

  function reportError(error) {
    if (arguments.length === 0) {
      throw new TypeErrorOf("Failed to execute 'reportError': 1 argument required, but only 0 present.");
    }
    report(error);
  }

  // ---- messages: tasks that message ports queue, run in order ----

  let messages = [];
  let messageHead = 0;

  /** Queues {@code task}, a function, to run in the loop's next message phase. */
  web.queueTask = task => {
    messages[messages.length] = task;
    wake();
  };

  function queuedMessages() {
    return messages.length - messageHead;
  }

  function takeMessage() {
    const task = messages[messageHead];
    messages[messageHead++] = undefined;
    if (messageHead === messages.length) {
      messages = [];
      messageHead = 0;
    }
    return task;
  }

  // ---- the loop ----

  let awake = false;
  let wakeHost = () => {};

  /** Tells the host, once until the loop next runs dry, that there is work for it; wakeHost(true): an error. */
  function wake() {
    if (!awake) {
      awake = true;
      wakeHost(false);
    }
  }

  let inTimers = false;
  let roundStart = 0;
  let messagesLeft = 0;

  /**
   * Runs the next task that is ready, if any, and answers RAN; otherwise the ms until the next timer is due, or
   * IDLE when nothing is set or queued. An error no one caught since the last step is thrown first.
   */
  function step() {
    if (uncaught) {
      const error = uncaughtError;
      uncaught = false;
      uncaughtError = undefined;
      throw error;
    }
    for (let turn = 0; turn < 3; turn++) {
      if (!inTimers) {
        if (messagesLeft > 0 && queuedMessages() > 0) {
          messagesLeft--;
          apply(takeMessage(), undefined, []);
          return RAN;
        }
        inTimers = true;
        roundStart = now();
      }
      const timer = first();
      if (timer !== undefined && timer.due <= roundStart) {
        fire(popFirst());
        return RAN;
      }
      inTimers = false;
      messagesLeft = queuedMessages();
      if (messagesLeft === 0) {
        break;
      }
    }
    if (queuedMessages() > 0) {
      return 0;
    }
    const next = first();
    if (next === undefined) {
      awake = false;
      return IDLE;
    }
    return max(0, next.due - now());
  }

  /** Drops every timer and queued message, for a runtime going back to its pool. */
  function cancel() {
    for (let i = 0; i < heap.length; i++) {
      heap[i].cleared = true;
    }
    heap = [];
    apply(mapClear, timers, []);
    messages = [];
    messageHead = 0;
    messagesLeft = 0;
    inTimers = false;
    uncaught = false;
    uncaughtError = undefined;
    awake = false;
  }

  /** What is set or queued, for messages that explain why a call cannot go on. */
  function pending() {
    return { __proto__: null, timers: apply(mapSize, timers, []), messages: queuedMessages() };
  }

  web.control.step = step;
  web.control.onWake = hook => {
    wakeHost = hook;
  };
  web.control.cancel = cancel;
  web.control.pending = pending;

  // ---- performance ----

  class Performance {
    constructor() {
      throw new TypeErrorOf('Illegal constructor');
    }

    now() {
      return now();
    }

    get timeOrigin() {
      return timeOrigin;
    }

    toJSON() {
      return { timeOrigin, now: now() };
    }
  }
  defineProperty(Performance.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'Performance' });
  const performance = { __proto__: Performance.prototype };

  web.defineEnumerable('setTimeout', setTimeout);
  web.defineEnumerable('setInterval', setInterval);
  web.defineEnumerable('clearTimeout', clearTimeout);
  web.defineEnumerable('clearInterval', clearInterval);
  web.defineEnumerable('queueMicrotask', queueMicrotask);
  web.defineEnumerable('reportError', reportError);
  web.define('Performance', Performance);
  web.defineEnumerable('performance', performance);
})
