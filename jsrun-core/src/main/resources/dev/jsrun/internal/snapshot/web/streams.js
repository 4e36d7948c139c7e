// WHATWG Streams: the classes of web-streams-polyfill 3.3.3 (MIT; the code of its dist/ponyfill.es2018.js,
// which StreamsPonyfill puts where the marker is), and the Encoding standard's TextEncoderStream and
// TextDecoderStream over them. The globals are accessors until a script first reaches for one: a context that
// never uses streams holds only the ponyfill's source, and one that does runs the ponyfill once, from
// functions an isolate compiles once for all its contexts, since their shared function infos are the snapshot's.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const ownKeys = Reflect.ownKeys;
  const bind = Function.prototype.bind;
  const objectCreate = Object.create;
  const objectDefineProperty = Object.defineProperty;
  const objectDefineProperties = Object.defineProperties;
  const objectGetPrototypeOf = Object.getPrototypeOf;
  const objectSetPrototypeOf = Object.setPrototypeOf;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const freeze = Object.freeze;
  const PromiseOf = Promise;
  const promiseThen = Promise.prototype.then;
  const promiseResolve = Promise.resolve;
  const promiseReject = Promise.reject;
  const promiseAll = Promise.all;
  const SymbolOf = Symbol;
  const NumberOf = Number;
  const isFinite = Number.isFinite;
  const isNaN = Number.isNaN;
  const ceil = Math.ceil;
  const floor = Math.floor;
  const min = Math.min;
  const trunc = Math.trunc;
  const ArrayBufferOf = ArrayBuffer;
  const isView = ArrayBuffer.isView;
  const bufferByteLength = getDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const Uint8ArrayOf = Uint8Array;
  const DataViewOf = DataView;
  const ErrorOf = Error;
  const TypeErrorOf = TypeError;
  const RangeErrorOf = RangeError;
  const StringOf = String;
  const charCodeAt = String.prototype.charCodeAt;
  const stringSlice = String.prototype.slice;
  const toStringTag = Symbol.toStringTag;
  const global = web.global;
  const queueMicrotask = global.queueMicrotask;
  const AbortController = global.AbortController;
  // the encoding part's decoder where it installed before this one; otherwise the global when a stream is made
  const installedDecoder = global.TextDecoder;

  const NAMES = ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
    'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
    'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
    'TextDecoderStream'];

  /** The classes, once this context made them. */
  let classes;

  /** The stream classes of this context, made on first use; what other parts use, whatever the globals hold. */
  function streams() {
    if (classes === undefined) {
      classes = make();
    }
    return classes;
  }

  web.streams = streams;

  function make() {
    const made = ponyfill({}, {}, undefined, globalsOf(), objectOf(), functionOf(), promiseOf(), SymbolOf,
      numberOf(), mathOf(), arrayBufferOf(), Uint8ArrayOf, DataViewOf, ErrorOf, TypeErrorOf, RangeErrorOf, StringOf,
      queueMicrotask, web.structuredClone, AbortController);
    textStreams(made);
    return freeze(made);
  }

  // ---- what the ponyfill reads from the global scope: the built-ins as they were when this part installed ----

  /** What the ponyfill takes from the global object: DOMException alone. */
  function globalsOf() {
    return { __proto__: null, DOMException: web.DOMException };
  }

  function objectOf() {
    const hasOwn = { __proto__: null, call: (object, key) => apply(hasOwnProperty, object, [key]) };
    return { __proto__: null, create: objectCreate, defineProperty: objectDefineProperty,
      defineProperties: objectDefineProperties, getPrototypeOf: objectGetPrototypeOf,
      setPrototypeOf: objectSetPrototypeOf, prototype: { __proto__: null, hasOwnProperty: hasOwn } };
  }

  function functionOf() {
    return { __proto__: null, prototype: { __proto__: null, apply: { __proto__: null, call: apply } } };
  }

  /** Promise, constructing real promises, with the statics and the {@code then.call} the ponyfill takes. */
  function promiseOf() {
    const facade = apply(bind, PromiseOf, [undefined]);
    const then = { __proto__: null, call: (promise, onFulfilled, onRejected) =>
      apply(promiseThen, promise, [onFulfilled, onRejected]) };
    const reject = { __proto__: null, bind: () => reason => apply(promiseReject, PromiseOf, [reason]) };
    defineProperty(facade, 'prototype', { __proto__: null, value: { __proto__: null, then } });
    defineProperty(facade, 'resolve', { __proto__: null, value: value => apply(promiseResolve, PromiseOf, [value]) });
    defineProperty(facade, 'reject', { __proto__: null, value: reject });
    defineProperty(facade, 'all', { __proto__: null, value: values => apply(promiseAll, PromiseOf, [values]) });
    return facade;
  }

  function numberOf() {
    const facade = value => NumberOf(value);
    defineProperty(facade, 'isFinite', { __proto__: null, value: isFinite });
    defineProperty(facade, 'isNaN', { __proto__: null, value: isNaN });
    defineProperty(facade, 'MAX_SAFE_INTEGER', { __proto__: null, value: NumberOf.MAX_SAFE_INTEGER });
    return facade;
  }

  function mathOf() {
    return { __proto__: null, ceil, floor, min, trunc };
  }

  function arrayBufferOf() {
    const facade = apply(bind, ArrayBufferOf, [undefined]);
    defineProperty(facade, 'isView', { __proto__: null, value: isView });
    return facade;
  }

  // ---- TextEncoderStream and TextDecoderStream (Encoding standard) ----

  function textStreams(made) {
    const TransformStream = made.TransformStream;
    const readableOf = getDescriptor(TransformStream.prototype, 'readable').get;
    const writableOf = getDescriptor(TransformStream.prototype, 'writable').get;
    const enqueue = made.TransformStreamDefaultController.prototype.enqueue;
    const REPLACEMENT = [0xEF, 0xBF, 0xBD];

    function illegalInvocation() {
      return new TypeErrorOf('Illegal invocation');
    }

    class TextEncoderStream {
      #transform;

      constructor() {
        const encode = web.encodeUtf8;
        // a high surrogate that ended the last chunk, to pair with a low surrogate that starts the next
        let pending = '';
        this.#transform = new TransformStream({
          transform(chunk, controller) {
            let text = pending + `${chunk}`;
            pending = '';
            const last = text.length === 0 ? 0 : apply(charCodeAt, text, [text.length - 1]);
            if (last >= 0xD800 && last <= 0xDBFF) {
              pending = apply(stringSlice, text, [-1]);
              text = apply(stringSlice, text, [0, -1]);
            }
            if (text.length > 0) {
              apply(enqueue, controller, [encode(text)]);
            }
          },
          flush(controller) {
            if (pending !== '') {
              apply(enqueue, controller, [new Uint8ArrayOf(REPLACEMENT)]);
            }
          }
        });
      }

      get encoding() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return 'utf-8';
      }

      get readable() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return apply(readableOf, this.#transform, []);
      }

      get writable() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return apply(writableOf, this.#transform, []);
      }
    }

    class TextDecoderStream {
      #transform;
      #decoder;
      #Decoder;

      constructor(label = 'utf-8', options = undefined) {
        const Decoder = installedDecoder !== undefined ? installedDecoder : global.TextDecoder;
        if (typeof Decoder !== 'function') {
          throw new TypeErrorOf('TextDecoderStream needs TextDecoder, which this runtime lacks');
        }
        const decoder = new Decoder(label, options);
        const decode = Decoder.prototype.decode;
        const streaming = { __proto__: null, stream: true };
        this.#decoder = decoder;
        this.#Decoder = Decoder;
        this.#transform = new TransformStream({
          transform(chunk, controller) {
            if (!isView(chunk) && !isBuffer(chunk)) {
              throw new TypeErrorOf('Failed to execute \'transform\' on \'TextDecoderStream\': The provided value '
                + 'is not of type \'(ArrayBuffer or ArrayBufferView)\'.');
            }
            const text = apply(decode, decoder, [chunk, streaming]);
            if (text.length > 0) {
              apply(enqueue, controller, [text]);
            }
          },
          flush(controller) {
            const text = apply(decode, decoder, []);
            if (text.length > 0) {
              apply(enqueue, controller, [text]);
            }
          }
        });
      }

      #read(key) {
        return apply(getDescriptor(this.#Decoder.prototype, key).get, this.#decoder, []);
      }

      get encoding() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return this.#read('encoding');
      }

      get fatal() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return this.#read('fatal');
      }

      get ignoreBOM() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return this.#read('ignoreBOM');
      }

      get readable() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return apply(readableOf, this.#transform, []);
      }

      get writable() {
        if (!(#transform in this)) {
          throw illegalInvocation();
        }
        return apply(writableOf, this.#transform, []);
      }
    }

    const interfaces = [TextEncoderStream, TextDecoderStream];
    for (let c = 0; c < interfaces.length; c++) {
      const Class = interfaces[c];
      const keys = ownKeys(Class.prototype);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== 'constructor') {
          defineProperty(Class.prototype, keys[i], { __proto__: null, enumerable: true });
        }
      }
      defineProperty(Class.prototype, toStringTag, { __proto__: null, configurable: true, value: Class.name });
    }
    made.TextEncoderStream = TextEncoderStream;
    made.TextDecoderStream = TextDecoderStream;
  }

  function isBuffer(value) {
    try {
      apply(bufferByteLength, value, []);
      return true;
    }
    catch (notBuffer) {
      const shared = global.SharedArrayBuffer;
      if (typeof shared !== 'function') {
        return false;
      }
      try {
        apply(getDescriptor(shared.prototype, 'byteLength').get, value, []);
        return true;
      }
      catch (notShared) {
        return false;
      }
    }
  }

  // ---- the globals: accessors that make the classes, then give way to data properties ----

  const getters = [];

  /** Replaces each global still holding its accessor by the class itself, as Web IDL defines interfaces. */
  function settle() {
    const made = streams();
    for (let i = 0; i < NAMES.length; i++) {
      const descriptor = getDescriptor(global, NAMES[i]);
      if (descriptor !== undefined && !apply(hasOwnProperty, descriptor, ['value']) && descriptor.get === getters[i]) {
        web.define(NAMES[i], made[NAMES[i]]);
      }
    }
    return made;
  }

  for (let i = 0; i < NAMES.length; i++) {
    const name = NAMES[i];
    getters[i] = () => settle()[name];
    defineProperty(global, name, { __proto__: null, configurable: true, enumerable: false, get: getters[i],
      set: value => web.define(name, value) });
  }

  // streams are transferable, not serializable: structuredClone refuses them as it does the other parts' objects
  const earlierPlatformObject = web.isPlatformObject;
  web.isPlatformObject = value => (earlierPlatformObject !== undefined && earlierPlatformObject(value))
    || (classes !== undefined && isStreamObject(value));

  function isStreamObject(value) {
    for (let prototype = objectGetPrototypeOf(value); prototype !== null; prototype = objectGetPrototypeOf(prototype)) {
      for (let i = 0; i < NAMES.length; i++) {
        if (prototype === classes[NAMES[i]].prototype) {
          return true;
        }
      }
    }
    return false;
  }

  // the ponyfill; the parameters stand for the globals it reads, so later changes to those reach no stream
  function ponyfill(exports, module, define, globalThis, Object, Function, Promise, Symbol, Number, Math,
    ArrayBuffer, Uint8Array, DataView, Error, TypeError, RangeError, String, queueMicrotask, structuredClone,
    AbortController) {
/* web-streams-polyfill */
    return exports;
  }
})
