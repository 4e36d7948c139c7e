// Installs the snapshot builder's Intl guard in the module doctor's throwaway runtime, as the hidden global
// through which the bundle's probe tells it which module is initializing. A function of the function that
// intl-guard.js evaluates to; answers whether this V8 has Intl at all.
(function (prepare) {
  var guard = prepare();
  if (guard === null) return false;
  Object.defineProperty(globalThis, '__jsrun_intl_guard', { value: guard, configurable: true });
  return true;
})
