// The built-ins that jsrun's guest code uses, taken before any script of the application runs: in the
// snapshot build before the first script, and in a context without a snapshot before the host installs.
// The host takes the record away again, so scripts never see it.
(function () {
  'use strict';
  if (typeof __jsrun_intrinsics !== 'undefined') {
    return;
  }
  const apply = Reflect.apply;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const defineProperty = Reflect.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const isSafeInteger = Number.isSafeInteger;
  const indirectEval = eval;
  const fromCharCode = String.fromCharCode;
  const stringify = JSON.stringify;
  const StringOf = String;
  const getterOf = (object, key) => getDescriptor(object, key).get;

  const objectToString = Object.prototype.toString;
  const stringCharCodeAt = String.prototype.charCodeAt;
  const stringSlice = String.prototype.slice;
  const stringIndexOf = String.prototype.indexOf;
  const stringValueOf = String.prototype.valueOf;
  const numberValueOf = Number.prototype.valueOf;
  const booleanValueOf = Boolean.prototype.valueOf;
  const bigintValueOf = BigInt.prototype.valueOf;
  const bigintToString = BigInt.prototype.toString;
  const dateGetTime = Date.prototype.getTime;
  const SetOf = Set;
  const setAdd = Set.prototype.add;
  const setHas = Set.prototype.has;
  const setDelete = Set.prototype.delete;
  const setForEach = Set.prototype.forEach;
  const setSize = getterOf(Set.prototype, 'size');
  const MapOf = Map;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const mapForEach = Map.prototype.forEach;
  const mapSize = getterOf(Map.prototype, 'size');
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayTag = getterOf(TypedArrayPrototype, Symbol.toStringTag);
  const typedArrayBuffer = getterOf(TypedArrayPrototype, 'buffer');
  const typedArrayOffset = getterOf(TypedArrayPrototype, 'byteOffset');
  const typedArrayByteLength = getterOf(TypedArrayPrototype, 'byteLength');
  const typedArraySubarray = TypedArrayPrototype.subarray;
  const Bytes = Uint8Array;
  const arrayBufferLength = getterOf(ArrayBuffer.prototype, 'byteLength');
  const sharedBufferLength = typeof SharedArrayBuffer === 'function'
    ? getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
  const dataViewBuffer = getterOf(DataView.prototype, 'buffer');
  const dataViewOffset = getterOf(DataView.prototype, 'byteOffset');
  const dataViewLength = getterOf(DataView.prototype, 'byteLength');
  const PromiseOf = Promise;
  const promiseThen = Promise.prototype.then;
  const promiseResolve = Promise.resolve;
  const promiseReject = Promise.reject;
  // %Error% itself, even if the snapshot replaced the global binding
  const ErrorOf = getPrototypeOf(RangeError);
  const ErrorPrototype = ErrorOf.prototype;
  const TypeErrorOf = TypeError;
  const SyntaxErrorOf = SyntaxError;
  const errorBrand = typeof ErrorOf.isError === 'function' ? ErrorOf.isError : null;
  // what the host needs to make JavaScript values of a call's Java arguments
  const Int32s = Int32Array;
  const Float64s = Float64Array;
  const typedArraySet = TypedArrayPrototype.set;
  const ownKeys = Reflect.ownKeys;
  const ObjectPrototype = Object.prototype;
  const ArrayPrototype = Array.prototype;
  const BigIntOf = BigInt;
  const DateOf = Date;
  // what console's formatting and timers need
  const NumberOf = Number;
  const parseIntOf = parseInt;
  const parseFloatOf = parseFloat;
  const objectIs = Object.is;
  const isExtensible = Reflect.isExtensible;
  const dateNow = Date.now;
  const numberToFixed = Number.prototype.toFixed;


  // V8 hands Error.prepareStackTrace its CallSite objects; their methods are taken from one made here, or, in
  // a snapshot build, where V8 makes no call sites, by the host in each context (no script reached them)
  function captureCallSite() {
    const before = getDescriptor(ErrorOf, 'prepareStackTrace');
    if (before !== undefined && !before.configurable) {
      return null;
    }
    defineProperty(ErrorOf, 'prepareStackTrace', { __proto__: null, configurable: true, writable: true,
      value: (error, sites) => sites });
    const sites = new ErrorOf().stack;
    if (before === undefined) {
      deleteProperty(ErrorOf, 'prepareStackTrace');
    }
    else {
      defineProperty(ErrorOf, 'prepareStackTrace', before);
    }
    const site = isArray(sites) && sites.length > 0 ? getPrototypeOf(sites[0]) : null;
    return site === null ? null : { __proto__: null, text: site.toString, fileName: site.getFileName,
      functionName: site.getFunctionName, line: site.getLineNumber, column: site.getColumnNumber,
      isEval: site.isEval, evalOrigin: site.getEvalOrigin };
  }
  const callSite = captureCallSite();
  const toStringTag = Symbol.toStringTag;
  defineProperty(globalThis, '__jsrun_intrinsics', { __proto__: null, configurable: true, enumerable: false,
    writable: false, value: Object.freeze({ __proto__: null, getterOf, callSite, captureCallSite, toStringTag, apply, getDescriptor,
      defineProperty, deleteProperty, getPrototypeOf, objectKeys, isArray, isSafeInteger, indirectEval,
      fromCharCode, stringify, StringOf, objectToString, stringSlice, stringIndexOf, stringCharCodeAt, stringValueOf, numberValueOf,
      booleanValueOf, bigintValueOf, bigintToString, dateGetTime, SetOf, setAdd, setHas, setDelete, setForEach,
      setSize, MapOf, mapGet, mapSet, mapDelete, mapForEach, mapSize, TypedArrayPrototype, typedArrayTag,
      typedArrayBuffer, typedArrayOffset, typedArrayByteLength, typedArraySubarray, Bytes, arrayBufferLength,
      sharedBufferLength, dataViewBuffer, dataViewOffset, dataViewLength, PromiseOf, promiseThen, promiseResolve,
      promiseReject, ErrorOf, ErrorPrototype, TypeErrorOf, SyntaxErrorOf, errorBrand,
      Int32s, Float64s, typedArraySet, ownKeys, ObjectPrototype, ArrayPrototype, BigIntOf, DateOf,
      NumberOf, parseIntOf, parseFloatOf, objectIs, dateNow, numberToFixed, isExtensible }) });
})();
