// The module doctor's syntax check, a hidden global of its throwaway runtime while it looks at the modules: a
// function of (source, json) that answers null when the source parses, as JSON or as the body of the function
// a bundle wraps each module in, and the error's name and message when it does not. It only compiles: nothing
// of the source runs.
(function (global) {
  Object.defineProperty(global, '__jsrun_syntax_check', {
    __proto__: null,
    configurable: true,
    value: function (source, json) {
      try {
        if (json) {
          JSON.parse(source);
        }
        else {
          new Function('exports', 'module', 'require', '__filename', '__dirname', source);
        }
        return null;
      }
      catch (e) {
        return e.name + ': ' + e.message;
      }
    }
  });
})(globalThis);
