// Evaluated first in every fresh context, before any other script, as a function of (global object, global
// name): takes the walk's record away and re-initialises each recorded regular expression with its own
// pattern and flags, which finds the code the isolate compiled for them. It uses only what the record holds
// (compile and Reflect.apply as they were before the snapshot's scripts ran) and own data properties, so no
// built-in the scripts replaced and no getter is ever called.
(function (global, name) {
  const record = global[name];
  if (typeof record !== 'object' || record === null) return 0;
  delete global[name];
  const { compile, apply, list, length } = record;
  if (typeof compile !== 'function' || typeof apply !== 'function') return 0;
  let relinked = 0;
  for (let i = 0; i + 2 < length; i += 3) {
    const regexp = list[i];
    try {
      // lastIndex is an own data property of every regular expression; compile resets it
      const lastIndex = regexp.lastIndex;
      apply(compile, regexp, [list[i + 1], list[i + 2]]);
      regexp.lastIndex = lastIndex;
      relinked++;
    } catch (e) {
      // a frozen regular expression cannot be re-initialised and keeps its own code
    }
  }
  return relinked;
})
