// The globals that name the environment: self, navigator, and process with env.NODE_ENV only, which libraries
// read to pick their production build; the rest of Node's process stays absent, so code that checks for Node
// does not take this for it.
(function (web) {
  'use strict';
  const defineProperty = Reflect.defineProperty;
  const TypeErrorOf = TypeError;
  const global = web.global;

  defineProperty(global, 'self', { __proto__: null, configurable: true, enumerable: true,
    get() { return global; }, set(value) { defineProperty(global, 'self', { __proto__: null, configurable: true,
      enumerable: true, writable: true, value }); } });

  class Navigator {
    constructor() {
      throw new TypeErrorOf('Illegal constructor');
    }

    get userAgent() {
      return 'jsrun';
    }
  }
  defineProperty(Navigator.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'Navigator' });
  web.define('Navigator', Navigator);
  web.defineEnumerable('navigator', { __proto__: Navigator.prototype });

  web.define('process', { env: { NODE_ENV: 'production' } });

  // the platform's single objects cannot be cloned or posted, as the other platform objects cannot
  const singletons = [global.crypto, global.performance, global.navigator];
  const platformObject = web.isPlatformObject;
  web.isPlatformObject = value => value === singletons[0] || value === singletons[1] || value === singletons[2]
    || (platformObject !== undefined && platformObject(value));
})
