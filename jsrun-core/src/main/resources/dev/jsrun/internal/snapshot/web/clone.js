// structuredClone as HTML's StructuredSerializeWithTransfer and StructuredDeserializeWithTransfer define it, for
// the values V8 has. The walk keeps its own stack instead of recursing, so deep or huge values neither overflow
// the native stack nor stop the runtime's timeout from interrupting it. It runs in two passes, as the standard
// does: serializing reads the value (running its getters in the standard's order) into records, and only when
// that succeeded are the transferred buffers detached and the clone built from the records.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Reflect.defineProperty;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const setPrototypeOf = Reflect.setPrototypeOf;
  const isExtensible = Reflect.isExtensible;
  const ownKeys = Reflect.ownKeys;
  const hasOwn = Object.hasOwn;
  const objectKeys = Object.keys;
  const ObjectOf = Object;
  const ArrayOf = Array;
  const isArray = Array.isArray;
  const MapOf = Map;
  const SetOf = Set;
  const DateOf = Date;
  const RegExpOf = RegExp;
  const TypeErrorOf = TypeError;
  const ArrayBufferOf = ArrayBuffer;
  const DataViewOf = DataView;
  const Uint8ArrayOf = Uint8Array;
  const isView = ArrayBuffer.isView;
  const objectToString = Object.prototype.toString;
  const functionToString = Function.prototype.toString;
  const symbolToString = Symbol.prototype.toString;
  const stringSlice = String.prototype.slice;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapForEach = Map.prototype.forEach;
  const setAdd = Set.prototype.add;
  const setForEach = Set.prototype.forEach;
  const booleanValueOf = Boolean.prototype.valueOf;
  const numberValueOf = Number.prototype.valueOf;
  const stringValueOf = String.prototype.valueOf;
  const bigintValueOf = BigInt.prototype.valueOf;
  const dateGetTime = Date.prototype.getTime;
  const global = web.global;
  const ObjectPrototype = Object.prototype;
  const ArrayPrototype = Array.prototype;
  const DOMException = web.DOMException;
  const isDOMException = web.isDOMException;
  const domExceptionParts = web.domExceptionParts;

  function getter(object, key) {
    const descriptor = getOwnPropertyDescriptor(object, key);
    return descriptor === undefined ? undefined : descriptor.get;
  }

  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
  const typedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
  const typedArrayOffset = getter(TypedArrayPrototype, 'byteOffset');
  const typedArrayByteLength = getter(TypedArrayPrototype, 'byteLength');
  const typedArrayLength = getter(TypedArrayPrototype, 'length');
  const typedArrayIncludes = TypedArrayPrototype.includes;
  const typedArraySet = TypedArrayPrototype.set;
  const dataViewBuffer = getter(DataView.prototype, 'buffer');
  const dataViewOffset = getter(DataView.prototype, 'byteOffset');
  const dataViewByteLength = getter(DataView.prototype, 'byteLength');
  const bufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
  const bufferMaxByteLength = getter(ArrayBuffer.prototype, 'maxByteLength');
  const bufferResizable = getter(ArrayBuffer.prototype, 'resizable');
  const bufferDetached = getter(ArrayBuffer.prototype, 'detached');
  const bufferResize = ArrayBuffer.prototype.resize;
  const bufferTransfer = ArrayBuffer.prototype.transfer;
  const regExpSource = getter(RegExp.prototype, 'source');
  const mapSize = getter(Map.prototype, 'size');
  const setSize = getter(Set.prototype, 'size');

  /** The typed array constructors by [[TypedArrayName]], and their element sizes. */
  const VIEWS = { __proto__: null };
  const VIEW_NAMES = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

  /** The flags RegExp.prototype.flags gathers, read by their own getters from [[OriginalFlags]]. */
  const FLAGS = [];
  for (const [flag, name] of [['d', 'hasIndices'], ['g', 'global'], ['i', 'ignoreCase'], ['m', 'multiline'],
    ['s', 'dotAll'], ['u', 'unicode'], ['v', 'unicodeSets'], ['y', 'sticky']]) {
    const read = getter(RegExp.prototype, name);
    if (read !== undefined) {
      FLAGS[FLAGS.length] = { __proto__: null, flag, read };
    }
  }

  /** The error constructors HTML names; an error of any other name is cloned as an Error. */
  const ERRORS = { __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

  // ---- what a value is: its record kind ----

  const OBJECT = 1;
  const ARRAY = 2;
  const BOOLEAN = 3;
  const NUMBER = 4;
  const BIGINT = 5;
  const STRING = 6;
  const DATE = 7;
  const REGEXP = 8;
  const BUFFER = 9;
  const SHARED = 10;
  const TRANSFERRED = 11;
  const VIEW = 12;
  const DATA_VIEW = 13;
  const MAP = 14;
  const SET = 15;
  const ERROR = 16;
  const DOM_EXCEPTION = 17;
  const REFUSED = 18;

  /**
   * Built-in prototypes, and what an object inheriting from one is when it has that prototype's internal slots
   * (checked by BRANDS); objects inheriting from the prototypes marked REFUSED are taken to have their slots.
   */
  const prototypes = new MapOf();
  function mark(prototype, kind) {
    if (prototype !== null && (typeof prototype === 'object' || typeof prototype === 'function')) {
      apply(mapSet, prototypes, [prototype, kind]);
    }
  }
  mark(Object.prototype, OBJECT);
  mark(Boolean.prototype, BOOLEAN);
  mark(Number.prototype, NUMBER);
  mark(BigInt.prototype, BIGINT);
  mark(String.prototype, STRING);
  mark(Date.prototype, DATE);
  mark(RegExp.prototype, REGEXP);
  mark(ArrayBuffer.prototype, BUFFER);
  mark(Map.prototype, MAP);
  mark(Set.prototype, SET);
  mark(Symbol.prototype, REFUSED);

  let SharedArrayBufferOf;
  let sharedByteLength;
  let sharedGrowable;
  let isErrorBuiltin;

  /**
   * Takes the built-ins that V8 leaves out of a context building a snapshot and adds to each context restored
   * from it (SharedArrayBuffer, Float16Array, Error.isError, Temporal and more): at install, and again in every
   * context the host readies, before any script of that context runs.
   */
  function adopt() {
    if (isErrorBuiltin === undefined && typeof ERRORS.Error.isError === 'function') {
      isErrorBuiltin = ERRORS.Error.isError;
    }
    if (SharedArrayBufferOf === undefined && typeof global.SharedArrayBuffer === 'function') {
      SharedArrayBufferOf = global.SharedArrayBuffer;
      sharedByteLength = getter(SharedArrayBufferOf.prototype, 'byteLength');
      sharedGrowable = getter(SharedArrayBufferOf.prototype, 'growable');
      mark(SharedArrayBufferOf.prototype, SHARED);
    }
    for (let i = 0; i < VIEW_NAMES.length; i++) {
      const constructor = global[VIEW_NAMES[i]];
      if (VIEWS[VIEW_NAMES[i]] === undefined && typeof constructor === 'function') {
        VIEWS[VIEW_NAMES[i]] = { __proto__: null, constructor, size: constructor.BYTES_PER_ELEMENT };
      }
    }
    // index loops: this runs in every context, after a snapshot's scripts may have replaced the array iterator
    const refusedNames = ['WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'DisposableStack',
      'AsyncDisposableStack'];
    for (let n = 0; n < refusedNames.length; n++) {
      const name = refusedNames[n];
      if (typeof global[name] === 'function') {
        mark(global[name].prototype, REFUSED);
      }
    }
    const namespaces = [global.Intl, global.Temporal, global.WebAssembly];
    for (let n = 0; n < namespaces.length; n++) {
      const namespace = namespaces[n];
      if (namespace !== null && typeof namespace === 'object') {
        const names = ownKeys(namespace);
        for (let i = 0; i < names.length; i++) {
          const member = getOwnPropertyDescriptor(namespace, names[i]).value;
          if (typeof member === 'function' && member.prototype !== null && typeof member.prototype === 'object') {
            mark(member.prototype, REFUSED);
          }
        }
      }
    }
  }
  adopt();
  // adopted on a context's first clone, not as it is readied: touching Intl or WebAssembly makes V8 build them,
  // which every reset would pay for
  let adopted = true;
  web.onContext(() => {
    adopted = false;
  });
  // generators and the iterators of built-ins, whose prototypes are reachable only through an instance
  mark(getPrototypeOf(function* () {}).prototype, REFUSED);
  mark(getPrototypeOf(async function* () {}).prototype, REFUSED);
  mark(getPrototypeOf([][Symbol.iterator]()), REFUSED);
  mark(getPrototypeOf(new MapOf()[Symbol.iterator]()), REFUSED);
  mark(getPrototypeOf(new SetOf()[Symbol.iterator]()), REFUSED);
  mark(getPrototypeOf(''[Symbol.iterator]()), REFUSED);
  mark(getPrototypeOf(/(?:)/[Symbol.matchAll]('')), REFUSED);
  if (typeof global.Iterator === 'function') {
    if (typeof global.Iterator.prototype.map === 'function') {
      mark(getPrototypeOf(apply(global.Iterator.prototype.map, [][Symbol.iterator](), [x => x])), REFUSED);
    }
    if (typeof global.Iterator.from === 'function') {
      mark(getPrototypeOf(global.Iterator.from({ next() { return { done: true }; } })), REFUSED);
    }
  }
  if (global.Intl !== undefined && typeof global.Intl.Segmenter === 'function') {
    const segments = new global.Intl.Segmenter().segment('');
    mark(getPrototypeOf(segments), REFUSED);
    mark(getPrototypeOf(segments[Symbol.iterator]()), REFUSED);
  }
  // the platform's own interfaces, whose instances are platform objects that are not serializable
  const earlier = web.uncloneable;
  if (earlier !== undefined) {
    for (let i = 0; i < earlier.length; i++) {
      mark(earlier[i], REFUSED);
    }
  }
  web.uncloneable = undefined;

  function branded(check, value) {
    try {
      apply(check, value, []);
      return true;
    }
    catch (notBranded) {
      return false;
    }
  }

  /** Whether {@code value} has the internal slots of {@code kind}, by a built-in that checks them. */
  function hasSlots(kind, value) {
    switch (kind) {
      case BOOLEAN: return branded(booleanValueOf, value);
      case NUMBER: return branded(numberValueOf, value);
      case BIGINT: return branded(bigintValueOf, value);
      case STRING: return branded(stringValueOf, value);
      case DATE: return branded(dateGetTime, value);
      case REGEXP: return branded(regExpSource, value);
      case BUFFER: return branded(bufferByteLength, value);
      case SHARED: return branded(sharedByteLength, value);
      case MAP: return branded(mapSize, value);
      case SET: return branded(setSize, value);
      default: return false;
    }
  }

  function isError(value) {
    if (isErrorBuiltin !== undefined) {
      return isErrorBuiltin(value);
    }
    return apply(objectToString, value, []) === '[object Error]';
  }

  /** The kind of an object that is neither an array, a view, an error nor a DOMException. */
  function kindOf(value) {
    let prototype = getPrototypeOf(value);
    while (prototype !== null) {
      const kind = apply(mapGet, prototypes, [prototype]);
      if (kind !== undefined) {
        if (kind === REFUSED) {
          return REFUSED;
        }
        if (kind !== OBJECT && hasSlots(kind, value)) {
          return kind;
        }
        break;
      }
      prototype = getPrototypeOf(prototype);
    }
    // an ordinary object, unless it has the slots of a built-in whose prototype it no longer inherits from
    const tag = apply(objectToString, value, []);
    switch (tag) {
      case '[object Object]': return platformObject(value) ? REFUSED : OBJECT;
      case '[object Boolean]': return hasSlots(BOOLEAN, value) ? BOOLEAN : OBJECT;
      case '[object Number]': return hasSlots(NUMBER, value) ? NUMBER : OBJECT;
      case '[object String]': return hasSlots(STRING, value) ? STRING : OBJECT;
      case '[object Date]': return hasSlots(DATE, value) ? DATE : OBJECT;
      case '[object RegExp]': return hasSlots(REGEXP, value) ? REGEXP : OBJECT;
      case '[object Arguments]': return hasOwn(value, 'callee') ? REFUSED : OBJECT;
      case '[object Module]': return getPrototypeOf(value) === null && !isExtensible(value) ? REFUSED : OBJECT;
      default: return platformObject(value) ? REFUSED : OBJECT;
    }
  }

  /** Whether a later part (events.js) counts {@code value} among its platform objects, which are not serializable. */
  function platformObject(value) {
    const check = web.isPlatformObject;
    return typeof check === 'function' && check(value) === true;
  }

  // ---- errors ----

  function describe(value) {
    if (typeof value === 'symbol') {
      return apply(symbolToString, value, []);
    }
    if (typeof value === 'function') {
      const source = apply(functionToString, value, []);
      return source.length > 200 ? apply(stringSlice, source, [0, 200]) + '\u2026' : source;
    }
    const tag = apply(objectToString, value, []);
    return '#<' + apply(stringSlice, tag, [8, -1]) + '>';
  }

  function notCloneable(value) {
    return new DOMException(describe(value) + ' could not be cloned.', 'DataCloneError');
  }

  function dataCloneError(message) {
    return new DOMException(message, 'DataCloneError');
  }

  // ---- buffers and views ----

  function isDetached(buffer) {
    if (bufferDetached !== undefined) {
      return apply(bufferDetached, buffer, []);
    }
    try {
      new Uint8ArrayOf(buffer);
      return false;
    }
    catch (detached) {
      return true;
    }
  }

  /** A copy of an ArrayBuffer's bytes in a new one, resizable with the same maximum when it is. */
  function copyBuffer(buffer) {
    if (isDetached(buffer)) {
      throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const length = apply(bufferByteLength, buffer, []);
    const copy = apply(bufferResizable, buffer, [])
      ? new ArrayBufferOf(length, { __proto__: null, maxByteLength: apply(bufferMaxByteLength, buffer, []) })
      : new ArrayBufferOf(length);
    if (length > 0) {
      apply(typedArraySet, new Uint8ArrayOf(copy), [new Uint8ArrayOf(buffer, 0, length)]);
    }
    return copy;
  }

  function viewLength(view, dataView) {
    if (!dataView) {
      return apply(typedArrayByteLength, view, []);
    }
    try {
      return apply(dataViewByteLength, view, []);
    }
    catch (outOfBounds) {
      return -1;
    }
  }

  /**
   * Whether a view that ends where its resizable ArrayBuffer ends tracks the buffer's length. Nothing reveals it
   * but a resize, so the buffer is resized by one element and back, its bytes restored, before any script runs.
   */
  function tracksLength(view, dataView, buffer, offset, byteLength, size) {
    const length = apply(bufferByteLength, buffer, []);
    if (offset + byteLength !== length) {
      return false;
    }
    const max = apply(bufferMaxByteLength, buffer, []);
    if (length + size <= max) {
      apply(bufferResize, buffer, [length + size]);
      const grown = viewLength(view, dataView);
      apply(bufferResize, buffer, [length]);
      return grown === byteLength + size;
    }
    if (byteLength < size) {
      return false;
    }
    // shrunk by one element, a view of fixed length that ended at the end is out of bounds, a tracking one not
    const saved = new Uint8ArrayOf(size);
    apply(typedArraySet, saved, [new Uint8ArrayOf(buffer, length - size, size)]);
    apply(bufferResize, buffer, [length - size]);
    const inBounds = dataView ? viewLength(view, true) >= 0 : !typedArrayOutOfBounds(view);
    apply(bufferResize, buffer, [length]);
    apply(typedArraySet, new Uint8ArrayOf(buffer, length - size, size), [saved]);
    return inBounds;
  }

  /** Whether a typed array is out of bounds: its built-in methods refuse it then, whatever its length reads. */
  function typedArrayOutOfBounds(view) {
    try {
      apply(typedArrayIncludes, view, [undefined, Infinity]);
      return false;
    }
    catch (outOfBounds) {
      return true;
    }
  }

  // ---- serializing: the value read into records, in the standard's order ----

  /** A serialized value; a class with fields, so every record has one shape and none inherits a setter. */
  class Record {
    kind = 0;
    out = undefined;
    source = undefined;
    keys = undefined;
    items = undefined;
    next = 0;
    value = undefined;
    offset = 0;
    length = 0;
    buffer = undefined;
    name = '';
    message = undefined;
    stack = undefined;
    view = undefined;
  }

  /** An array without a prototype, so that appending to it runs no setter a script put on Array.prototype. */
  function list() {
    const array = [];
    setPrototypeOf(array, null);
    return array;
  }

  function record(kind) {
    const rec = new Record();
    rec.kind = kind;
    return rec;
  }

  /** A Map whose methods no script can replace, called directly in the walk's hot path. */
  class Memory extends MapOf {
  }
  defineProperty(Memory.prototype, 'get', { __proto__: null, value: mapGet });
  defineProperty(Memory.prototype, 'set', { __proto__: null, value: mapSet });

  function remember(walk, value, rec) {
    walk.memory.set(value, rec);
    walk.records[walk.records.length] = rec;
    return rec;
  }

  function deep(walk, rec) {
    walk.stack[walk.stack.length] = rec;
  }

  /** A value's serialized form: itself when primitive, else its record, made (and queued when deep) if new. */
  function visit(walk, value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value === 'symbol') {
        throw notCloneable(value);
      }
      return value;
    }
    const seen = walk.memory.get(value);
    if (seen !== undefined) {
      return seen;
    }
    if (typeof value === 'function' || value === global) {
      throw notCloneable(value);
    }
    // a proxy is an exotic object, which HTML refuses; describing it would run its traps
    if (web.isProxy(value)) {
      throw dataCloneError('#<Object> could not be cloned.');
    }
    if (isArray(value)) {
      const rec = record(ARRAY);
      const length = value.length;
      rec.length = length === length >>> 0 ? length : 0;
      rec.source = value;
      rec.keys = objectKeys(value);
      remember(walk, value, rec);
      deep(walk, rec);
      return rec;
    }
    const viewName = apply(typedArrayName, value, []);
    if (viewName !== undefined) {
      return visitView(walk, value, VIEWS[viewName], false);
    }
    if (isView(value)) {
      return visitView(walk, value, undefined, true);
    }
    if (isDOMException(value)) {
      const rec = record(DOM_EXCEPTION);
      const parts = domExceptionParts(value);
      rec.name = parts.name;
      rec.message = parts.message;
      return remember(walk, value, rec);
    }
    if (isError(value)) {
      return visitError(walk, value);
    }
    // a later part's serializable platform objects (a Blob) copy themselves
    const copyPlatformObject = web.copyPlatformObject;
    if (typeof copyPlatformObject === 'function') {
      const copied = copyPlatformObject(value);
      if (copied !== undefined) {
        const rec = record(SHARED);
        rec.out = copied;
        return remember(walk, value, rec);
      }
    }
    const kind = kindOf(value);
    const rec = record(kind);
    switch (kind) {
      case OBJECT:
        rec.source = value;
        rec.keys = objectKeys(value);
        remember(walk, value, rec);
        deep(walk, rec);
        return rec;
      case BOOLEAN:
        rec.value = apply(booleanValueOf, value, []);
        break;
      case NUMBER:
        rec.value = apply(numberValueOf, value, []);
        break;
      case BIGINT:
        rec.value = apply(bigintValueOf, value, []);
        break;
      case STRING:
        rec.value = apply(stringValueOf, value, []);
        break;
      case DATE:
        rec.value = apply(dateGetTime, value, []);
        break;
      case REGEXP: {
        rec.value = apply(regExpSource, value, []);
        let flags = '';
        for (let i = 0; i < FLAGS.length; i++) {
          if (apply(FLAGS[i].read, value, [])) {
            flags += FLAGS[i].flag;
          }
        }
        rec.name = flags;
        break;
      }
      case BUFFER:
        rec.out = copyBuffer(value);
        break;
      case SHARED:
        // the clone shares the memory; V8 offers no second SharedArrayBuffer object over the same memory
        rec.out = value;
        break;
      case MAP: {
        const items = list();
        apply(mapForEach, value, [(item, key) => {
          items[items.length] = key;
          items[items.length] = item;
        }]);
        rec.items = items;
        remember(walk, value, rec);
        deep(walk, rec);
        return rec;
      }
      case SET: {
        const items = list();
        apply(setForEach, value, [item => {
          items[items.length] = item;
        }]);
        rec.items = items;
        remember(walk, value, rec);
        deep(walk, rec);
        return rec;
      }
      default:
        throw notCloneable(value);
    }
    return remember(walk, value, rec);
  }

  function visitView(walk, value, type, dataView) {
    let buffer;
    let offset;
    let byteLength;
    let length;
    if (dataView) {
      buffer = apply(dataViewBuffer, value, []);
      byteLength = viewLength(value, true);
      if (byteLength < 0) {
        throw notCloneable(value);
      }
      offset = apply(dataViewOffset, value, []);
      length = byteLength;
    }
    else {
      buffer = apply(typedArrayBuffer, value, []);
      byteLength = apply(typedArrayByteLength, value, []);
      offset = apply(typedArrayOffset, value, []);
      length = apply(typedArrayLength, value, []);
    }
    let growable = false;
    if (branded(bufferByteLength, buffer)) {
      if (isDetached(buffer)) {
        throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      }
      growable = apply(bufferResizable, buffer, []);
    }
    else {
      growable = apply(sharedGrowable, buffer, []);
    }
    if (growable && !dataView && byteLength === 0 && typedArrayOutOfBounds(value)) {
      throw notCloneable(value);
    }
    // only a resizable ArrayBuffer can be probed; a view of a growable SharedArrayBuffer keeps its length
    const tracking = growable && branded(bufferByteLength, buffer)
      && tracksLength(value, dataView, buffer, offset, byteLength, dataView ? 1 : type.size);
    const bufferRecord = visit(walk, buffer);
    const rec = record(dataView ? DATA_VIEW : VIEW);
    rec.view = type;
    rec.buffer = bufferRecord;
    rec.offset = offset;
    rec.length = tracking ? -1 : length;
    return remember(walk, value, rec);
  }

  function visitError(walk, value) {
    const rec = record(ERROR);
    const name = value.name;
    rec.name = typeof name === 'string' && ERRORS[name] !== undefined ? name : 'Error';
    const message = getOwnPropertyDescriptor(value, 'message');
    if (message !== undefined && hasOwn(message, 'value')) {
      const text = message.value;
      rec.message = typeof text === 'string' ? text : `${text}`;
    }
    const stack = value.stack;
    rec.stack = typeof stack === 'string' ? stack : undefined;
    const cause = getOwnPropertyDescriptor(value, 'cause');
    remember(walk, value, rec);
    if (cause !== undefined && hasOwn(cause, 'value')) {
      rec.items = list();
      rec.items[0] = cause.value;
      deep(walk, rec);
    }
    return rec;
  }

  /**
   * Serializes the children of the deep records, depth first in the standard's order, with its own stack. Each
   * child is noted in one flat list as three entries (its parent's record, its key, its serialized form), which
   * the deserializing pass applies in the same order.
   */
  function walkAll(walk) {
    const stack = walk.stack;
    const fills = walk.fills;
    while (stack.length > 0) {
      const rec = stack[stack.length - 1];
      let key;
      let ref;
      if (rec.keys !== undefined) {
        if (rec.next >= rec.keys.length) {
          stack.length--;
          rec.source = undefined;
          rec.keys = undefined;
          continue;
        }
        key = rec.keys[rec.next++];
        if (!hasOwn(rec.source, key)) {
          continue;
        }
        ref = visit(walk, rec.source[key]);
      }
      else {
        if (rec.next >= rec.items.length) {
          stack.length--;
          rec.items = undefined;
          continue;
        }
        const item = rec.items[rec.next++];
        if (rec.kind === MAP && (rec.next & 1) === 1) {
          // a map's key waits in its record until the entry's value is serialized too
          rec.value = visit(walk, item);
          continue;
        }
        key = rec.kind === MAP ? rec.value : undefined;
        ref = visit(walk, item);
      }
      const at = fills.length;
      fills[at] = rec;
      fills[at + 1] = key;
      fills[at + 2] = ref;
    }
  }

  // ---- deserializing: the clone built from the records ----

  const property = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };
  const hidden = { __proto__: null, value: undefined, writable: true, enumerable: false, configurable: true };

  function outOf(ref) {
    return ref !== null && typeof ref === 'object' ? ref.out : ref;
  }

  function create(rec) {
    switch (rec.kind) {
      case OBJECT: return {};
      case ARRAY: return new ArrayOf(rec.length);
      case BOOLEAN:
      case NUMBER:
      case BIGINT:
      case STRING: return ObjectOf(rec.value);
      case DATE: return new DateOf(rec.value);
      case REGEXP: return new RegExpOf(rec.value, rec.name);
      case VIEW: {
        const buffer = rec.buffer.out;
        return rec.length < 0 ? new rec.view.constructor(buffer, rec.offset)
          : new rec.view.constructor(buffer, rec.offset, rec.length);
      }
      case DATA_VIEW: {
        const buffer = rec.buffer.out;
        return rec.length < 0 ? new DataViewOf(buffer, rec.offset) : new DataViewOf(buffer, rec.offset, rec.length);
      }
      case MAP: return new MapOf();
      case SET: return new SetOf();
      case DOM_EXCEPTION: return new DOMException(rec.message, rec.name);
      case ERROR: {
        const error = construct(ERRORS[rec.name], []);
        if (rec.message !== undefined) {
          hidden.value = rec.message;
          defineProperty(error, 'message', hidden);
        }
        hidden.value = rec.stack;
        defineProperty(error, 'stack', hidden);
        hidden.value = undefined;
        return error;
      }
      default: return rec.out;
    }
  }

  /**
   * Gives one child to its parent's clone. A key that nothing in the new object's prototype chain has is
   * assigned, which makes the same own data property as defining it and is much faster; other keys (__proto__,
   * or a key a script put on a prototype) are defined, so no setter runs. {@code arraysPlain} says that
   * Array.prototype still inherits from Object.prototype, so that looking a key up in an array's chain runs no
   * script.
   */
  function fill(rec, key, value, arraysPlain) {
    const out = rec.out;
    switch (rec.kind) {
      case OBJECT:
      case ARRAY:
        if ((rec.kind === OBJECT || arraysPlain) && !(key in out)) {
          out[key] = value;
        }
        else {
          property.value = value;
          defineProperty(out, key, property);
          property.value = undefined;
        }
        break;
      case MAP:
        apply(mapSet, out, [key, value]);
        break;
      case SET:
        apply(setAdd, out, [value]);
        break;
      case ERROR:
        hidden.value = value;
        defineProperty(out, 'cause', hidden);
        hidden.value = undefined;
        break;
      default:
        break;
    }
  }

  // ---- structuredClone ----

  /** Web IDL's sequence<object> conversion of the transfer option. */
  function transferList(options) {
    if (options === undefined || options === null) {
      return list();
    }
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeErrorOf("Failed to execute 'structuredClone': The provided value is not of type "
        + "'StructuredSerializeOptions'.");
    }
    const transfer = options.transfer;
    if (transfer === undefined) {
      return list();
    }
    const notSequence = () => new TypeErrorOf("Failed to execute 'structuredClone': The transfer option is not "
      + 'an iterable of objects.');
    if (transfer === null || (typeof transfer !== 'object' && typeof transfer !== 'function')) {
      throw notSequence();
    }
    const method = transfer[Symbol.iterator];
    if (typeof method !== 'function') {
      throw notSequence();
    }
    const iterator = apply(method, transfer, []);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
      throw notSequence();
    }
    const next = iterator.next;
    const items = list();
    for (;;) {
      const result = apply(next, iterator, []);
      if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
        throw notSequence();
      }
      if (result.done) {
        return items;
      }
      const item = result.value;
      if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
        throw notSequence();
      }
      items[items.length] = item;
    }
  }

  function clone(value, transfer) {
    if (!adopted) {
      adopted = true;
      adopt();
    }
    // the state of one clone: the objects already seen, the records in the order made, the walk's own stack,
    // and the children to give to the clones
    const walk = { __proto__: null, memory: new Memory(), records: list(), stack: list(), fills: list() };
    const moved = list();
    for (let i = 0; i < transfer.length; i++) {
      const item = transfer[i];
      if (!branded(bufferByteLength, item)) {
        throw dataCloneError('Value at index ' + i + ' of the transfer list is not transferable.');
      }
      if (walk.memory.get(item) !== undefined) {
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer.');
      }
      const rec = record(TRANSFERRED);
      rec.source = item;
      walk.memory.set(item, rec);
      moved[moved.length] = rec;
    }
    const root = visit(walk, value);
    walkAll(walk);
    for (let i = 0; i < moved.length; i++) {
      const rec = moved[i];
      if (isDetached(rec.source)) {
        throw dataCloneError('An ArrayBuffer is detached and could not be transferred.');
      }
      rec.out = apply(bufferTransfer, rec.source, []);
      rec.source = undefined;
    }
    const records = walk.records;
    for (let i = 0; i < records.length; i++) {
      records[i].out = create(records[i]);
    }
    const arraysPlain = getPrototypeOf(ArrayPrototype) === ObjectPrototype;
    const fills = walk.fills;
    for (let i = 0; i < fills.length; i += 3) {
      const rec = fills[i];
      fill(rec, rec.kind === MAP ? outOf(fills[i + 1]) : fills[i + 1], outOf(fills[i + 2]), arraysPlain);
    }
    return outOf(root);
  }

  function structuredClone(value, options = undefined) {
    if (arguments.length === 0) {
      throw new TypeErrorOf("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
    }
    return clone(value, transferList(options));
  }

  /**
   * structuredClone for the parts after this one (message ports): a transfer list that is an array they made
   * is read by index, not through the iterator a script may have replaced.
   */
  web.structuredClone = (value, options) => {
    const transfer = options === undefined || options === null ? undefined : options.transfer;
    if (!isArray(transfer)) {
      return clone(value, transferList(options));
    }
    const items = list();
    for (let i = 0; i < transfer.length; i++) {
      items[i] = transfer[i];
    }
    return clone(value, items);
  };
  web.define('structuredClone', structuredClone);
  // an operation of the global scope, which Web IDL makes enumerable, unlike interfaces
  defineProperty(global, 'structuredClone', { __proto__: null, enumerable: true });
})
