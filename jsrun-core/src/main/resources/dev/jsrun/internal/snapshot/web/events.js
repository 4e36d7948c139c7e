// Events and aborting (DOM Standard) and message channels (HTML Standard): Event, CustomEvent, EventTarget,
// AbortController, AbortSignal, MessageEvent, MessageChannel and MessagePort. Each object keeps its state in a
// private field that only this part can reach (through the accessors each class hands out in a static block),
// so no script can read or forge a flag the algorithms depend on.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const ownKeys = Reflect.ownKeys;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const freeze = Object.freeze;
  const TypeErrorOf = TypeError;
  const ErrorOf = Error;
  const MapOf = Map;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const SetOf = Set;
  const setAdd = Set.prototype.add;
  const setDelete = Set.prototype.delete;
  const setForEach = Set.prototype.forEach;
  const setSize = getDescriptor(Set.prototype, 'size').get;
  const WeakRefOf = WeakRef;
  const deref = WeakRef.prototype.deref;
  const toWellFormed = String.prototype.toWellFormed;
  const iteratorSymbol = Symbol.iterator;
  const toStringTag = Symbol.toStringTag;
  const isFinite = Number.isFinite;
  const trunc = Math.trunc;
  const now = web.now;
  const setTimer = web.setTimer;
  const queueTask = web.queueTask;
  const uncaught = web.uncaught;
  // the clone of a posted message; the value itself where the platform has no structured clone
  const structuredClone = web.structuredClone;

  /** A stand-in with the name and message of a DOMException, where the platform has none of its own. */
  const DOMExceptionOf = web.DOMException !== undefined ? web.DOMException : class DOMException extends ErrorOf {
    constructor(message = '', name = 'Error') {
      super(message);
      defineProperty(this, 'name', { __proto__: null, configurable: true, writable: true, value: name });
    }
  };

  /** Marks what only this part may pass to the constructors Web IDL gives no public constructor. */
  const INTERNAL = { __proto__: null };

  // ---- Web IDL conversions ----

  function required(what, count, given) {
    if (given < count) {
      throw new TypeErrorOf('Failed to ' + what + ': ' + count + ' argument' + (count === 1 ? '' : 's')
        + ' required, but only ' + given + ' present.');
    }
  }

  function illegalInvocation() {
    return new TypeErrorOf('Illegal invocation');
  }

  function illegalConstructor() {
    return new TypeErrorOf('Illegal constructor');
  }

  /** DOMString: ToString, which refuses a Symbol as Web IDL does. */
  function domString(value) {
    return `${value}`;
  }

  /** A dictionary argument: its object, or null for undefined and null (every member then takes its default). */
  function dictionary(value, what) {
    if (value === undefined || value === null) {
      return null;
    }
    if (typeof value !== 'object' && typeof value !== 'function') {
      throw new TypeErrorOf('Failed to ' + what + ": The provided value is not of type 'object'.");
    }
    return value;
  }

  /** Makes a class look as Web IDL defines interfaces: members enumerable, a toStringTag, constants. */
  function asInterface(Class, name, constants) {
    const proto = Class.prototype;
    const keys = ownKeys(proto);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'constructor' && typeof keys[i] === 'string') {
        defineProperty(proto, keys[i], { __proto__: null, enumerable: true });
      }
    }
    const statics = ownKeys(Class);
    for (let i = 0; i < statics.length; i++) {
      const key = statics[i];
      if (key !== 'length' && key !== 'name' && key !== 'prototype' && typeof key === 'string') {
        defineProperty(Class, key, { __proto__: null, enumerable: true });
      }
    }
    if (constants !== undefined) {
      const names = ownKeys(constants);
      for (let i = 0; i < names.length; i++) {
        const constant = { __proto__: null, value: constants[names[i]], writable: false, enumerable: true,
          configurable: false };
        defineProperty(Class, names[i], constant);
        defineProperty(proto, names[i], constant);
      }
    }
    defineProperty(proto, toStringTag, { __proto__: null, configurable: true, value: name });
  }

  // ---- Event ----

  const NONE = 0;
  const CAPTURING_PHASE = 1;
  const AT_TARGET = 2;
  const BUBBLING_PHASE = 3;

  let eventState;
  let isEvent;

  function setCanceled(state) {
    if (state.cancelable && !state.inPassiveListener) {
      state.canceled = true;
    }
  }

  // [LegacyUnforgeable] isTrusted: an own accessor of every event, the same getter for all of them
  const isTrustedGetter = getDescriptor({ get isTrusted() { return eventState(this).isTrusted; } }, 'isTrusted').get;

  class Event {
    #state;

    constructor(type, eventInitDict = undefined) {
      required("construct 'Event'", 1, arguments.length);
      const name = domString(type);
      const init = dictionary(eventInitDict, "construct 'Event'");
      const bubbles = init !== null && !!init.bubbles;
      const cancelable = init !== null && !!init.cancelable;
      const composed = init !== null && !!init.composed;
      this.#state = { __proto__: null, type: name, bubbles, cancelable, composed, isTrusted: false,
        timeStamp: now(), target: null, currentTarget: null, eventPhase: NONE, initialized: true,
        dispatching: false, stopPropagation: false, stopImmediatePropagation: false, canceled: false,
        inPassiveListener: false };
      defineProperty(this, 'isTrusted', { __proto__: null, get: isTrustedGetter, enumerable: true,
        configurable: false });
    }

    static {
      isEvent = value => value !== null && typeof value === 'object' && #state in value;
      eventState = value => {
        if (!isEvent(value)) {
          throw illegalInvocation();
        }
        return value.#state;
      };
    }

    get type() {
      return eventState(this).type;
    }

    get target() {
      return eventState(this).target;
    }

    get srcElement() {
      return eventState(this).target;
    }

    get currentTarget() {
      return eventState(this).currentTarget;
    }

    composedPath() {
      const state = eventState(this);
      // a target that is not a node is the whole of its path, which lasts as long as the dispatch
      return state.dispatching && state.currentTarget !== null ? [state.currentTarget] : [];
    }

    get eventPhase() {
      return eventState(this).eventPhase;
    }

    stopPropagation() {
      eventState(this).stopPropagation = true;
    }

    get cancelBubble() {
      return eventState(this).stopPropagation;
    }

    set cancelBubble(value) {
      const state = eventState(this);
      if (value) {
        state.stopPropagation = true;
      }
    }

    stopImmediatePropagation() {
      const state = eventState(this);
      state.stopPropagation = true;
      state.stopImmediatePropagation = true;
    }

    get bubbles() {
      return eventState(this).bubbles;
    }

    get cancelable() {
      return eventState(this).cancelable;
    }

    get returnValue() {
      return !eventState(this).canceled;
    }

    set returnValue(value) {
      const state = eventState(this);
      if (!value) {
        setCanceled(state);
      }
    }

    preventDefault() {
      setCanceled(eventState(this));
    }

    get defaultPrevented() {
      return eventState(this).canceled;
    }

    get composed() {
      return eventState(this).composed;
    }

    get timeStamp() {
      return eventState(this).timeStamp;
    }

    initEvent(type, bubbles = false, cancelable = false) {
      const state = eventState(this);
      required("execute 'initEvent' on 'Event'", 1, arguments.length);
      initialize(state, domString(type), !!bubbles, !!cancelable);
    }
  }
  asInterface(Event, 'Event', { NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE });

  /** The legacy init methods' steps: nothing while the event is being dispatched. */
  function initialize(state, type, bubbles, cancelable) {
    if (state.dispatching) {
      return false;
    }
    state.initialized = true;
    state.stopPropagation = false;
    state.stopImmediatePropagation = false;
    state.canceled = false;
    state.isTrusted = false;
    state.target = null;
    state.type = type;
    state.bubbles = bubbles;
    state.cancelable = cancelable;
    return true;
  }

  // ---- CustomEvent ----

  class CustomEvent extends Event {
    #detail;

    constructor(type, eventInitDict = undefined) {
      required("construct 'CustomEvent'", 1, arguments.length);
      super(type, eventInitDict);
      const init = eventInitDict === undefined || eventInitDict === null ? null : eventInitDict;
      const detail = init === null ? undefined : init.detail;
      this.#detail = detail === undefined ? null : detail;
    }

    get detail() {
      if (!(isEvent(this) && #detail in this)) {
        throw illegalInvocation();
      }
      return this.#detail;
    }

    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      if (!(isEvent(this) && #detail in this)) {
        throw illegalInvocation();
      }
      required("execute 'initCustomEvent' on 'CustomEvent'", 1, arguments.length);
      if (initialize(eventState(this), domString(type), !!bubbles, !!cancelable)) {
        this.#detail = detail;
      }
    }
  }
  asInterface(CustomEvent, 'CustomEvent');

  // ---- EventTarget ----

  let listenersOf;
  let handlersOf;
  let isTarget;

  /** What an EventTarget keeps: listeners by type (each list in the order they were added), event handlers. */
  class EventTarget {
    #listeners = null;
    #handlers = null;

    constructor() {
    }

    static {
      isTarget = value => value !== null && typeof value === 'object' && #listeners in value;
      listenersOf = (target, create) => {
        if (!isTarget(target)) {
          throw illegalInvocation();
        }
        if (target.#listeners === null && create) {
          target.#listeners = new MapOf();
        }
        return target.#listeners;
      };
      handlersOf = target => {
        if (!isTarget(target)) {
          throw illegalInvocation();
        }
        if (target.#handlers === null) {
          target.#handlers = new MapOf();
        }
        return target.#handlers;
      };
    }

    addEventListener(type, callback, options = undefined) {
      listenersOf(this, false);
      required("execute 'addEventListener' on 'EventTarget'", 2, arguments.length);
      const name = domString(type);
      const listener = toListener(callback, 'addEventListener');
      let capture = false;
      let once = false;
      let passive = false;
      let signal = null;
      const init = typeof options === 'object' || typeof options === 'function' || options === undefined
        ? dictionary(options, "execute 'addEventListener' on 'EventTarget'") : undefined;
      if (init === undefined) {
        capture = !!options;
      }
      else if (init !== null) {
        capture = !!init.capture;
        once = !!init.once;
        const givenPassive = init.passive;
        if (givenPassive !== undefined) {
          passive = !!givenPassive;
        }
        const givenSignal = init.signal;
        if (givenSignal !== undefined) {
          if (!isSignal(givenSignal)) {
            throw new TypeErrorOf("Failed to execute 'addEventListener' on 'EventTarget': Failed to read the "
              + "'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.");
          }
          signal = givenSignal;
        }
      }
      addListener(this, { __proto__: null, type: name, callback: listener, capture, passive, once, signal,
        removed: false, onAbort: null });
    }

    removeEventListener(type, callback, options = undefined) {
      listenersOf(this, false);
      required("execute 'removeEventListener' on 'EventTarget'", 2, arguments.length);
      const name = domString(type);
      const listener = toListener(callback, 'removeEventListener');
      let capture;
      if (typeof options === 'object' || typeof options === 'function' || options === undefined) {
        const init = dictionary(options, "execute 'removeEventListener' on 'EventTarget'");
        capture = init !== null && !!init.capture;
      }
      else {
        capture = !!options;
      }
      const found = find(this, name, listener, capture);
      if (found !== undefined) {
        removeListener(this, found);
      }
    }

    dispatchEvent(event) {
      listenersOf(this, false);
      required("execute 'dispatchEvent' on 'EventTarget'", 1, arguments.length);
      if (!isEvent(event)) {
        throw new TypeErrorOf("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type "
          + "'Event'.");
      }
      const state = eventState(event);
      if (state.dispatching || !state.initialized) {
        throw new DOMExceptionOf("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being "
          + 'dispatched.', 'InvalidStateError');
      }
      state.isTrusted = false;
      return dispatch(this, event, state);
    }
  }
  asInterface(EventTarget, 'EventTarget');

  /** A callback interface value: null for undefined and null, else an object (a function or one with handleEvent). */
  function toListener(callback, method) {
    if (callback === undefined || callback === null) {
      return null;
    }
    if (typeof callback !== 'object' && typeof callback !== 'function') {
      throw new TypeErrorOf("Failed to execute '" + method + "' on 'EventTarget': parameter 2 is not of type "
        + "'Object'.");
    }
    return callback;
  }

  function find(target, type, callback, capture) {
    const map = listenersOf(target, false);
    const list = map === null ? undefined : apply(mapGet, map, [type]);
    if (list === undefined || callback === null) {
      return undefined;
    }
    for (let i = 0; i < list.length; i++) {
      const listener = list[i];
      if (listener.callback === callback && listener.capture === capture) {
        return listener;
      }
    }
    return undefined;
  }

  /** The DOM's "add an event listener". */
  function addListener(target, listener) {
    const signal = listener.signal;
    if (signal !== null && signalState(signal).aborted) {
      return;
    }
    if (listener.callback === null) {
      return;
    }
    if (find(target, listener.type, listener.callback, listener.capture) !== undefined) {
      return;
    }
    const map = listenersOf(target, true);
    let list = apply(mapGet, map, [listener.type]);
    if (list === undefined) {
      list = [];
      apply(mapSet, map, [listener.type, list]);
    }
    list[list.length] = listener;
    if (signal !== null) {
      listener.onAbort = () => removeListener(target, listener);
      addAlgorithm(signal, listener.onAbort);
    }
    if (listener.type === 'abort' && isSignal(target)) {
      holdIfListened(target);
    }
  }

  /** The DOM's "remove an event listener"; the signal forgets the step that would have removed it. */
  function removeListener(target, listener) {
    listener.removed = true;
    const map = listenersOf(target, false);
    const list = map === null ? undefined : apply(mapGet, map, [listener.type]);
    if (list !== undefined) {
      let at = 0;
      while (at < list.length && list[at] !== listener) {
        at++;
      }
      if (at < list.length) {
        for (let i = at + 1; i < list.length; i++) {
          list[i - 1] = list[i];
        }
        list.length--;
        if (list.length === 0) {
          apply(mapDelete, map, [listener.type]);
        }
      }
    }
    if (listener.signal !== null && listener.onAbort !== null) {
      removeAlgorithm(listener.signal, listener.onAbort);
      listener.onAbort = null;
    }
    if (listener.type === 'abort' && isSignal(target)) {
      holdIfListened(target);
    }
  }

  function hasListeners(target, type) {
    const map = listenersOf(target, false);
    return map !== null && apply(mapGet, map, [type]) !== undefined;
  }

  /**
   * The DOM's dispatch for a target that is not a node: its path is the target alone, so its capturing
   * listeners run, then its others, each group from a copy of the list taken as the group starts.
   */
  function dispatch(target, event, state) {
    state.dispatching = true;
    state.eventPhase = AT_TARGET;
    invoke(target, event, state, true);
    state.eventPhase = AT_TARGET;
    invoke(target, event, state, false);
    state.eventPhase = NONE;
    state.currentTarget = null;
    state.dispatching = false;
    state.stopPropagation = false;
    state.stopImmediatePropagation = false;
    return !state.canceled;
  }

  /** The DOM's "fire an event": a trusted event the platform dispatches. */
  function fire(target, event) {
    const state = eventState(event);
    state.isTrusted = true;
    return dispatch(target, event, state);
  }

  function invoke(target, event, state, capturing) {
    state.target = target;
    if (state.stopPropagation) {
      return;
    }
    state.currentTarget = target;
    const map = listenersOf(target, false);
    const live = map === null ? undefined : apply(mapGet, map, [state.type]);
    if (live === undefined) {
      return;
    }
    const listeners = [];
    for (let i = 0; i < live.length; i++) {
      listeners[i] = live[i];
    }
    for (let i = 0; i < listeners.length; i++) {
      const listener = listeners[i];
      if (listener.removed || listener.capture !== capturing) {
        continue;
      }
      if (listener.once) {
        removeListener(target, listener);
      }
      if (listener.passive) {
        state.inPassiveListener = true;
      }
      try {
        const callback = listener.callback;
        if (typeof callback === 'function') {
          apply(callback, state.currentTarget, [event]);
        }
        else {
          const handleEvent = callback.handleEvent;
          if (typeof handleEvent !== 'function') {
            throw new TypeErrorOf("The listener's handleEvent is not a function");
          }
          apply(handleEvent, callback, [event]);
        }
      }
      catch (error) {
        uncaught(error);
      }
      state.inPassiveListener = false;
      if (state.stopImmediatePropagation) {
        break;
      }
    }
  }

  /**
   * An event handler IDL attribute (HTML): setting a callable or other object registers one listener the first
   * time, which keeps its place in the list when the handler changes; null (or any value that is not an object)
   * removes it.
   */
  function defineEventHandler(Class, brand, name, type, onSet) {
    const holder = {
      get [name]() {
        if (!brand(this)) {
          throw illegalInvocation();
        }
        const handler = apply(mapGet, handlersOf(this), [name]);
        return handler === undefined ? null : handler.value;
      },
      set [name](value) {
        if (!brand(this)) {
          throw illegalInvocation();
        }
        const handlers = handlersOf(this);
        let handler = apply(mapGet, handlers, [name]);
        const callback = (typeof value === 'object' || typeof value === 'function') && value !== null ? value : null;
        if (callback === null) {
          if (handler !== undefined) {
            apply(mapDelete, handlers, [name]);
            removeListener(this, handler.listener);
          }
        }
        else if (handler !== undefined) {
          handler.value = callback;
        }
        else {
          handler = { __proto__: null, value: callback, listener: null };
          apply(mapSet, handlers, [name, handler]);
          const process = function (event) {
            const current = handler.value;
            const result = apply(current, eventState(event).currentTarget, [event]);
            if (result === false) {
              setCanceled(eventState(event));
            }
          };
          handler.listener = { __proto__: null, type, callback: process, capture: false, passive: false,
            once: false, signal: null, removed: false, onAbort: null };
          addListener(this, handler.listener);
        }
        if (onSet !== undefined) {
          onSet(this);
        }
      }
    };
    const descriptor = getDescriptor(holder, name);
    defineProperty(Class.prototype, name, { __proto__: null, get: descriptor.get, set: descriptor.set,
      enumerable: true, configurable: true });
  }

  // ---- AbortSignal and AbortController ----

  let signalState;
  let isSignal;

  /** Where a signal keeps its dependents: pruned of collected ones once the list doubles. */
  const PRUNE_AT = 16;

  class AbortSignal extends EventTarget {
    #state;

    constructor(token = undefined) {
      if (token !== INTERNAL) {
        throw illegalConstructor();
      }
      super();
      // dependents are held weakly, and strongly only while they listen (`held`), as the DOM's rules for
      // collecting signals ask
      this.#state = { __proto__: null, aborted: false, reason: undefined, algorithms: null, dependent: false,
        sources: null, dependents: null, pruneAt: PRUNE_AT, held: null, holding: false };
    }

    static {
      isSignal = value => value !== null && typeof value === 'object' && #state in value;
      signalState = value => {
        if (!isSignal(value)) {
          throw illegalInvocation();
        }
        return value.#state;
      };
    }

    static abort(reason = undefined) {
      const signal = new AbortSignal(INTERNAL);
      const state = signalState(signal);
      state.aborted = true;
      state.reason = reason !== undefined ? reason : abortError();
      return signal;
    }

    static timeout(milliseconds) {
      required("execute 'timeout' on 'AbortSignal'", 1, arguments.length);
      const number = +milliseconds;
      const ms = isFinite(number) ? trunc(number) : -1;
      if (!(ms >= 0 && ms <= 9007199254740991)) {
        throw new TypeErrorOf("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long "
          + "long' value range.");
      }
      const signal = new AbortSignal(INTERNAL);
      after(ms, () => {
        signalAbort(signal, new DOMExceptionOf('The operation was aborted due to timeout', 'TimeoutError'));
      });
      return signal;
    }

    static any(signals) {
      required("execute 'any' on 'AbortSignal'", 1, arguments.length);
      if (signals === null || (typeof signals !== 'object' && typeof signals !== 'function')
          || typeof signals[iteratorSymbol] !== 'function') {
        throw new TypeErrorOf("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a "
          + 'sequence.');
      }
      const list = [];
      for (const signal of signals) {
        if (!isSignal(signal)) {
          throw new TypeErrorOf("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
        }
        list[list.length] = signal;
      }
      return dependentSignal(list);
    }

    get aborted() {
      return signalState(this).aborted;
    }

    get reason() {
      return signalState(this).reason;
    }

    throwIfAborted() {
      const state = signalState(this);
      if (state.aborted) {
        throw state.reason;
      }
    }
  }
  defineEventHandler(AbortSignal, value => isSignal(value), 'onabort', 'abort');
  asInterface(AbortSignal, 'AbortSignal');

  function abortError() {
    return new DOMExceptionOf('This operation was aborted', 'AbortError');
  }

  /** Runs {@code callback} after {@code ms}, in steps where it exceeds what one timer can wait. */
  function after(ms, callback) {
    const MAX_DELAY = 2147483647;
    if (ms > MAX_DELAY) {
      setTimer(() => after(ms - MAX_DELAY, callback), MAX_DELAY);
    }
    else {
      setTimer(callback, ms);
    }
  }

  /** The DOM's "create a dependent abort signal". */
  function dependentSignal(signals) {
    const result = new AbortSignal(INTERNAL);
    const state = signalState(result);
    for (let i = 0; i < signals.length; i++) {
      const source = signalState(signals[i]);
      if (source.aborted) {
        state.aborted = true;
        state.reason = source.reason;
        return result;
      }
    }
    state.dependent = true;
    state.sources = new SetOf();
    for (let i = 0; i < signals.length; i++) {
      const source = signalState(signals[i]);
      if (!source.dependent) {
        link(signals[i], source, result, state);
      }
      else if (source.sources !== null) {
        apply(setForEach, source.sources, [sourceSignal => {
          link(sourceSignal, signalState(sourceSignal), result, state);
        }]);
      }
    }
    return result;
  }

  function link(source, sourceState, dependent, dependentState) {
    const before = apply(setSize, dependentState.sources, []);
    apply(setAdd, dependentState.sources, [source]);
    if (apply(setSize, dependentState.sources, []) === before) {
      return;
    }
    if (sourceState.dependents === null) {
      sourceState.dependents = [];
    }
    const dependents = sourceState.dependents;
    if (dependents.length >= sourceState.pruneAt) {
      let kept = 0;
      for (let i = 0; i < dependents.length; i++) {
        const alive = apply(deref, dependents[i], []);
        if (alive !== undefined && !signalState(alive).aborted) {
          dependents[kept++] = dependents[i];
        }
      }
      dependents.length = kept;
      sourceState.pruneAt = kept * 2 > PRUNE_AT ? kept * 2 : PRUNE_AT;
    }
    dependents[dependents.length] = new WeakRefOf(dependent);
  }

  /**
   * Keeps a dependent signal reachable from its sources while it has abort listeners or abort steps, so that
   * they still run when a source aborts; lets go of it otherwise.
   */
  function holdIfListened(signal) {
    const state = signalState(signal);
    const hold = state.dependent && !state.aborted && state.sources !== null
      && (hasListeners(signal, 'abort') || (state.algorithms !== null && apply(setSize, state.algorithms, []) > 0));
    if (hold === state.holding) {
      return;
    }
    state.holding = hold;
    apply(setForEach, state.sources, [source => {
      const sourceState = signalState(source);
      if (hold) {
        if (sourceState.held === null) {
          sourceState.held = new SetOf();
        }
        apply(setAdd, sourceState.held, [signal]);
      }
      else if (sourceState.held !== null) {
        apply(setDelete, sourceState.held, [signal]);
      }
    }]);
  }

  function addAlgorithm(signal, algorithm) {
    const state = signalState(signal);
    if (state.aborted) {
      return;
    }
    if (state.algorithms === null) {
      state.algorithms = new SetOf();
    }
    apply(setAdd, state.algorithms, [algorithm]);
    holdIfListened(signal);
  }

  function removeAlgorithm(signal, algorithm) {
    const state = signalState(signal);
    if (state.algorithms !== null) {
      apply(setDelete, state.algorithms, [algorithm]);
      holdIfListened(signal);
    }
  }

  /** The DOM's "signal abort": every dependent is aborted before any abort steps run. */
  function signalAbort(signal, reason) {
    const state = signalState(signal);
    if (state.aborted) {
      return;
    }
    state.aborted = true;
    state.reason = reason !== undefined ? reason : abortError();
    const toAbort = [];
    const dependents = state.dependents;
    state.dependents = null;
    if (dependents !== null) {
      for (let i = 0; i < dependents.length; i++) {
        const dependent = apply(deref, dependents[i], []);
        if (dependent !== undefined) {
          const dependentState = signalState(dependent);
          if (!dependentState.aborted) {
            dependentState.aborted = true;
            dependentState.reason = state.reason;
            toAbort[toAbort.length] = dependent;
          }
        }
      }
    }
    runAbortSteps(signal, state);
    for (let i = 0; i < toAbort.length; i++) {
      runAbortSteps(toAbort[i], signalState(toAbort[i]));
    }
  }

  function runAbortSteps(signal, state) {
    const algorithms = state.algorithms;
    state.algorithms = null;
    if (algorithms !== null) {
      const steps = [];
      apply(setForEach, algorithms, [algorithm => {
        steps[steps.length] = algorithm;
      }]);
      for (let i = 0; i < steps.length; i++) {
        steps[i]();
      }
    }
    if (state.holding) {
      holdIfListened(signal);
    }
    state.held = null;
    state.sources = null;
    fire(signal, new Event('abort'));
  }

  let controllerSignal;
  let isController;

  class AbortController {
    #signal;

    constructor() {
      this.#signal = new AbortSignal(INTERNAL);
    }

    static {
      isController = value => value !== null && typeof value === 'object' && #signal in value;
      controllerSignal = controller => {
        if (controller === null || typeof controller !== 'object' || !(#signal in controller)) {
          throw illegalInvocation();
        }
        return controller.#signal;
      };
    }

    get signal() {
      return controllerSignal(this);
    }

    abort(reason = undefined) {
      signalAbort(controllerSignal(this), reason);
    }
  }
  asInterface(AbortController, 'AbortController');

  // ---- MessageEvent ----

  let messageState;

  class MessageEvent extends Event {
    #message;

    constructor(type, eventInitDict = undefined) {
      required("construct 'MessageEvent'", 1, arguments.length);
      super(type, eventInitDict);
      const init = eventInitDict === undefined || eventInitDict === null ? null : eventInitDict;
      const what = "construct 'MessageEvent'";
      let data = null;
      let lastEventId = '';
      let origin = '';
      let ports = null;
      let source = null;
      if (init !== null) {
        const givenData = init.data;
        data = givenData === undefined ? null : givenData;
        const givenId = init.lastEventId;
        lastEventId = givenId === undefined ? '' : domString(givenId);
        const givenOrigin = init.origin;
        origin = givenOrigin === undefined ? '' : apply(toWellFormed, domString(givenOrigin), []);
        const givenPorts = init.ports;
        ports = givenPorts === undefined ? null : portList(givenPorts, what);
        source = messageSource(init.source, what);
      }
      this.#message = { __proto__: null, data, origin, lastEventId, source, ports: ports === null ? freeze([]) : ports };
    }

    static {
      messageState = event => {
        if (!isEvent(event) || !(#message in event)) {
          throw illegalInvocation();
        }
        return event.#message;
      };
    }

    get data() {
      return messageState(this).data;
    }

    get origin() {
      return messageState(this).origin;
    }

    get lastEventId() {
      return messageState(this).lastEventId;
    }

    get source() {
      return messageState(this).source;
    }

    get ports() {
      return messageState(this).ports;
    }

    initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = '', lastEventId = '',
        source = null, ports = undefined) {
      const message = messageState(this);
      const what = "execute 'initMessageEvent' on 'MessageEvent'";
      required(what, 1, arguments.length);
      const name = domString(type);
      const givenOrigin = apply(toWellFormed, domString(origin), []);
      const givenId = domString(lastEventId);
      const givenSource = messageSource(source, what);
      const givenPorts = ports === undefined ? freeze([]) : portList(ports, what);
      if (initialize(eventState(this), name, !!bubbles, !!cancelable)) {
        message.data = data;
        message.origin = givenOrigin;
        message.lastEventId = givenId;
        message.source = givenSource;
        message.ports = givenPorts;
      }
    }
  }
  asInterface(MessageEvent, 'MessageEvent');

  /** A sequence of MessagePort objects, as the frozen array MessageEvent.ports gives. */
  function portList(value, what) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')
        || typeof value[iteratorSymbol] !== 'function') {
      throw new TypeErrorOf('Failed to ' + what + ": The provided value cannot be converted to a sequence.");
    }
    const ports = [];
    for (const port of value) {
      if (!isPort(port)) {
        throw new TypeErrorOf('Failed to ' + what + ": Failed to convert value to 'MessagePort'.");
      }
      ports[ports.length] = port;
    }
    return freeze(ports);
  }

  /** A MessageEventSource: null, or here (without windows and workers) a MessagePort. */
  function messageSource(value, what) {
    if (value === undefined || value === null) {
      return null;
    }
    if (!isPort(value)) {
      throw new TypeErrorOf('Failed to ' + what + ": The provided value is not of type '(MessagePort or "
        + "ServiceWorker or WindowProxy)'.");
    }
    return value;
  }

  function messageEvent(type, data) {
    const event = new MessageEvent(type);
    messageState(event).data = data;
    return event;
  }

  // ---- MessageChannel and MessagePort ----

  let portState;
  let isPort;

  /**
   * Counts the times the host dropped every task (a scope's runtime going back to its pool): a message a port
   * holds until it starts is delivered only if no drop came between its posting and the start.
   */
  let drops = 0;

  class MessagePort extends EventTarget {
    #port;

    constructor(token = undefined) {
      if (token !== INTERNAL) {
        throw illegalConstructor();
      }
      super();
      this.#port = { __proto__: null, entangled: null, enabled: false, detached: false, queue: null };
    }

    static {
      isPort = value => value !== null && typeof value === 'object' && #port in value;
      portState = value => {
        if (!isPort(value)) {
          throw illegalInvocation();
        }
        return value.#port;
      };
    }

    postMessage(message, options = undefined) {
      const state = portState(this);
      const what = "execute 'postMessage' on 'MessagePort'";
      required(what, 1, arguments.length);
      const transfer = transferList(options, what);
      for (let i = 0; i < transfer.length; i++) {
        if (transfer[i] === this) {
          throw new DOMExceptionOf('Failed to ' + what + ': Transfer list contains source port.', 'DataCloneError');
        }
        if (isPort(transfer[i])) {
          throw new DOMExceptionOf('Failed to ' + what + ': MessagePort objects cannot be transferred here.',
            'DataCloneError');
        }
      }
      const clone = structuredClone === undefined ? message : structuredClone(message, { __proto__: null, transfer });
      const target = state.entangled;
      if (target === null) {
        return;
      }
      enqueue(target, portState(target), clone);
    }

    start() {
      start(this, portState(this));
    }

    close() {
      const state = portState(this);
      state.detached = true;
      state.queue = null;
      const other = state.entangled;
      if (other !== null) {
        state.entangled = null;
        portState(other).entangled = null;
      }
    }
  }
  defineEventHandler(MessagePort, value => isPort(value), 'onmessage', 'message', port => start(port, portState(port)));
  defineEventHandler(MessagePort, value => isPort(value), 'onmessageerror', 'messageerror');
  asInterface(MessagePort, 'MessagePort');

  /** Enables the port's message queue: what it held is queued as tasks, in order. */
  function start(port, state) {
    if (state.enabled) {
      return;
    }
    state.enabled = true;
    const queue = state.queue;
    state.queue = null;
    if (queue !== null) {
      for (let i = 0; i < queue.length; i++) {
        if (queue[i].drops === drops) {
          schedule(port, state, queue[i].data);
        }
      }
    }
  }

  /** The transfer list of postMessage(message, transfer) or postMessage(message, { transfer }). */
  function transferList(options, what) {
    let list = options;
    if (options === undefined || options === null) {
      return [];
    }
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeErrorOf('Failed to ' + what + ": The provided value is not of type 'StructuredSerializeOptions'.");
    }
    if (options[iteratorSymbol] === undefined || options[iteratorSymbol] === null) {
      list = options.transfer;
      if (list === undefined) {
        return [];
      }
      if (list === null || (typeof list !== 'object' && typeof list !== 'function')
          || typeof list[iteratorSymbol] !== 'function') {
        throw new TypeErrorOf('Failed to ' + what + ": Failed to read the 'transfer' property from "
          + "'StructuredSerializeOptions': The provided value cannot be converted to a sequence.");
      }
    }
    const transfer = [];
    for (const item of list) {
      if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
        throw new TypeErrorOf('Failed to ' + what + ': Value at index ' + transfer.length + ' is not an object.');
      }
      transfer[transfer.length] = item;
    }
    return transfer;
  }

  function enqueue(port, state, data) {
    if (state.detached) {
      return;
    }
    if (state.enabled) {
      schedule(port, state, data);
      return;
    }
    if (state.queue === null) {
      state.queue = [];
    }
    state.queue[state.queue.length] = { __proto__: null, data, drops };
  }

  /** Queues the task that delivers one message: a port closed by the time it runs gets nothing. */
  function schedule(port, state, data) {
    queueTask(() => {
      if (!state.detached) {
        fire(port, messageEvent('message', data));
      }
    });
  }

  let channelPorts;
  let isChannel;

  class MessageChannel {
    #port1;
    #port2;

    constructor() {
      this.#port1 = new MessagePort(INTERNAL);
      this.#port2 = new MessagePort(INTERNAL);
      portState(this.#port1).entangled = this.#port2;
      portState(this.#port2).entangled = this.#port1;
    }

    static {
      isChannel = value => value !== null && typeof value === 'object' && #port1 in value;
      channelPorts = (channel, second) => {
        if (channel === null || typeof channel !== 'object' || !(#port1 in channel)) {
          throw illegalInvocation();
        }
        return second ? channel.#port2 : channel.#port1;
      };
    }

    get port1() {
      return channelPorts(this, false);
    }

    get port2() {
      return channelPorts(this, true);
    }
  }
  asInterface(MessageChannel, 'MessageChannel');

  // dropping a borrower's tasks (a scope's runtime going back to its pool) drops the messages its ports hold too
  const cancelTasks = web.control.cancel;
  web.control.cancel = () => {
    drops++;
    cancelTasks();
  };

  web.Event = Event;
  web.EventTarget = EventTarget;
  /** Whether {@code value} is one of this part's platform objects, which structured clone cannot copy. */
  web.isPlatformObject = value => isEvent(value) || isTarget(value) || isController(value) || isChannel(value);

  web.define('Event', Event);
  web.define('CustomEvent', CustomEvent);
  web.define('EventTarget', EventTarget);
  web.define('AbortController', AbortController);
  web.define('AbortSignal', AbortSignal);
  web.define('MessageEvent', MessageEvent);
  web.define('MessageChannel', MessageChannel);
  web.define('MessagePort', MessagePort);
})
