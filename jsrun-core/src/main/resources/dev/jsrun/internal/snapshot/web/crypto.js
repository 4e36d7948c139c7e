// crypto.getRandomValues and crypto.randomUUID (Web Cryptography API; crypto.subtle is not provided). The bytes
// come from ChaCha20 (RFC 8439's block function) keyed in every context with fresh bytes from Java's SecureRandom;
// after each request the generator takes its next key from its own keystream and forgets the old one (fast key
// erasure, as arc4random does), so no output can be recomputed from a later state and a snapshot, built before
// any context is keyed, never carries a key.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const ErrorOf = Error;
  const TypeErrorOf = TypeError;
  const Bytes = Uint8Array;
  const Words = Uint32Array;
  const isView = ArrayBuffer.isView;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayTag = getDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
  const typedArrayBuffer = getDescriptor(TypedArrayPrototype, 'buffer').get;
  const typedArrayOffset = getDescriptor(TypedArrayPrototype, 'byteOffset').get;
  const typedArrayLength = getDescriptor(TypedArrayPrototype, 'byteLength').get;
  const bufferResizable = getDescriptor(ArrayBuffer.prototype, 'resizable').get;

  /** A stand-in with the name and message of a DOMException, where the platform has none of its own. */
  const DOMExceptionOf = web.DOMException !== undefined ? web.DOMException : class DOMException extends ErrorOf {
    constructor(message = '', name = 'Error') {
      super(message);
      defineProperty(this, 'name', { __proto__: null, configurable: true, writable: true, value: name });
    }
  };

  /** The largest request getRandomValues serves, as the Web Cryptography API sets it. */
  const MAX_BYTES = 65536;
  const INTEGER_ARRAYS = { __proto__: null, Int8Array: true, Uint8Array: true, Uint8ClampedArray: true,
    Int16Array: true, Uint16Array: true, Int32Array: true, Uint32Array: true, BigInt64Array: true,
    BigUint64Array: true };

  // ---- ChaCha20 (RFC 8439, section 2.3) ----

  function word(out, at, value) {
    out[at] = value & 255;
    out[at + 1] = (value >>> 8) & 255;
    out[at + 2] = (value >>> 16) & 255;
    out[at + 3] = value >>> 24;
  }

  /**
   * The block function: 64 bytes of keystream for an 8-word key, a block counter and a 3-word nonce, written
   * little-endian into {@code out} from {@code at}; the state lives in locals, so nothing of it outlasts the call.
   */
  function block(key, counter, nonce, out, at) {
    const j0 = 0x61707865;
    const j1 = 0x3320646e;
    const j2 = 0x79622d32;
    const j3 = 0x6b206574;
    const j4 = key[0] | 0;
    const j5 = key[1] | 0;
    const j6 = key[2] | 0;
    const j7 = key[3] | 0;
    const j8 = key[4] | 0;
    const j9 = key[5] | 0;
    const j10 = key[6] | 0;
    const j11 = key[7] | 0;
    const j12 = counter | 0;
    const j13 = nonce[0] | 0;
    const j14 = nonce[1] | 0;
    const j15 = nonce[2] | 0;
    let x0 = j0, x1 = j1, x2 = j2, x3 = j3, x4 = j4, x5 = j5, x6 = j6, x7 = j7;
    let x8 = j8, x9 = j9, x10 = j10, x11 = j11, x12 = j12, x13 = j13, x14 = j14, x15 = j15;
    for (let round = 0; round < 10; round++) {
      x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16);
      x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
      x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24);
      x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
      x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16);
      x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
      x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24);
      x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
      x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16);
      x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
      x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24);
      x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
      x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16);
      x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
      x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24);
      x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
      x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16);
      x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
      x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24);
      x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
      x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16);
      x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
      x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24);
      x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
      x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16);
      x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
      x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24);
      x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
      x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16);
      x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
      x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24);
      x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
    }
    word(out, at + 0, (x0 + j0) | 0);
    word(out, at + 4, (x1 + j1) | 0);
    word(out, at + 8, (x2 + j2) | 0);
    word(out, at + 12, (x3 + j3) | 0);
    word(out, at + 16, (x4 + j4) | 0);
    word(out, at + 20, (x5 + j5) | 0);
    word(out, at + 24, (x6 + j6) | 0);
    word(out, at + 28, (x7 + j7) | 0);
    word(out, at + 32, (x8 + j8) | 0);
    word(out, at + 36, (x9 + j9) | 0);
    word(out, at + 40, (x10 + j10) | 0);
    word(out, at + 44, (x11 + j11) | 0);
    word(out, at + 48, (x12 + j12) | 0);
    word(out, at + 52, (x13 + j13) | 0);
    word(out, at + 56, (x14 + j14) | 0);
    word(out, at + 60, (x15 + j15) | 0);
  }

  // RFC 8439's block function, on the namespace (which no user code reaches) so that tests that install this
  // part with a namespace of their own can check it against the RFC's vectors
  web.chacha20Block = (key, counter, nonce) => {
    const keyWords = new Words(8);
    for (let i = 0; i < 8; i++) {
      keyWords[i] = key[4 * i] | (key[4 * i + 1] << 8) | (key[4 * i + 2] << 16) | (key[4 * i + 3] << 24);
    }
    const nonceWords = new Words(3);
    for (let i = 0; i < 3; i++) {
      nonceWords[i] = nonce[4 * i] | (nonce[4 * i + 1] << 8) | (nonce[4 * i + 2] << 16) | (nonce[4 * i + 3] << 24);
    }
    const out = new Bytes(64);
    block(keyWords, counter, nonceWords, out, 0);
    return out;
  };

  // ---- the generator ----

  const key = new Words(8);
  const ZERO_NONCE = new Words(3);
  const stream = new Bytes(64);
  const tail = new Bytes(64);
  let keyed = false;

  function setKey(bytes, from) {
    for (let i = 0; i < 8; i++) {
      const at = from + 4 * i;
      key[i] = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
    }
  }

  web.onContext(seed => {
    setKey(seed, 0);
    keyed = true;
  });

  /**
   * Fills {@code out} with keystream: block 0's first half is the next key, its second half and the blocks
   * after it are the output; the old key is overwritten before this returns.
   */
  function fill(out, length) {
    if (!keyed) {
      throw new ErrorOf('crypto.getRandomValues() and crypto.randomUUID() are not available while a snapshot is '
        + 'being built: every runtime restored from the snapshot would repeat the same values. Call them when '
        + 'your functions run instead.');
    }
    block(key, 0, ZERO_NONCE, stream, 0);
    let written = 0;
    for (let i = 32; i < 64 && written < length; i++) {
      out[written++] = stream[i];
    }
    let counter = 1;
    while (length - written >= 64) {
      block(key, counter++, ZERO_NONCE, out, written);
      written += 64;
    }
    if (written < length) {
      block(key, counter, ZERO_NONCE, tail, 0);
      for (let i = 0; written < length; i++) {
        out[written++] = tail[i];
      }
    }
    setKey(stream, 0);
    for (let i = 0; i < 64; i++) {
      stream[i] = 0;
      tail[i] = 0;
    }
  }

  // ---- Crypto ----

  const INTERNAL = { __proto__: null };
  const HEX = [];
  for (let i = 0; i < 256; i++) {
    HEX[i] = (i < 16 ? '0' : '') + i.toString(16);
  }
  const uuidBytes = new Bytes(16);

  let isCrypto;

  class Crypto {
    #brand = true;

    constructor(token = undefined) {
      if (token !== INTERNAL) {
        throw new TypeErrorOf('Illegal constructor');
      }
    }

    static {
      isCrypto = value => value !== null && typeof value === 'object' && #brand in value;
    }

    getRandomValues(array) {
      if (!isCrypto(this)) {
        throw new TypeErrorOf('Illegal invocation');
      }
      if (arguments.length === 0) {
        throw new TypeErrorOf("Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 "
          + 'present.');
      }
      if (!isView(array)) {
        throw new TypeErrorOf("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type "
          + "'ArrayBufferView'.");
      }
      const tag = apply(typedArrayTag, array, []);
      if (tag !== undefined) {
        // Web IDL's ArrayBufferView takes no view of a shared or resizable buffer
        const resizable = resizableOrShared(apply(typedArrayBuffer, array, []));
        if (resizable === undefined) {
          throw new TypeErrorOf("Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView "
            + 'value must not be shared.');
        }
        if (resizable) {
          throw new TypeErrorOf("Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView "
            + 'value must not be resizable.');
        }
      }
      if (tag === undefined || INTEGER_ARRAYS[tag] !== true) {
        throw new DOMExceptionOf("Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView "
          + 'is of type ' + (tag === undefined ? "'DataView'" : "'" + tag + "'") + ', which is not an integer '
          + 'array type.', 'TypeMismatchError');
      }
      const length = apply(typedArrayLength, array, []);
      if (length > MAX_BYTES) {
        throw new DOMExceptionOf("Failed to execute 'getRandomValues' on 'Crypto': The ArrayBufferView's byte "
          + 'length (' + length + ') exceeds the number of bytes of entropy available via this API (' + MAX_BYTES
          + ').', 'QuotaExceededError');
      }
      if (length > 0) {
        fill(new Bytes(apply(typedArrayBuffer, array, []), apply(typedArrayOffset, array, []), length), length);
      }
      else if (!keyed) {
        fill(uuidBytes, 0);
      }
      return array;
    }

    randomUUID() {
      if (!isCrypto(this)) {
        throw new TypeErrorOf('Illegal invocation');
      }
      const b = uuidBytes;
      fill(b, 16);
      // RFC 9562: version 4 in the high nibble of byte 6, variant 0b10 in the high bits of byte 8
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const uuid = HEX[b[0]] + HEX[b[1]] + HEX[b[2]] + HEX[b[3]] + '-' + HEX[b[4]] + HEX[b[5]] + '-' + HEX[b[6]]
        + HEX[b[7]] + '-' + HEX[b[8]] + HEX[b[9]] + '-' + HEX[b[10]] + HEX[b[11]] + HEX[b[12]] + HEX[b[13]]
        + HEX[b[14]] + HEX[b[15]];
      for (let i = 0; i < 16; i++) {
        b[i] = 0;
      }
      return uuid;
    }
  }

  /** Whether an ArrayBuffer is resizable; undefined for a SharedArrayBuffer, whose brand the getter refuses. */
  function resizableOrShared(buffer) {
    try {
      return apply(bufferResizable, buffer, []);
    }
    catch (ignored) {
      return undefined;
    }
  }

  {
    const proto = Crypto.prototype;
    defineProperty(proto, 'getRandomValues', { __proto__: null, enumerable: true });
    defineProperty(proto, 'randomUUID', { __proto__: null, enumerable: true });
    defineProperty(proto, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'Crypto' });
  }

  web.define('Crypto', Crypto);
  web.defineEnumerable('crypto', new Crypto(INTERNAL));
})
