// The WHATWG Encoding standard's TextEncoder and TextDecoder (UTF-8, UTF-16LE, UTF-16BE, windows-1252 and
// x-user-defined), and HTML's atob and btoa. Decoders follow the standard's algorithms byte by byte, so invalid
// input becomes U+FFFD per maximal subpart; output is gathered in blocks of code units turned into strings
// with one String.fromCharCode call each, so large inputs stay fast in plain, interruptible loops.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const TypeErrorOf = TypeError;
  const RangeErrorOf = RangeError;
  const Uint8ArrayOf = Uint8Array;
  const Uint16ArrayOf = Uint16Array;
  const fromCharCode = String.fromCharCode;
  const charCodeAt = String.prototype.charCodeAt;
  const stringSlice = String.prototype.slice;
  const isView = ArrayBuffer.isView;
  const DOMException = web.DOMException;

  /** Web IDL's DOMString conversion: ToString, which refuses symbols. */
  function toText(value) {
    return typeof value === 'string' ? value : `${value}`;
  }

  function getter(object, key) {
    return getOwnPropertyDescriptor(object, key).get;
  }

  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
  const typedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
  const typedArrayOffset = getter(TypedArrayPrototype, 'byteOffset');
  const typedArrayByteLength = getter(TypedArrayPrototype, 'byteLength');
  const dataViewBuffer = getter(DataView.prototype, 'buffer');
  const dataViewOffset = getter(DataView.prototype, 'byteOffset');
  const dataViewByteLength = getter(DataView.prototype, 'byteLength');
  const bufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
  const bufferResizable = getter(ArrayBuffer.prototype, 'resizable');
  let sharedByteLength;
  let sharedGrowable;

  /**
   * Takes SharedArrayBuffer, which V8 leaves out of a context building a snapshot and adds to each context
   * restored from it: at install, and again in every context the host readies, before its scripts run.
   */
  function adopt() {
    const shared = web.global.SharedArrayBuffer;
    if (sharedByteLength === undefined && typeof shared === 'function') {
      sharedByteLength = getter(shared.prototype, 'byteLength');
      sharedGrowable = getter(shared.prototype, 'growable');
    }
  }
  adopt();
  web.onContext(adopt);

  const EMPTY = new Uint8ArrayOf(0);

  function noArgument(method) {
    return new TypeErrorOf("Failed to execute '" + method + "': 1 argument required, but only 0 present.");
  }

  /** Whether a buffer is an ArrayBuffer (0), a SharedArrayBuffer (1) or neither (-1), without throwing. */
  function bufferKind(value) {
    try {
      apply(bufferByteLength, value, []);
      return 0;
    }
    catch (notArrayBuffer) {
      if (sharedByteLength !== undefined) {
        try {
          apply(sharedByteLength, value, []);
          return 1;
        }
        catch (notShared) {
          // neither kind
        }
      }
      return -1;
    }
  }

  function resizable(buffer, kind) {
    return kind === 0 ? apply(bufferResizable, buffer, []) : apply(sharedGrowable, buffer, []);
  }

  /**
   * The bytes of a Web IDL [AllowShared] BufferSource (or Uint8Array when {@code uint8Only}) as a Uint8Array
   * over the same memory; a detached buffer has none. Resizable buffers are refused, as Web IDL refuses them
   * for types without [AllowResizable].
   */
  function bytesOf(value, what, uint8Only) {
    if (value !== null && typeof value === 'object') {
      const name = apply(typedArrayName, value, []);
      let buffer;
      let offset;
      let length;
      if (name !== undefined) {
        if (uint8Only && name !== 'Uint8Array') {
          throw new TypeErrorOf('The ' + what + ' must be a Uint8Array.');
        }
        buffer = apply(typedArrayBuffer, value, []);
        offset = apply(typedArrayOffset, value, []);
        length = apply(typedArrayByteLength, value, []);
      }
      else if (!uint8Only && isView(value)) {
        buffer = apply(dataViewBuffer, value, []);
        try {
          offset = apply(dataViewOffset, value, []);
          length = apply(dataViewByteLength, value, []);
        }
        catch (detached) {
          offset = 0;
          length = 0;
        }
      }
      else if (!uint8Only) {
        const kind = bufferKind(value);
        if (kind >= 0) {
          if (resizable(value, kind)) {
            throw new TypeErrorOf('The ' + what + ' must not be a resizable buffer.');
          }
          length = kind === 0 ? apply(bufferByteLength, value, []) : apply(sharedByteLength, value, []);
          return length === 0 ? EMPTY : new Uint8ArrayOf(value, 0, length);
        }
      }
      if (buffer !== undefined) {
        if (resizable(buffer, bufferKind(buffer))) {
          throw new TypeErrorOf('The ' + what + ' must not be a view on a resizable buffer.');
        }
        return length === 0 ? EMPTY : new Uint8ArrayOf(buffer, offset, length);
      }
    }
    throw new TypeErrorOf(uint8Only ? 'The ' + what + ' must be a Uint8Array.'
      : 'The ' + what + ' must be an ArrayBuffer, a SharedArrayBuffer or an ArrayBufferView.');
  }

  /** A Web IDL dictionary argument: undefined and null are empty, other primitives are refused. */
  function dictionary(value, what) {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'object' && typeof value !== 'function') {
      throw new TypeErrorOf('The ' + what + ' must be an object.');
    }
    return value;
  }

  // ---- output: code units gathered in a block, each full block turned into a string at once ----

  const BLOCK = 8192;
  const block = new Uint16ArrayOf(BLOCK);
  const blockBuffer = apply(typedArrayBuffer, block, []);
  let used = 0;
  let text = '';

  function emit(unit) {
    block[used++] = unit;
    if (used === BLOCK) {
      text += apply(fromCharCode, null, block);
      used = 0;
    }
  }

  function startOutput() {
    used = 0;
    text = '';
  }

  function takeOutput() {
    let result = text;
    if (used > 0) {
      result += apply(fromCharCode, null, new Uint16ArrayOf(blockBuffer, 0, used));
    }
    used = 0;
    text = '';
    return result;
  }

  // ---- decoders: the standard's state machines, state kept between streaming calls ----

  const REPLACEMENT = 0xFFFD;

  /** A decoding error: U+FFFD, or a TypeError in fatal mode. */
  function failure(decoder) {
    if (decoder.fatal) {
      // the next call starts afresh, as after a call that was not streaming
      reset(decoder);
      decoder.doNotFlush = false;
      startOutput();
      throw web.nodeTypeError('The encoded data was not valid for encoding ' + decoder.name,
        'ERR_ENCODING_INVALID_ENCODED_DATA');
    }
    emit(REPLACEMENT);
  }

  function utf8(decoder, bytes, flush) {
    let needed = decoder.needed;
    let seen = decoder.seen;
    let point = decoder.point;
    let lower = decoder.lower;
    let upper = decoder.upper;
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      if (needed === 0) {
        if (byte < 0x80) {
          emit(byte);
        }
        else if (byte >= 0xC2 && byte <= 0xDF) {
          needed = 1;
          point = byte & 0x1F;
        }
        else if (byte >= 0xE0 && byte <= 0xEF) {
          if (byte === 0xE0) {
            lower = 0xA0;
          }
          else if (byte === 0xED) {
            upper = 0x9F;
          }
          needed = 2;
          point = byte & 0xF;
        }
        else if (byte >= 0xF0 && byte <= 0xF4) {
          if (byte === 0xF0) {
            lower = 0x90;
          }
          else if (byte === 0xF4) {
            upper = 0x8F;
          }
          needed = 3;
          point = byte & 0x7;
        }
        else {
          failure(decoder);
        }
        continue;
      }
      if (byte < lower || byte > upper) {
        // the byte is not part of the sequence: the sequence so far is one error, and the byte starts anew
        needed = 0;
        seen = 0;
        point = 0;
        lower = 0x80;
        upper = 0xBF;
        i--;
        failure(decoder);
        continue;
      }
      lower = 0x80;
      upper = 0xBF;
      point = (point << 6) | (byte & 0x3F);
      if (++seen !== needed) {
        continue;
      }
      if (point > 0xFFFF) {
        point -= 0x10000;
        emit(0xD800 | (point >> 10));
        emit(0xDC00 | (point & 0x3FF));
      }
      else {
        emit(point);
      }
      needed = 0;
      seen = 0;
      point = 0;
    }
    if (flush && needed !== 0) {
      needed = 0;
      seen = 0;
      point = 0;
      lower = 0x80;
      upper = 0xBF;
      failure(decoder);
    }
    decoder.needed = needed;
    decoder.seen = seen;
    decoder.point = point;
    decoder.lower = lower;
    decoder.upper = upper;
  }

  function utf16(decoder, bytes, flush) {
    const little = decoder.little;
    let leadByte = decoder.leadByte;
    let leadSurrogate = decoder.leadSurrogate;
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      if (leadByte < 0) {
        leadByte = byte;
        continue;
      }
      const unit = little ? (byte << 8) | leadByte : (leadByte << 8) | byte;
      leadByte = -1;
      if (leadSurrogate >= 0) {
        const lead = leadSurrogate;
        leadSurrogate = -1;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
          emit(lead);
          emit(unit);
          continue;
        }
        // the lone lead surrogate is an error, and the code unit's bytes are decoded again
        failure(decoder);
      }
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        leadSurrogate = unit;
      }
      else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        failure(decoder);
      }
      else {
        emit(unit);
      }
    }
    if (flush && (leadByte >= 0 || leadSurrogate >= 0)) {
      leadByte = -1;
      leadSurrogate = -1;
      failure(decoder);
    }
    decoder.leadByte = leadByte;
    decoder.leadSurrogate = leadSurrogate;
  }

  /** windows-1252 bytes 0x80 to 0x9F; the other bytes are the code points of the same number. */
  const WINDOWS_1252 = [0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
    0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC,
    0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178];

  function windows1252(decoder, bytes) {
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      emit(byte >= 0x80 && byte <= 0x9F ? WINDOWS_1252[byte - 0x80] : byte);
    }
  }

  function userDefined(decoder, bytes) {
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      emit(byte < 0x80 ? byte : 0xF780 + byte - 0x80);
    }
  }

  function reset(decoder) {
    decoder.needed = 0;
    decoder.seen = 0;
    decoder.point = 0;
    decoder.lower = 0x80;
    decoder.upper = 0xBF;
    decoder.leadByte = -1;
    decoder.leadSurrogate = -1;
  }

  const ENCODINGS = {
    __proto__: null,
    'utf-8': { __proto__: null, decode: utf8, little: false, unicode: true },
    'utf-16le': { __proto__: null, decode: utf16, little: true, unicode: true },
    'utf-16be': { __proto__: null, decode: utf16, little: false, unicode: true },
    'windows-1252': { __proto__: null, decode: windows1252, little: false, unicode: false },
    'x-user-defined': { __proto__: null, decode: userDefined, little: false, unicode: false }
  };

  /** The standard's labels of the encodings decoded here; a label of another encoding is not supported. */
  const LABELS = { __proto__: null };
  const LABEL_LISTS = {
    'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'],
    'utf-16be': ['unicodefffe', 'utf-16be'],
    'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'],
    'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
      'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
      'windows-1252', 'x-cp1252'],
    'x-user-defined': ['x-user-defined']
  };
  for (const name in LABEL_LISTS) {
    const labels = LABEL_LISTS[name];
    for (let i = 0; i < labels.length; i++) {
      LABELS[labels[i]] = name;
    }
  }

  function isAsciiWhitespace(unit) {
    return unit === 0x09 || unit === 0x0A || unit === 0x0C || unit === 0x0D || unit === 0x20;
  }

  /** The standard's "get an encoding": trim ASCII whitespace, lowercase ASCII, look the label up. */
  function encodingFor(label) {
    if (label.length > 64) {
      return undefined;
    }
    let start = 0;
    let end = label.length;
    while (start < end && isAsciiWhitespace(apply(charCodeAt, label, [start]))) {
      start++;
    }
    while (end > start && isAsciiWhitespace(apply(charCodeAt, label, [end - 1]))) {
      end--;
    }
    let key = '';
    for (let i = start; i < end; i++) {
      const unit = apply(charCodeAt, label, [i]);
      key += fromCharCode(unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit);
    }
    return LABELS[key];
  }

  class TextDecoder {
    #state;

    constructor(label = 'utf-8', options = undefined) {
      const text = toText(label);
      const dict = dictionary(options, 'options argument');
      const fatal = dict !== undefined && !!dict.fatal;
      const ignoreBOM = dict !== undefined && !!dict.ignoreBOM;
      const name = encodingFor(text);
      if (name === undefined) {
        throw new RangeErrorOf('The "' + text + '" encoding is not supported');
      }
      const encoding = ENCODINGS[name];
      const state = { __proto__: null, name, decode: encoding.decode, little: encoding.little,
        unicode: encoding.unicode, fatal, ignoreBOM, bomSeen: false, doNotFlush: false, needed: 0, seen: 0,
        point: 0, lower: 0x80, upper: 0xBF, leadByte: -1, leadSurrogate: -1 };
      this.#state = state;
    }

    static #of(decoder) {
      if (decoder === null || typeof decoder !== 'object' || !(#state in decoder)) {
        throw new TypeErrorOf('Illegal invocation: not a TextDecoder');
      }
      return decoder.#state;
    }

    get encoding() {
      return TextDecoder.#of(this).name;
    }

    get fatal() {
      return TextDecoder.#of(this).fatal;
    }

    get ignoreBOM() {
      return TextDecoder.#of(this).ignoreBOM;
    }

    decode(input = undefined, options = undefined) {
      const state = TextDecoder.#of(this);
      const bytes = input === undefined ? EMPTY : bytesOf(input, 'input', false);
      const dict = dictionary(options, 'options argument');
      const stream = dict !== undefined && !!dict.stream;
      if (!state.doNotFlush) {
        reset(state);
        state.bomSeen = false;
      }
      state.doNotFlush = stream;
      startOutput();
      state.decode(state, bytes, !stream);
      let result = takeOutput();
      if (state.unicode && !state.ignoreBOM && !state.bomSeen && result.length > 0) {
        state.bomSeen = true;
        if (apply(charCodeAt, result, [0]) === 0xFEFF) {
          result = apply(stringSlice, result, [1]);
        }
      }
      return result;
    }
  }

  class TextEncoder {
    #brand = true;

    static #check(encoder) {
      if (encoder === null || typeof encoder !== 'object' || !(#brand in encoder)) {
        throw new TypeErrorOf('Illegal invocation: not a TextEncoder');
      }
    }

    get encoding() {
      TextEncoder.#check(this);
      return 'utf-8';
    }

    encode(input = '') {
      TextEncoder.#check(this);
      const source = toText(input);
      const length = source.length;
      const at = [0];
      let size = 0;
      for (let i = 0; i < length; i++) {
        at[0] = i;
        const unit = apply(charCodeAt, source, at);
        if (unit < 0x80) {
          size++;
        }
        else if (unit < 0x800) {
          size += 2;
        }
        else if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < length) {
          at[0] = i + 1;
          const next = apply(charCodeAt, source, at);
          if (next >= 0xDC00 && next <= 0xDFFF) {
            size += 4;
            i++;
          }
          else {
            size += 3;
          }
        }
        else {
          size += 3;
        }
      }
      const bytes = new Uint8ArrayOf(size);
      write(source, bytes, size);
      return bytes;
    }

    encodeInto(source, destination) {
      TextEncoder.#check(this);
      if (arguments.length < 2) {
        throw new TypeErrorOf("Failed to execute 'encodeInto': 2 arguments required, but only " + arguments.length
          + ' present.');
      }
      const text = toText(source);
      const bytes = bytesOf(destination, 'destination', true);
      const progress = write(text, bytes, bytes.length);
      return { read: progress.read, written: progress.written };
    }
  }

  /** Writes the UTF-8 of {@code source}, lone surrogates as U+FFFD, while whole code points fit in {@code room}. */
  function write(source, bytes, room) {
    const length = source.length;
    const at = [0];
    let read = 0;
    let written = 0;
    while (read < length) {
      at[0] = read;
      let point = apply(charCodeAt, source, at);
      let units = 1;
      if (point >= 0xD800 && point <= 0xDFFF) {
        if (point <= 0xDBFF && read + 1 < length) {
          at[0] = read + 1;
          const next = apply(charCodeAt, source, at);
          if (next >= 0xDC00 && next <= 0xDFFF) {
            point = 0x10000 + ((point - 0xD800) << 10) + (next - 0xDC00);
            units = 2;
          }
          else {
            point = REPLACEMENT;
          }
        }
        else {
          point = REPLACEMENT;
        }
      }
      if (point < 0x80) {
        if (written + 1 > room) {
          break;
        }
        bytes[written++] = point;
      }
      else if (point < 0x800) {
        if (written + 2 > room) {
          break;
        }
        bytes[written++] = 0xC0 | (point >> 6);
        bytes[written++] = 0x80 | (point & 0x3F);
      }
      else if (point < 0x10000) {
        if (written + 3 > room) {
          break;
        }
        bytes[written++] = 0xE0 | (point >> 12);
        bytes[written++] = 0x80 | ((point >> 6) & 0x3F);
        bytes[written++] = 0x80 | (point & 0x3F);
      }
      else {
        if (written + 4 > room) {
          break;
        }
        bytes[written++] = 0xF0 | (point >> 18);
        bytes[written++] = 0x80 | ((point >> 12) & 0x3F);
        bytes[written++] = 0x80 | ((point >> 6) & 0x3F);
        bytes[written++] = 0x80 | (point & 0x3F);
      }
      read += units;
    }
    return { __proto__: null, read, written };
  }

  // ---- forgiving-base64, as HTML's atob and btoa use it ----

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const DIGITS = new Uint8ArrayOf(64);
  const VALUES = new Uint8ArrayOf(128);
  const INVALID = 255;
  const PAD = 64;
  const PAD_CHAR = 0x3D;
  const WHITESPACE = 254;
  for (let i = 0; i < 128; i++) {
    VALUES[i] = isAsciiWhitespace(i) ? WHITESPACE : INVALID;
  }
  for (let i = 0; i < 64; i++) {
    DIGITS[i] = apply(charCodeAt, ALPHABET, [i]);
    VALUES[DIGITS[i]] = i;
  }
  VALUES[0x3D] = PAD;

  function notEncoded() {
    return new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }

  function atob(data) {
    if (arguments.length === 0) {
      throw noArgument('atob');
    }
    const source = toText(data);
    const length = source.length;
    const values = new Uint8ArrayOf(length);
    const at = [0];
    let count = 0;
    for (let i = 0; i < length; i++) {
      at[0] = i;
      const unit = apply(charCodeAt, source, at);
      const value = unit < 128 ? VALUES[unit] : INVALID;
      if (value === WHITESPACE) {
        continue;
      }
      if (value === INVALID) {
        throw notEncoded();
      }
      values[count++] = value;
    }
    if (count % 4 === 0 && count > 0 && values[count - 1] === PAD) {
      count--;
      if (values[count - 1] === PAD) {
        count--;
      }
    }
    if (count % 4 === 1) {
      throw notEncoded();
    }
    for (let i = 0; i < count; i++) {
      if (values[i] === PAD) {
        throw notEncoded();
      }
    }
    startOutput();
    let bits = 0;
    let buffered = 0;
    for (let i = 0; i < count; i++) {
      bits = (bits << 6) | values[i];
      buffered += 6;
      if (buffered >= 8) {
        buffered -= 8;
        emit((bits >> buffered) & 0xFF);
        bits &= (1 << buffered) - 1;
      }
    }
    return takeOutput();
  }

  function btoa(data) {
    if (arguments.length === 0) {
      throw noArgument('btoa');
    }
    const source = toText(data);
    const length = source.length;
    const at = [0];
    for (let i = 0; i < length; i++) {
      at[0] = i;
      if (apply(charCodeAt, source, at) > 0xFF) {
        throw new DOMException('Invalid character', 'InvalidCharacterError');
      }
    }
    startOutput();
    let i = 0;
    for (; i + 2 < length; i += 3) {
      at[0] = i;
      const a = apply(charCodeAt, source, at);
      at[0] = i + 1;
      const b = apply(charCodeAt, source, at);
      at[0] = i + 2;
      const c = apply(charCodeAt, source, at);
      emit(DIGITS[a >> 2]);
      emit(DIGITS[((a & 3) << 4) | (b >> 4)]);
      emit(DIGITS[((b & 15) << 2) | (c >> 6)]);
      emit(DIGITS[c & 63]);
    }
    if (i < length) {
      at[0] = i;
      const a = apply(charCodeAt, source, at);
      emit(DIGITS[a >> 2]);
      if (i + 1 < length) {
        at[0] = i + 1;
        const b = apply(charCodeAt, source, at);
        emit(DIGITS[((a & 3) << 4) | (b >> 4)]);
        emit(DIGITS[(b & 15) << 2]);
      }
      else {
        emit(DIGITS[(a & 3) << 4]);
        emit(PAD_CHAR);
      }
      emit(PAD_CHAR);
    }
    return takeOutput();
  }

  /** Web IDL attributes and operations are enumerable, and interfaces name themselves by Symbol.toStringTag. */
  function idl(constructor, name) {
    const prototype = constructor.prototype;
    const keys = Reflect.ownKeys(prototype);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'constructor') {
        const descriptor = getOwnPropertyDescriptor(prototype, keys[i]);
        descriptor.enumerable = true;
        defineProperty(prototype, keys[i], descriptor);
      }
    }
    defineProperty(prototype, Symbol.toStringTag, { __proto__: null, value: name, writable: false,
      enumerable: false, configurable: true });
  }

  idl(TextDecoder, 'TextDecoder');
  idl(TextEncoder, 'TextEncoder');
  /** Platform objects that structured clone refuses (clone.js reads the list). */
  web.uncloneable = [TextDecoder.prototype, TextEncoder.prototype];

  web.define('TextEncoder', TextEncoder);
  web.define('TextDecoder', TextDecoder);
  web.define('atob', atob);
  web.define('btoa', btoa);
  // atob and btoa are operations of the global scope, which Web IDL makes enumerable, unlike interfaces
  defineProperty(web.global, 'atob', { __proto__: null, enumerable: true });
  defineProperty(web.global, 'btoa', { __proto__: null, enumerable: true });
})
