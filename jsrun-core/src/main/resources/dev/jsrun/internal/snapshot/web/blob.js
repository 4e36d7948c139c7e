// The File API's Blob: immutable bytes with a type, made of strings (as UTF-8), buffers, views and other
// blobs. A blob's bytes sit in a private field no script can reach, so slices share them without a copy;
// stream() gives a byte stream of the streams part, which it makes at the first call.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const PromiseOf = Promise;
  const promiseResolve = Promise.resolve;
  const promiseReject = Promise.reject;
  const TypeErrorOf = TypeError;
  const NumberOf = Number;
  const StringOf = String;
  const Uint8ArrayOf = Uint8Array;
  const Uint16ArrayOf = Uint16Array;
  const ArrayBufferOf = ArrayBuffer;
  const isView = ArrayBuffer.isView;
  const floor = Math.floor;
  const max = Math.max;
  const minimum = Math.min;
  const fromCharCode = String.fromCharCode;
  const charCodeAt = String.prototype.charCodeAt;
  const toWellFormed = String.prototype.toWellFormed;
  const toLowerCase = String.prototype.toLowerCase;
  const stringSlice = String.prototype.slice;
  const iteratorSymbol = Symbol.iterator;
  const toStringTag = Symbol.toStringTag;
  const typedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArraySet = typedArrayPrototype.set;
  const typedArraySubarray = typedArrayPrototype.subarray;
  const typedArrayBuffer = getDescriptor(typedArrayPrototype, 'buffer').get;
  const typedArrayOffset = getDescriptor(typedArrayPrototype, 'byteOffset').get;
  const typedArrayLength = getDescriptor(typedArrayPrototype, 'byteLength').get;
  const dataViewBuffer = getDescriptor(DataView.prototype, 'buffer').get;
  const dataViewOffset = getDescriptor(DataView.prototype, 'byteOffset').get;
  const dataViewLength = getDescriptor(DataView.prototype, 'byteLength').get;
  const bufferLength = getDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const bufferSlice = ArrayBuffer.prototype.slice;
  const bufferDetached = getDescriptor(ArrayBuffer.prototype, 'detached').get;
  const global = web.global;

  /** How many bytes stream() puts in one chunk. */
  const CHUNK = 65536;
  /** Marks the constructor calls of this part, which hand over bytes and a type already checked. */
  const INTERNAL = { __proto__: null };

  // ---- UTF-8 ----

  /** The UTF-8 of a string, each lone surrogate as U+FFFD, as the Encoding standard's encoder writes it. */
  function encodeUtf8(text) {
    const length = text.length;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const unit = apply(charCodeAt, text, [i]);
      if (unit < 0x80) {
        size += 1;
      }
      else if (unit < 0x800) {
        size += 2;
      }
      else if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < length && isLow(apply(charCodeAt, text, [i + 1]))) {
        size += 4;
        i++;
      }
      else {
        size += 3;
      }
    }
    const bytes = new Uint8ArrayOf(size);
    let at = 0;
    for (let i = 0; i < length; i++) {
      let point = apply(charCodeAt, text, [i]);
      if (point < 0x80) {
        bytes[at++] = point;
        continue;
      }
      if (point < 0x800) {
        bytes[at++] = 0xC0 | (point >> 6);
        bytes[at++] = 0x80 | (point & 0x3F);
        continue;
      }
      if (point >= 0xD800 && point <= 0xDFFF) {
        const next = i + 1 < length ? apply(charCodeAt, text, [i + 1]) : 0;
        if (point <= 0xDBFF && isLow(next)) {
          point = 0x10000 + ((point - 0xD800) << 10) + (next - 0xDC00);
          i++;
          bytes[at++] = 0xF0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 0x3F);
          bytes[at++] = 0x80 | ((point >> 6) & 0x3F);
          bytes[at++] = 0x80 | (point & 0x3F);
          continue;
        }
        point = 0xFFFD;
      }
      bytes[at++] = 0xE0 | (point >> 12);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3F);
      bytes[at++] = 0x80 | (point & 0x3F);
    }
    return bytes;
  }

  /** The File API's native line endings where the line feed is native: CRLF and lone CR become LF. */
  function nativeEndings(text) {
    let out = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (apply(charCodeAt, text, [i]) === 0x0D) {
        out += apply(stringSlice, text, [start, i]) + '\n';
        if (i + 1 < text.length && apply(charCodeAt, text, [i + 1]) === 0x0A) {
          i++;
        }
        start = i + 1;
      }
    }
    return start === 0 ? text : out + apply(stringSlice, text, [start]);
  }

  function isLow(unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
  }

  /**
   * The Encoding standard's UTF-8 decode: a leading byte order mark dropped, each maximal subpart of an
   * invalid sequence as U+FFFD; code units gather in blocks that become strings with one call each.
   */
  function decodeUtf8(bytes) {
    const length = bytes.length;
    const block = new Uint16ArrayOf(8192);
    let filled = 0;
    let text = '';
    let needed = 0;
    let seen = 0;
    let point = 0;
    let lower = 0x80;
    let upper = 0xBF;
    let i = length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF ? 3 : 0;
    for (; i <= length; i++) {
      if (filled > 8190) {
        text += apply(fromCharCode, undefined, apply(typedArraySubarray, block, [0, filled]));
        filled = 0;
      }
      if (i === length) {
        if (needed !== 0) {
          block[filled++] = 0xFFFD;
        }
        break;
      }
      const byte = bytes[i];
      if (needed === 0) {
        if (byte <= 0x7F) {
          block[filled++] = byte;
        }
        else if (byte >= 0xC2 && byte <= 0xDF) {
          needed = 1;
          point = byte & 0x1F;
        }
        else if (byte >= 0xE0 && byte <= 0xEF) {
          lower = byte === 0xE0 ? 0xA0 : 0x80;
          upper = byte === 0xED ? 0x9F : 0xBF;
          needed = 2;
          point = byte & 0xF;
        }
        else if (byte >= 0xF0 && byte <= 0xF4) {
          lower = byte === 0xF0 ? 0x90 : 0x80;
          upper = byte === 0xF4 ? 0x8F : 0xBF;
          needed = 3;
          point = byte & 0x7;
        }
        else {
          block[filled++] = 0xFFFD;
        }
        continue;
      }
      if (byte < lower || byte > upper) {
        // the sequence ends before this byte, which starts afresh
        needed = seen = point = 0;
        lower = 0x80;
        upper = 0xBF;
        block[filled++] = 0xFFFD;
        i--;
        continue;
      }
      lower = 0x80;
      upper = 0xBF;
      point = (point << 6) | (byte & 0x3F);
      if (++seen === needed) {
        if (point > 0xFFFF) {
          point -= 0x10000;
          block[filled++] = 0xD800 + (point >> 10);
          block[filled++] = 0xDC00 + (point & 0x3FF);
        }
        else {
          block[filled++] = point;
        }
        needed = seen = point = 0;
      }
    }
    return text + apply(fromCharCode, undefined, apply(typedArraySubarray, block, [0, filled]));
  }

  // ---- Web IDL conversions ----

  /** The bytes a buffer source holds now, as a view of them (none for a detached buffer), or undefined. */
  function bufferBytes(value) {
    if (isView(value)) {
      let buffer;
      let offset;
      let length;
      try {
        buffer = apply(typedArrayBuffer, value, []);
        offset = apply(typedArrayOffset, value, []);
        length = apply(typedArrayLength, value, []);
      }
      catch (notTyped) {
        buffer = apply(dataViewBuffer, value, []);
        offset = apply(dataViewOffset, value, []);
        length = apply(dataViewLength, value, []);
      }
      return viewOf(buffer, offset, length);
    }
    try {
      apply(bufferLength, value, []);
    }
    catch (notBuffer) {
      return undefined;
    }
    return viewOf(value, 0, undefined);
  }

  function viewOf(buffer, offset, length) {
    let detached = false;
    try {
      detached = apply(bufferDetached, buffer, []);
    }
    catch (shared) {
      // a SharedArrayBuffer, which never detaches
    }
    // a detached buffer holds no bytes, and views of it cannot be made
    return detached ? new Uint8ArrayOf(0) : new Uint8ArrayOf(buffer, offset, length);
  }

  /** Web IDL's [Clamp] long long: NaN is 0, the rest rounds to the nearest integer, ties to even. */
  function clampedInteger(value) {
    let number = NumberOf(value);
    if (number !== number) {
      return 0;
    }
    number = minimum(max(number, -9223372036854775808), 9223372036854775807);
    let rounded = floor(number);
    const fraction = number - rounded;
    if (fraction > 0.5 || (fraction === 0.5 && rounded % 2 !== 0)) {
      rounded++;
    }
    return rounded === 0 ? 0 : rounded;
  }

  /** A type as the File API keeps it: lowercase, or empty if any character is outside U+0020 to U+007E. */
  function normalizedType(type) {
    for (let i = 0; i < type.length; i++) {
      const unit = apply(charCodeAt, type, [i]);
      if (unit < 0x20 || unit > 0x7E) {
        return '';
      }
    }
    return apply(toLowerCase, type, []);
  }

  function conversionError(message) {
    return new TypeErrorOf("Failed to construct 'Blob': " + message);
  }

  // ---- Blob ----

  /** A blob's bytes, or a TypeError for anything else: set by the class, which alone reads its private field. */
  let bytesOf;

  class Blob {
    #bytes;
    #type;

    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === INTERNAL) {
        this.#bytes = options.bytes;
        this.#type = options.type;
        return;
      }
      // Web IDL: the sequence first, each part converted as it is iterated, then the dictionary
      const parts = [];
      if (blobParts !== undefined) {
        if ((typeof blobParts !== 'object' && typeof blobParts !== 'function') || blobParts === null) {
          throw conversionError('The provided value cannot be converted to a sequence.');
        }
        const method = blobParts[iteratorSymbol];
        if (typeof method !== 'function') {
          throw conversionError('The object must have a callable @@iterator property.');
        }
        const iterator = apply(method, blobParts, []);
        if ((typeof iterator !== 'object' && typeof iterator !== 'function') || iterator === null) {
          throw conversionError('The iterator is not an object.');
        }
        const next = iterator.next;
        for (;;) {
          const step = apply(next, iterator, []);
          if ((typeof step !== 'object' && typeof step !== 'function') || step === null) {
            throw conversionError('The iterator result is not an object.');
          }
          if (step.done) {
            break;
          }
          parts[parts.length] = part(step.value);
        }
      }
      let endings = 'transparent';
      let type = '';
      if (options !== undefined && options !== null) {
        if (typeof options !== 'object' && typeof options !== 'function') {
          throw conversionError("The provided value is not of type 'BlobPropertyBag'.");
        }
        const givenEndings = options.endings;
        if (givenEndings !== undefined) {
          endings = `${givenEndings}`;
          if (endings !== 'transparent' && endings !== 'native') {
            throw conversionError("Failed to read the 'endings' property from 'BlobPropertyBag': The provided value '"
              + endings + "' is not a valid enum value of type EndingType.");
          }
        }
        const givenType = options.type;
        if (givenType !== undefined) {
          type = normalizedType(`${givenType}`);
        }
      }
      // the parts' bytes as they are now, after the dictionary's getters ran
      const chunks = [];
      let size = 0;
      for (let i = 0; i < parts.length; i++) {
        let bytes = parts[i];
        if (typeof bytes === 'string') {
          bytes = encodeUtf8(endings === 'native' ? nativeEndings(bytes) : bytes);
        }
        else if (!isView(bytes)) {
          bytes = bytes.#bytes;
        }
        else {
          bytes = bufferBytes(bytes);
        }
        chunks[i] = bytes;
        size += bytes.length;
      }
      const bytes = new Uint8ArrayOf(size);
      let at = 0;
      for (let i = 0; i < chunks.length; i++) {
        apply(typedArraySet, bytes, [chunks[i], at]);
        at += chunks[i].length;
      }
      this.#bytes = bytes;
      this.#type = type;
    }

    get size() {
      return bytesOf(this).length;
    }

    get type() {
      bytesOf(this);
      return this.#type;
    }

    slice(start = undefined, end = undefined, contentType = undefined) {
      const bytes = bytesOf(this);
      const size = bytes.length;
      let from = start === undefined ? 0 : clampedInteger(start);
      let to = end === undefined ? size : clampedInteger(end);
      const type = contentType === undefined ? '' : normalizedType(`${contentType}`);
      from = from < 0 ? max(size + from, 0) : minimum(from, size);
      to = to < 0 ? max(size + to, 0) : minimum(to, size);
      const span = max(to - from, 0);
      return new Blob(INTERNAL, { __proto__: null, bytes: apply(typedArraySubarray, bytes, [from, from + span]),
        type });
    }

    stream() {
      const bytes = bytesOf(this);
      let offset = 0;
      return new (web.streams().ReadableStream)({
        type: 'bytes',
        pull(controller) {
          if (offset >= bytes.length) {
            controller.close();
            return;
          }
          const end = minimum(offset + CHUNK, bytes.length);
          // a copy: the stream hands its chunks' buffers to the reader
          const chunk = new Uint8ArrayOf(end - offset);
          apply(typedArraySet, chunk, [apply(typedArraySubarray, bytes, [offset, end])]);
          offset = end;
          controller.enqueue(chunk);
        }
      });
    }

    text() {
      return promised(this, bytes => decodeUtf8(bytes));
    }

    arrayBuffer() {
      return promised(this, bytes => copy(bytes).buffer);
    }

    bytes() {
      return promised(this, copy);
    }

    static {
      web.isBlob = value => (typeof value === 'object' && value !== null && #bytes in value);
      // a blob's bytes never change, so its structured clone may share them
      web.copyBlob = value => new Blob(INTERNAL, { bytes: value.#bytes, type: value.#type });
      bytesOf = value => {
        if (typeof value !== 'object' || value === null || !(#bytes in value)) {
          throw new TypeErrorOf('Illegal invocation');
        }
        return value.#bytes;
      };
    }
  }

  function copy(bytes) {
    const copied = new Uint8ArrayOf(bytes.length);
    apply(typedArraySet, copied, [bytes]);
    return copied;
  }

  /** What an operation returning a promise gives: a rejection, not a throw, when {@code blob} is no Blob. */
  function promised(blob, read) {
    let bytes;
    try {
      bytes = bytesOf(blob);
    }
    catch (error) {
      return apply(promiseReject, PromiseOf, [error]);
    }
    return apply(promiseResolve, PromiseOf, [read(bytes)]);
  }

  /** A part of the sequence as Web IDL converts it: a Blob, a buffer source's view, else a USVString. */
  function part(value) {
    if (typeof value === 'object' && value !== null) {
      if (web.isBlob(value)) {
        return value;
      }
      if (isView(value)) {
        return value;
      }
      const bytes = bufferBytes(value);
      if (bytes !== undefined) {
        return bytes;
      }
    }
    if (typeof value === 'symbol') {
      throw conversionError('Cannot convert a Symbol value to a string.');
    }
    return apply(toWellFormed, `${value}`, []);
  }

  const proto = Blob.prototype;
  const keys = ownKeys(proto);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'constructor') {
      defineProperty(proto, keys[i], { __proto__: null, enumerable: true });
    }
  }
  defineProperty(proto, toStringTag, { __proto__: null, configurable: true, value: 'Blob' });
  web.define('Blob', Blob);

  // HTML makes blobs serializable: structuredClone and postMessage copy them
  const earlierCopy = web.copyPlatformObject;
  web.copyPlatformObject = value => web.isBlob(value) ? web.copyBlob(value)
    : earlierCopy !== undefined ? earlierCopy(value) : undefined;
  // what TextEncoderStream encodes with
  web.encodeUtf8 = encodeUtf8;
})
