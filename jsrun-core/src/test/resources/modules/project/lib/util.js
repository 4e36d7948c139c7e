exports.clamp = function (n, min, max) {
  return Math.min(max, Math.max(min, n));
};

exports.where = function () {
  return [__filename, __dirname, module.id];
};

exports.fail = function () {
  throw new Error('util failed');
};
