(function(){var module={exports:{}},exports=module.exports;(function(module,exports,require){/* source */
}).call(module.exports, module, exports, function (id) { throw new Error("require('" + id + "') is not available while building a snapshot: load '" + id + "' first and use its global"); });
// The wrapper of SnapshotBuilder.executeCommonJs: the library's source goes where the marker is, on the first
// line, so that the lines V8 reports are the library's own. The script evaluates to a function that the
// builder calls with the global name, which publishes what the library exported; what an accessor of the
// library's throws there is looked at as what its source throws, by the function SnapshotBuilder's wrapper took
// before the library ran.
return function (name) {
  try {
    globalThis[name] = module.exports;
  }
  catch (thrown) {
    throw __jsrun_handOn(thrown);
  }
};
})()
