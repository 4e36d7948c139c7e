globalThis.greet = function (name) {
  return 'Hello, ' + name + '!';
};
