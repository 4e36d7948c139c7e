// The frame of the web platform: the namespace its parts share, then each part in order (WebPlatform.java
// puts them where the marker is). Parts capture the built-ins they use while they install, before any script
// of the application runs, so a script that replaces built-ins changes nothing the platform relies on.
(function () {
  'use strict';
  if (typeof __jsrun_web !== 'undefined') {
    return;
  }
  const defineProperty = Reflect.defineProperty;
  const TypeErrorOf = TypeError;
  const global = globalThis;
  const contextHooks = [];
  const guards = typeof __jsrun_guards !== 'undefined' ? __jsrun_guards : null;
  const web = {
    __proto__: null,
    global,
    /** Whether the application made {@code value} with Proxy; asking runs none of its traps. */
    isProxy: guards !== null ? guards.isProxy : () => false,
    /** A global as Web IDL defines interfaces and operations: writable and configurable, not enumerable. */
    define(name, value) {
      defineProperty(global, name, { __proto__: null, configurable: true, enumerable: false, writable: true, value });
    },
    /** A global as Web IDL defines operations and attributes of the global scope: enumerable too. */
    defineEnumerable(name, value) {
      defineProperty(global, name, { __proto__: null, configurable: true, enumerable: true, writable: true, value });
    },
    /** A TypeError with Node's {@code code} property, for the messages that follow Node's. */
    nodeTypeError(message, code) {
      const error = new TypeErrorOf(message);
      defineProperty(error, 'code', { __proto__: null, value: code, writable: true, enumerable: true, configurable: true });
      return error;
    },
    /** Runs {@code hook(seed, timeOrigin)} in every context the host readies: 32 random bytes, a time in ms. */
    onContext(hook) {
      contextHooks[contextHooks.length] = hook;
    },
    /** What the host calls: the event loop's controls, filled in by the parts. */
    control: {
      __proto__: null,
      context(seed, timeOrigin) {
        for (let i = 0; i < contextHooks.length; i++) {
          contextHooks[i](seed, timeOrigin);
        }
      }
    }
  };
/* parts */
  defineProperty(global, '__jsrun_web', { __proto__: null, configurable: true, enumerable: false, writable: false,
    value: Object.freeze(web.control) });
})();
