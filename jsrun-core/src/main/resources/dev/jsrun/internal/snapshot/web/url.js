// URL and URLSearchParams as the URL Standard defines them (the basic URL parser, host parsing, serializing, the
// API, application/x-www-form-urlencoded), with Node's error codes. Domains that are not ASCII go through UTS #46
// ToASCII: tr46 from its WebJar, whose modules WebUrlBundle.java puts at the marker and a registry here loads on
// the first such domain, so its mapping table and Unicode data cost nothing until then.
(function (web) {
  'use strict';
  const global = web.global;
  // the globals that tr46 and punycode name resolve to these bindings, taken at install
  const { Array, String, RangeError, Error } = global;
  const Math = { __proto__: null, floor: global.Math.floor };
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const setPrototypeOf = Reflect.setPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const construct = Reflect.construct;
  const parseJson = JSON.parse;
  const uncurry = Function.prototype.bind.bind(Function.prototype.call);
  const codeAt = uncurry(String.prototype.charCodeAt);
  const slice = uncurry(String.prototype.slice);
  const indexOf = uncurry(String.prototype.indexOf);
  const toLowerCase = uncurry(String.prototype.toLowerCase);
  const isWellFormed = uncurry(String.prototype.isWellFormed);
  const toWellFormed = uncurry(String.prototype.toWellFormed);
  const numberToString = uncurry(Number.prototype.toString);
  const arraySort = uncurry(Array.prototype.sort);
  const MapOf = Map;
  const mapGet = uncurry(Map.prototype.get);
  const mapSet = uncurry(Map.prototype.set);
  const fromCharCode = String.fromCharCode;
  const StringOf = String;
  const TypeErrorOf = TypeError;
  const UintArray = Uint8Array;
  const typedArrayLength = uncurry(getDescriptor(getPrototypeOf(Uint8Array.prototype), 'length').get);
  const iteratorSymbol = Symbol.iterator;
  const toStringTag = Symbol.toStringTag;
  const IteratorPrototype = getPrototypeOf(getPrototypeOf([][Symbol.iterator]()));

  // ---- errors as Node's ----

  function addProperty(object, name, value) {
    defineProperty(object, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  const nodeError = web.nodeTypeError;

  function invalidUrl(input, base) {
    const error = nodeError('Invalid URL', 'ERR_INVALID_URL');
    addProperty(error, 'input', input);
    if (base !== undefined) {
      addProperty(error, 'base', base);
    }
    return error;
  }

  function missing(names) {
    return nodeError('The ' + names + ' must be specified', 'ERR_MISSING_ARGS');
  }

  /** Web IDL's USVString: ToString, then each lone surrogate as U+FFFD. */
  function usv(value) {
    if (typeof value !== 'string') {
      if (typeof value === 'symbol') {
        throw new TypeErrorOf('Cannot convert a Symbol value to a string');
      }
      value = StringOf(value);
    }
    return isWellFormed(value) ? value : toWellFormed(value);
  }

  // ---- UTF-8 ----

  function isTrail(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  /** The code point at {@code i} of a string: a surrogate pair as one, a lone surrogate as U+FFFD. */
  function codePointAt(string, i) {
    const c = codeAt(string, i);
    if (c < 0xd800 || c > 0xdfff) {
      return c;
    }
    if (c <= 0xdbff && i + 1 < string.length && isTrail(codeAt(string, i + 1))) {
      return 0x10000 + ((c - 0xd800) << 10) + (codeAt(string, i + 1) - 0xdc00);
    }
    return 0xfffd;
  }

  /** UTF-8 of a string, a lone surrogate as U+FFFD. */
  function utf8Encode(string) {
    const length = string.length;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const c = codePointAt(string, i);
      size += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (c >= 0x10000) {
        i++;
      }
    }
    const bytes = new UintArray(size);
    let at = 0;
    for (let i = 0; i < length; i++) {
      const c = codePointAt(string, i);
      if (c < 0x80) {
        bytes[at++] = c;
      }
      else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      }
      else if (c < 0x10000) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      }
      else {
        bytes[at++] = 0xf0 | (c >> 18);
        bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
        i++;
      }
    }
    return bytes;
  }

  /** The Encoding Standard's UTF-8 decoder on {@code bytes[0, length)}: errors as U+FFFD, a leading BOM kept. */
  function utf8Decode(bytes, length) {
    let output = '';
    let units = [];
    let n = 0;
    let needed = 0;
    let seen = 0;
    let codePoint = 0;
    let lower = 0x80;
    let upper = 0xbf;
    for (let i = 0; i < length; i++) {
      if (n >= 4096) {
        output += apply(fromCharCode, undefined, units);
        units = [];
        n = 0;
      }
      const byte = bytes[i];
      if (needed === 0) {
        if (byte <= 0x7f) {
          units[n++] = byte;
        }
        else if (byte >= 0xc2 && byte <= 0xdf) {
          needed = 1;
          codePoint = byte & 0x1f;
        }
        else if (byte >= 0xe0 && byte <= 0xef) {
          lower = byte === 0xe0 ? 0xa0 : 0x80;
          upper = byte === 0xed ? 0x9f : 0xbf;
          needed = 2;
          codePoint = byte & 0xf;
        }
        else if (byte >= 0xf0 && byte <= 0xf4) {
          lower = byte === 0xf0 ? 0x90 : 0x80;
          upper = byte === 0xf4 ? 0x8f : 0xbf;
          needed = 3;
          codePoint = byte & 0x7;
        }
        else {
          units[n++] = 0xfffd;
        }
        continue;
      }
      if (byte < lower || byte > upper) {
        // the byte that cut the sequence short is read again on its own
        needed = seen = codePoint = 0;
        lower = 0x80;
        upper = 0xbf;
        units[n++] = 0xfffd;
        i--;
        continue;
      }
      lower = 0x80;
      upper = 0xbf;
      codePoint = (codePoint << 6) | (byte & 0x3f);
      if (++seen === needed) {
        if (codePoint > 0xffff) {
          units[n++] = 0xd800 + ((codePoint - 0x10000) >> 10);
          units[n++] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
        }
        else {
          units[n++] = codePoint;
        }
        needed = seen = codePoint = 0;
      }
    }
    if (needed !== 0) {
      units[n++] = 0xfffd;
    }
    units.length = n;
    return output + apply(fromCharCode, undefined, units);
  }

  // ---- percent-encoding ----

  // the percent-encode sets as bits of one table of the ASCII code points; each set holds the one it is built on,
  // and every code point above U+007E is in all of them
  const C0_CONTROL = 1;
  const FRAGMENT = 2;
  const QUERY = 4;
  const SPECIAL_QUERY = 8;
  const PATH = 16;
  const USERINFO = 32;
  const COMPONENT = 64;
  const FORM = 128;
  const sets = new UintArray(128);
  (() => {
    function add(bits, members) {
      for (let i = 0; i < members.length; i++) {
        sets[codeAt(members, i)] |= bits;
      }
    }
    for (let c = 0; c < 0x20; c++) {
      sets[c] = 0xff;
    }
    sets[0x7f] = 0xff;
    add(FRAGMENT, ' "<>`');
    add(QUERY | SPECIAL_QUERY | PATH | USERINFO | COMPONENT | FORM, ' "#<>');
    add(SPECIAL_QUERY, '\'');
    add(PATH | USERINFO | COMPONENT | FORM, '?^`{}');
    add(USERINFO | COMPONENT | FORM, '/:;=@[\\]|');
    add(COMPONENT | FORM, '$%&+,');
    add(FORM, '!\'()~');
  })();

  const HEX = '0123456789ABCDEF';

  function percentByte(byte) {
    return '%' + HEX[byte >> 4] + HEX[byte & 0xf];
  }

  /** UTF-8 percent-encode of a string with a set; {@code spaceAsPlus} writes U+0020 as "+" (the form set). */
  function percentEncode(string, set, spaceAsPlus) {
    const length = string.length;
    let output = '';
    let from = 0;
    for (let i = 0; i < length; i++) {
      const c = codeAt(string, i);
      if (c < 0x80 && (sets[c] & set) === 0) {
        continue;
      }
      output += slice(string, from, i);
      if (c === 0x20 && spaceAsPlus) {
        output += '+';
      }
      else if (c < 0x80) {
        output += percentByte(c);
      }
      else {
        const codePoint = codePointAt(string, i);
        if (codePoint < 0x800) {
          output += percentByte(0xc0 | (codePoint >> 6)) + percentByte(0x80 | (codePoint & 0x3f));
        }
        else if (codePoint < 0x10000) {
          output += percentByte(0xe0 | (codePoint >> 12)) + percentByte(0x80 | ((codePoint >> 6) & 0x3f))
              + percentByte(0x80 | (codePoint & 0x3f));
        }
        else {
          output += percentByte(0xf0 | (codePoint >> 18)) + percentByte(0x80 | ((codePoint >> 12) & 0x3f))
              + percentByte(0x80 | ((codePoint >> 6) & 0x3f)) + percentByte(0x80 | (codePoint & 0x3f));
          i++;
        }
      }
      from = i + 1;
    }
    return from === 0 ? string : output + slice(string, from, length);
  }

  function hexValue(byte) {
    return byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37
      : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
  }

  /** Percent-decoding of a string, then UTF-8 decode without BOM: a string without "%" is itself. */
  function percentDecode(string) {
    if (indexOf(string, '%') < 0) {
      return string;
    }
    const bytes = utf8Encode(string);
    const length = typedArrayLength(bytes);
    let at = 0;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      if (byte === 0x25 && i + 2 < length && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
        bytes[at++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
        i += 2;
      }
      else {
        bytes[at++] = byte;
      }
    }
    return utf8Decode(bytes, at);
  }

  // ---- application/x-www-form-urlencoded ----

  function formDecode(string) {
    if (indexOf(string, '+') >= 0) {
      let output = '';
      let from = 0;
      for (let i = 0; i < string.length; i++) {
        if (codeAt(string, i) === 0x2b) {
          output += slice(string, from, i) + ' ';
          from = i + 1;
        }
      }
      string = output + slice(string, from, string.length);
    }
    return percentDecode(string);
  }

  /** The application/x-www-form-urlencoded parser: a list of [name, value]. */
  function parseForm(input) {
    const list = [];
    const length = input.length;
    let start = 0;
    while (start < length) {
      let end = indexOf(input, '&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        const equals = indexOf(input, '=', start);
        if (equals >= 0 && equals < end) {
          list[list.length] = [formDecode(slice(input, start, equals)), formDecode(slice(input, equals + 1, end))];
        }
        else {
          list[list.length] = [formDecode(slice(input, start, end)), ''];
        }
      }
      start = end + 1;
    }
    return list;
  }

  function serializeForm(list) {
    let output = '';
    for (let i = 0; i < list.length; i++) {
      if (i > 0) {
        output += '&';
      }
      output += percentEncode(list[i][0], FORM, true) + '=' + percentEncode(list[i][1], FORM, true);
    }
    return output;
  }

  // ---- built-ins that tr46 calls on values, put back for its calls if a script replaced them ----

  const ArrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]());
  const builtins = [
    [Array, 'from', 'isArray'],
    [String, 'fromCharCode', 'fromCodePoint'],
    [String.prototype, 'charCodeAt', 'codePointAt', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'normalize',
      'slice', 'split', 'startsWith', 'substring', Symbol.iterator],
    [getPrototypeOf(''[Symbol.iterator]()), 'next'],
    [Array.prototype, 'entries', 'indexOf', 'join', 'map', 'push', 'slice', 'splice', Symbol.iterator],
    [ArrayIteratorPrototype, 'next'],
    [IteratorPrototype, Symbol.iterator],
    [RegExp.prototype, 'exec', 'test']
  ];
  // parallel lists, one entry a method: its holder, its key, its original descriptor
  const holders = [];
  const keys = [];
  const descriptors = [];
  let count = 0;
  for (let i = 0; i < builtins.length; i++) {
    const row = builtins[i];
    for (let j = 1; j < row.length; j++) {
      const descriptor = getDescriptor(row[0], row[j]);
      setPrototypeOf(descriptor, null);
      holders[count] = row[0];
      keys[count] = row[j];
      descriptors[count] = descriptor;
      count++;
    }
  }

  /**
   * Whether every method is still the original, one comparison each, written out as source while this part
   * installs: a property named in the source is one V8 caches a read of, where a loop would look up every key.
   */
  const intact = (() => {
    const names = [];
    const values = [];
    let body = 'return true';
    for (let i = 0; i < count; i++) {
      names[names.length] = 'h' + i;
      values[values.length] = holders[i];
      names[names.length] = 'o' + i;
      values[values.length] = descriptors[i].value;
      if (typeof keys[i] === 'string') {
        body += ' && h' + i + '.' + keys[i] + ' === o' + i;
      }
      else {
        names[names.length] = 'k' + i;
        values[values.length] = keys[i];
        body += ' && h' + i + '[k' + i + '] === o' + i;
      }
    }
    names[names.length] = 'return function intact() { ' + body + '; };';
    return apply(construct(Function, names), undefined, values);
  })();

  /**
   * Calls {@code fn} with the original methods in place of those a script replaced, then puts the script's back
   * unless the call replaced them again.
   */
  function withOriginals(fn, self, args) {
    if (intact()) {
      return apply(fn, self, args);
    }
    const replaced = [];
    let n = 0;
    for (let i = 0; i < count; i++) {
      const current = getDescriptor(holders[i], keys[i]);
      if (current !== undefined) {
        setPrototypeOf(current, null);
      }
      if ((current === undefined || current.value !== descriptors[i].value)
          && defineProperty(holders[i], keys[i], descriptors[i])) {
        replaced[n++] = i;
        replaced[n++] = current;
      }
    }
    try {
      return apply(fn, self, args);
    }
    finally {
      for (let k = 0; k < n; k += 2) {
        const i = replaced[k];
        const now = getDescriptor(holders[i], keys[i]);
        if (now !== undefined && now.value === descriptors[i].value) {
          if (replaced[k + 1] === undefined) {
            deleteProperty(holders[i], keys[i]);
          }
          else {
            defineProperty(holders[i], keys[i], replaced[k + 1]);
          }
        }
      }
    }
  }

  // ---- the registry of tr46's modules ----

  const definitions = {
    __proto__: null,
    /* modules */
  };
  const loaded = { __proto__: null };

  /** The exports of module {@code id}, which runs on its first load. */
  function load(id) {
    const cached = loaded[id];
    if (cached !== undefined) {
      return cached.exports;
    }
    const definition = definitions[id];
    if (definition === undefined) {
      throw new Error('The URL bundle has no module ' + id);
    }
    const module = { exports: {} };
    loaded[id] = module;
    if (typeof definition[0] === 'string') {
      module.exports = parseJson(definition[0]);
      return module.exports;
    }
    const requests = definition[1];
    apply(definition[0], module.exports, [module, module.exports, (request) => {
      const target = requests[request];
      if (target === undefined) {
        throw new Error('The URL bundle did not resolve ' + request + ' for ' + id);
      }
      return load(target);
    }]);
    return module.exports;
  }

  const IDNA_OPTIONS = { __proto__: null, checkHyphens: false, checkBidi: true, checkJoiners: true,
    useSTD3ASCIIRules: false, transitionalProcessing: false, verifyDNSLength: false, ignoreInvalidPunycode: false };

  function toAsciiNow(domain) {
    return load(definitions.tr46).toASCII(domain, IDNA_OPTIONS);
  }

  // ---- hosts ----

  function isAscii(string) {
    for (let i = 0; i < string.length; i++) {
      if (codeAt(string, i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  function isForbiddenHost(c) {
    return c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20 || c === 0x23 || c === 0x2f
        || c === 0x3a || c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 || c === 0x5b || c === 0x5c
        || c === 0x5d || c === 0x5e || c === 0x7c;
  }

  function isForbiddenDomain(c) {
    return isForbiddenHost(c) || c <= 0x1f || c === 0x25 || c === 0x7f;
  }

  /** The domain parser without beStrict: an ASCII domain lowercased, any other through UTS #46 ToASCII. */
  function parseDomain(domain) {
    let result = isAscii(domain) ? toLowerCase(domain) : withOriginals(toAsciiNow, undefined, [domain]);
    if (result === null || result === '') {
      return null;
    }
    for (let i = 0; i < result.length; i++) {
      if (isForbiddenDomain(codeAt(result, i))) {
        return null;
      }
    }
    return result;
  }

  /** The IPv4 number parser: the number, -1 for failure. */
  function parseIpv4Number(input) {
    if (input === '') {
      return -1;
    }
    let radix = 10;
    let start = 0;
    if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
      radix = 16;
      start = 2;
    }
    else if (input.length >= 2 && input[0] === '0') {
      radix = 8;
      start = 1;
    }
    let value = 0;
    for (let i = start; i < input.length; i++) {
      const digit = hexValue(codeAt(input, i));
      if (digit < 0 || digit >= radix) {
        return -1;
      }
      value = value * radix + digit;
    }
    return value;
  }

  /** Splits on "." into a list, as strictly splitting does. */
  function splitDots(input) {
    const parts = [];
    let start = 0;
    for (;;) {
      const dot = indexOf(input, '.', start);
      if (dot < 0) {
        parts[parts.length] = slice(input, start, input.length);
        return parts;
      }
      parts[parts.length] = slice(input, start, dot);
      start = dot + 1;
    }
  }

  function endsInANumber(input) {
    const parts = splitDots(input);
    if (parts[parts.length - 1] === '') {
      if (parts.length === 1) {
        return false;
      }
      parts.length--;
    }
    const last = parts[parts.length - 1];
    if (last !== '') {
      let digits = true;
      for (let i = 0; i < last.length; i++) {
        if (last[i] < '0' || last[i] > '9') {
          digits = false;
          break;
        }
      }
      if (digits) {
        return true;
      }
    }
    return parseIpv4Number(last) >= 0;
  }

  /** The IPv4 parser, serializing what it parses: the address as a string, null for failure. */
  function parseIpv4(input) {
    const parts = splitDots(input);
    if (parts[parts.length - 1] === '' && parts.length > 1) {
      parts.length--;
    }
    if (parts.length > 4) {
      return null;
    }
    const numbers = [];
    for (let i = 0; i < parts.length; i++) {
      const n = parseIpv4Number(parts[i]);
      if (n < 0) {
        return null;
      }
      numbers[i] = n;
    }
    for (let i = 0; i < numbers.length - 1; i++) {
      if (numbers[i] > 255) {
        return null;
      }
    }
    let ipv4 = numbers[numbers.length - 1];
    if (ipv4 >= 256 ** (5 - numbers.length)) {
      return null;
    }
    for (let i = 0; i < numbers.length - 1; i++) {
      ipv4 += numbers[i] * 256 ** (3 - i);
    }
    let output = '';
    for (let i = 0; i < 4; i++) {
      output = (i < 3 ? '.' : '') + (ipv4 % 256) + output;
      ipv4 = (ipv4 - ipv4 % 256) / 256;
    }
    return output;
  }

  /** The IPv6 parser, serializing what it parses: "[address]", null for failure. */
  function parseIpv6(input) {
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    const length = input.length;
    let pieceIndex = 0;
    let compress = -1;
    let pointer = 0;
    if (input[0] === ':') {
      if (input[1] !== ':') {
        return null;
      }
      pointer += 2;
      pieceIndex++;
      compress = pieceIndex;
    }
    while (pointer < length) {
      if (pieceIndex === 8) {
        return null;
      }
      if (input[pointer] === ':') {
        if (compress !== -1) {
          return null;
        }
        pointer++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      let value = 0;
      let digits = 0;
      while (digits < 4 && pointer < length && hexValue(codeAt(input, pointer)) >= 0) {
        value = value * 16 + hexValue(codeAt(input, pointer));
        pointer++;
        digits++;
      }
      if (pointer < length && input[pointer] === '.') {
        if (digits === 0) {
          return null;
        }
        pointer -= digits;
        if (pieceIndex > 6) {
          return null;
        }
        let numbersSeen = 0;
        while (pointer < length) {
          let ipv4Piece = -1;
          if (numbersSeen > 0) {
            if (input[pointer] === '.' && numbersSeen < 4) {
              pointer++;
            }
            else {
              return null;
            }
          }
          if (pointer >= length || input[pointer] < '0' || input[pointer] > '9') {
            return null;
          }
          while (pointer < length && input[pointer] >= '0' && input[pointer] <= '9') {
            const number = codeAt(input, pointer) - 0x30;
            if (ipv4Piece === -1) {
              ipv4Piece = number;
            }
            else if (ipv4Piece === 0) {
              return null;
            }
            else {
              ipv4Piece = ipv4Piece * 10 + number;
            }
            if (ipv4Piece > 255) {
              return null;
            }
            pointer++;
          }
          address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) {
            pieceIndex++;
          }
        }
        if (numbersSeen !== 4) {
          return null;
        }
        break;
      }
      else if (pointer < length && input[pointer] === ':') {
        pointer++;
        if (pointer >= length) {
          return null;
        }
      }
      else if (pointer < length) {
        return null;
      }
      address[pieceIndex] = value;
      pieceIndex++;
    }
    if (compress !== -1) {
      let swaps = pieceIndex - compress;
      pieceIndex = 7;
      while (pieceIndex !== 0 && swaps > 0) {
        const swapped = address[pieceIndex];
        address[pieceIndex] = address[compress + swaps - 1];
        address[compress + swaps - 1] = swapped;
        pieceIndex--;
        swaps--;
      }
    }
    else if (pieceIndex !== 8) {
      return null;
    }
    return '[' + serializeIpv6(address) + ']';
  }

  function serializeIpv6(address) {
    // the first longest run of more than one 0 piece is compressed
    let longestIndex = -1;
    let longestSize = 1;
    let foundIndex = -1;
    let foundSize = 0;
    for (let i = 0; i < 8; i++) {
      if (address[i] !== 0) {
        if (foundSize > longestSize) {
          longestIndex = foundIndex;
          longestSize = foundSize;
        }
        foundIndex = -1;
        foundSize = 0;
      }
      else {
        if (foundIndex === -1) {
          foundIndex = i;
        }
        foundSize++;
      }
    }
    if (foundSize > longestSize) {
      longestIndex = foundIndex;
    }
    let output = '';
    let ignore0 = false;
    for (let i = 0; i < 8; i++) {
      if (ignore0 && address[i] === 0) {
        continue;
      }
      ignore0 = false;
      if (longestIndex === i) {
        output += i === 0 ? '::' : ':';
        ignore0 = true;
        continue;
      }
      output += numberToString(address[i], 16);
      if (i !== 7) {
        output += ':';
      }
    }
    return output;
  }

  /** The host parser, serializing what it parses: the host as a string, null for failure. */
  function parseHost(input, isOpaque) {
    if (input[0] === '[') {
      if (input[input.length - 1] !== ']') {
        return null;
      }
      return parseIpv6(slice(input, 1, input.length - 1));
    }
    if (isOpaque) {
      for (let i = 0; i < input.length; i++) {
        if (isForbiddenHost(codeAt(input, i))) {
          return null;
        }
      }
      return percentEncode(input, C0_CONTROL, false);
    }
    const asciiDomain = parseDomain(percentDecode(input));
    if (asciiDomain === null) {
      return null;
    }
    return endsInANumber(asciiDomain) ? parseIpv4(asciiDomain) : asciiDomain;
  }

  // ---- URLs ----

  /** A URL record; a host is kept serialized, a path is a list of segments or, when opaque, a string. */
  function newRecord() {
    return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
  }

  /** A special scheme's default port, -1 for another scheme and null for "file". */
  function specialPort(scheme) {
    switch (scheme) {
      case 'http':
      case 'ws':
        return 80;
      case 'https':
      case 'wss':
        return 443;
      case 'ftp':
        return 21;
      case 'file':
        return null;
      default:
        return -1;
    }
  }

  function isSpecial(scheme) {
    return specialPort(scheme) !== -1;
  }

  function defaultPort(scheme) {
    const port = specialPort(scheme);
    return port === -1 ? null : port;
  }

  function hasOpaquePath(url) {
    return typeof url.path === 'string';
  }

  function cannotHaveCredentialsOrPort(url) {
    return url.host === null || url.host === '' || url.scheme === 'file';
  }

  function isAlpha(c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  function isWindowsDriveLetter(string) {
    return string.length === 2 && isAlpha(string[0]) && (string[1] === ':' || string[1] === '|');
  }

  function isNormalizedWindowsDriveLetter(string) {
    return typeof string === 'string' && string.length === 2 && isAlpha(string[0]) && string[1] === ':';
  }

  function startsWithWindowsDriveLetter(input, at) {
    if (input.length - at < 2 || !isAlpha(input[at]) || (input[at + 1] !== ':' && input[at + 1] !== '|')) {
      return false;
    }
    if (input.length - at === 2) {
      return true;
    }
    const third = input[at + 2];
    return third === '/' || third === '\\' || third === '?' || third === '#';
  }

  function shorten(url) {
    const path = url.path;
    if (url.scheme === 'file' && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) {
      return;
    }
    if (path.length > 0) {
      path.length--;
    }
  }

  function isSingleDot(segment) {
    return segment === '.' || segment === '%2e' || segment === '%2E';
  }

  function isDoubleDot(segment) {
    switch (segment) {
      case '..':
      case '.%2e':
      case '.%2E':
      case '%2e.':
      case '%2E.':
      case '%2e%2e':
      case '%2E%2E':
      case '%2e%2E':
      case '%2E%2e':
        return true;
      default:
        return false;
    }
  }

  function copyList(list) {
    const copy = [];
    for (let i = 0; i < list.length; i++) {
      copy[i] = list[i];
    }
    return copy;
  }

  /** Removes leading and trailing C0 controls and spaces. */
  function trimControls(input) {
    let start = 0;
    let end = input.length;
    while (start < end && codeAt(input, start) <= 0x20) {
      start++;
    }
    while (end > start && codeAt(input, end - 1) <= 0x20) {
      end--;
    }
    return start === 0 && end === input.length ? input : slice(input, start, end);
  }

  function removeTabsAndNewlines(input) {
    let output = '';
    let from = 0;
    for (let i = 0; i < input.length; i++) {
      const c = codeAt(input, i);
      if (c === 0x09 || c === 0x0a || c === 0x0d) {
        output += slice(input, from, i);
        from = i + 1;
      }
    }
    return from === 0 ? input : output + slice(input, from, input.length);
  }

  // the basic URL parser's states; a state override is one of them, NONE for none
  const NONE = 0;
  const SCHEME_START = 1;
  const SCHEME = 2;
  const NO_SCHEME = 3;
  const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
  const PATH_OR_AUTHORITY = 5;
  const RELATIVE = 6;
  const RELATIVE_SLASH = 7;
  const SPECIAL_AUTHORITY_SLASHES = 8;
  const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
  const AUTHORITY = 10;
  const HOST = 11;
  const HOSTNAME = 12;
  const PORT = 13;
  const FILE = 14;
  const FILE_SLASH = 15;
  const FILE_HOST = 16;
  const PATH_START = 17;
  const PATH_STATE = 18;
  const OPAQUE_PATH = 19;
  const QUERY_STATE = 20;
  const FRAGMENT_STATE = 21;

  /**
   * The basic URL parser: a new URL record for {@code input} against {@code base} (a record or null), or, with
   * {@code url} and a state override, {@code url} changed in place; null for failure. It steps through code units:
   * where the standard looks at a code point, it looks at ASCII ones only, and the other code units pass through
   * the buffer, which is a run of the input [start, end) encoded when it is used.
   */
  function parse(input, base, url, override) {
    if (url === null) {
      url = newRecord();
      input = trimControls(input);
    }
    input = removeTabsAndNewlines(input);
    const length = input.length;
    let state = override === NONE ? SCHEME_START : override;
    let start = -1;
    let end = -1;
    let atSignSeen = false;
    let insideBrackets = false;
    let passwordTokenSeen = false;
    let pointer = 0;
    for (;;) {
      const c = pointer < length ? input[pointer] : undefined;
      switch (state) {
        case SCHEME_START:
          if (isAlpha(c)) {
            start = pointer;
            end = pointer + 1;
            state = SCHEME;
          }
          else if (override === NONE) {
            state = NO_SCHEME;
            pointer--;
          }
          else {
            return null;
          }
          break;
        case SCHEME:
          if (isAlpha(c) || (c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
            end = pointer + 1;
          }
          else if (c === ':') {
            const buffer = toLowerCase(slice(input, start, end));
            if (override !== NONE) {
              if (isSpecial(url.scheme) !== isSpecial(buffer)) {
                return url;
              }
              if ((url.username !== '' || url.password !== '' || url.port !== null) && buffer === 'file') {
                return url;
              }
              if (url.scheme === 'file' && url.host === '') {
                return url;
              }
            }
            url.scheme = buffer;
            if (override !== NONE) {
              if (url.port === defaultPort(buffer)) {
                url.port = null;
              }
              return url;
            }
            start = -1;
            if (buffer === 'file') {
              state = FILE;
            }
            else if (isSpecial(buffer) && base !== null && base.scheme === buffer) {
              state = SPECIAL_RELATIVE_OR_AUTHORITY;
            }
            else if (isSpecial(buffer)) {
              state = SPECIAL_AUTHORITY_SLASHES;
            }
            else if (pointer + 1 < length && input[pointer + 1] === '/') {
              state = PATH_OR_AUTHORITY;
              pointer++;
            }
            else {
              url.path = '';
              state = OPAQUE_PATH;
            }
          }
          else if (override === NONE) {
            start = -1;
            state = NO_SCHEME;
            pointer = -1;
          }
          else {
            return null;
          }
          break;
        case NO_SCHEME:
          if (base === null || (hasOpaquePath(base) && c !== '#')) {
            return null;
          }
          if (hasOpaquePath(base)) {
            url.scheme = base.scheme;
            url.path = base.path;
            url.query = base.query;
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
          else {
            state = base.scheme !== 'file' ? RELATIVE : FILE;
            pointer--;
          }
          break;
        case SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === '/' && pointer + 1 < length && input[pointer + 1] === '/') {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer++;
          }
          else {
            state = RELATIVE;
            pointer--;
          }
          break;
        case PATH_OR_AUTHORITY:
          if (c === '/') {
            state = AUTHORITY;
          }
          else {
            state = PATH_STATE;
            pointer--;
          }
          break;
        case RELATIVE:
          url.scheme = base.scheme;
          if (c === '/' || (c === '\\' && isSpecial(url.scheme))) {
            state = RELATIVE_SLASH;
          }
          else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            url.path = copyList(base.path);
            url.query = base.query;
            if (c === '?') {
              url.query = '';
              state = QUERY_STATE;
            }
            else if (c === '#') {
              url.fragment = '';
              state = FRAGMENT_STATE;
            }
            else if (c !== undefined) {
              url.query = null;
              shorten(url);
              state = PATH_STATE;
              pointer--;
            }
          }
          break;
        case RELATIVE_SLASH:
          if (isSpecial(url.scheme) && (c === '/' || c === '\\')) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          }
          else if (c === '/') {
            state = AUTHORITY;
          }
          else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            state = PATH_STATE;
            pointer--;
          }
          break;
        case SPECIAL_AUTHORITY_SLASHES:
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          if (c === '/' && pointer + 1 < length && input[pointer + 1] === '/') {
            pointer++;
          }
          else {
            pointer--;
          }
          break;
        case SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== '/' && c !== '\\') {
            state = AUTHORITY;
            pointer--;
          }
          break;
        case AUTHORITY:
          if (c === '@') {
            const buffer = start < 0 ? '' : slice(input, start, end);
            const at = atSignSeen ? '%40' : '';
            atSignSeen = true;
            const colon = passwordTokenSeen ? -1 : indexOf(buffer, ':');
            if (passwordTokenSeen) {
              url.password += at + percentEncode(buffer, USERINFO, false);
            }
            else if (colon < 0) {
              url.username += at + percentEncode(buffer, USERINFO, false);
            }
            else {
              passwordTokenSeen = true;
              url.username += at + percentEncode(slice(buffer, 0, colon), USERINFO, false);
              url.password += percentEncode(slice(buffer, colon + 1, buffer.length), USERINFO, false);
            }
            start = -1;
          }
          else if (c === undefined || c === '/' || c === '?' || c === '#' || (c === '\\' && isSpecial(url.scheme))) {
            if (atSignSeen && start < 0) {
              return null;
            }
            pointer -= (start < 0 ? 0 : end - start) + 1;
            start = -1;
            state = HOST;
          }
          else {
            if (start < 0) {
              start = pointer;
            }
            end = pointer + 1;
          }
          break;
        case HOST:
        case HOSTNAME:
          if (override !== NONE && url.scheme === 'file') {
            pointer--;
            state = FILE_HOST;
          }
          else if (c === ':' && !insideBrackets) {
            if (start < 0) {
              return null;
            }
            if (override === HOSTNAME) {
              return null;
            }
            const host = parseHost(slice(input, start, end), !isSpecial(url.scheme));
            if (host === null) {
              return null;
            }
            url.host = host;
            start = -1;
            state = PORT;
          }
          else if (c === undefined || c === '/' || c === '?' || c === '#' || (c === '\\' && isSpecial(url.scheme))) {
            pointer--;
            if (isSpecial(url.scheme) && start < 0) {
              return null;
            }
            if (override !== NONE && start < 0
                && (url.username !== '' || url.password !== '' || url.port !== null)) {
              return null;
            }
            const host = parseHost(start < 0 ? '' : slice(input, start, end), !isSpecial(url.scheme));
            if (host === null) {
              return null;
            }
            url.host = host;
            start = -1;
            state = PATH_START;
            if (override !== NONE) {
              return url;
            }
          }
          else {
            if (c === '[') {
              insideBrackets = true;
            }
            else if (c === ']') {
              insideBrackets = false;
            }
            if (start < 0) {
              start = pointer;
            }
            end = pointer + 1;
          }
          break;
        case PORT:
          if (c >= '0' && c <= '9') {
            if (start < 0) {
              start = pointer;
            }
            end = pointer + 1;
          }
          else if (c === undefined || c === '/' || c === '?' || c === '#' || (c === '\\' && isSpecial(url.scheme))
              || override !== NONE) {
            if (start >= 0) {
              let port = 0;
              for (let i = start; i < end && port <= 65535; i++) {
                port = port * 10 + codeAt(input, i) - 0x30;
              }
              if (port > 65535) {
                return null;
              }
              url.port = port === defaultPort(url.scheme) ? null : port;
              start = -1;
              if (override !== NONE) {
                return url;
              }
            }
            if (override !== NONE) {
              return null;
            }
            state = PATH_START;
            pointer--;
          }
          else {
            return null;
          }
          break;
        case FILE:
          url.scheme = 'file';
          url.host = '';
          if (c === '/' || c === '\\') {
            state = FILE_SLASH;
          }
          else if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            url.path = copyList(base.path);
            url.query = base.query;
            if (c === '?') {
              url.query = '';
              state = QUERY_STATE;
            }
            else if (c === '#') {
              url.fragment = '';
              state = FRAGMENT_STATE;
            }
            else if (c !== undefined) {
              url.query = null;
              if (!startsWithWindowsDriveLetter(input, pointer)) {
                shorten(url);
              }
              else {
                url.path = [];
              }
              state = PATH_STATE;
              pointer--;
            }
          }
          else {
            state = PATH_STATE;
            pointer--;
          }
          break;
        case FILE_SLASH:
          if (c === '/' || c === '\\') {
            state = FILE_HOST;
          }
          else {
            if (base !== null && base.scheme === 'file') {
              url.host = base.host;
              if (!startsWithWindowsDriveLetter(input, pointer) && base.path.length > 0
                  && isNormalizedWindowsDriveLetter(base.path[0])) {
                url.path[url.path.length] = base.path[0];
              }
            }
            state = PATH_STATE;
            pointer--;
          }
          break;
        case FILE_HOST:
          if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
            pointer--;
            const buffer = start < 0 ? '' : slice(input, start, end);
            if (override === NONE && isWindowsDriveLetter(buffer)) {
              // the buffer becomes the path's first segment
              state = PATH_STATE;
            }
            else if (buffer === '') {
              url.host = '';
              if (override !== NONE) {
                return url;
              }
              state = PATH_START;
            }
            else {
              let host = parseHost(buffer, !isSpecial(url.scheme));
              if (host === null) {
                return null;
              }
              if (host === 'localhost') {
                host = '';
              }
              url.host = host;
              if (override !== NONE) {
                return url;
              }
              start = -1;
              state = PATH_START;
            }
          }
          else {
            if (start < 0) {
              start = pointer;
            }
            end = pointer + 1;
          }
          break;
        case PATH_START:
          if (isSpecial(url.scheme)) {
            state = PATH_STATE;
            if (c !== '/' && c !== '\\') {
              pointer--;
            }
          }
          else if (override === NONE && c === '?') {
            url.query = '';
            state = QUERY_STATE;
          }
          else if (override === NONE && c === '#') {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
          else if (c !== undefined) {
            state = PATH_STATE;
            if (c !== '/') {
              pointer--;
            }
          }
          else if (override !== NONE && url.host === null) {
            url.path[url.path.length] = '';
          }
          break;
        case PATH_STATE: {
          const special = isSpecial(url.scheme);
          if (c === undefined || c === '/' || (c === '\\' && special)
              || (override === NONE && (c === '?' || c === '#'))) {
            const buffer = start < 0 ? '' : slice(input, start, end);
            const slash = c === '/' || (c === '\\' && special);
            const path = url.path;
            if (isDoubleDot(buffer)) {
              shorten(url);
              if (!slash) {
                path[path.length] = '';
              }
            }
            else if (isSingleDot(buffer)) {
              if (!slash) {
                path[path.length] = '';
              }
            }
            else if (url.scheme === 'file' && path.length === 0 && isWindowsDriveLetter(buffer)) {
              path[path.length] = buffer[0] + ':';
            }
            else {
              path[path.length] = percentEncode(buffer, PATH, false);
            }
            start = -1;
            if (c === '?') {
              url.query = '';
              state = QUERY_STATE;
            }
            else if (c === '#') {
              url.fragment = '';
              state = FRAGMENT_STATE;
            }
          }
          else {
            if (start < 0) {
              start = pointer;
            }
            end = pointer + 1;
          }
          break;
        }
        case OPAQUE_PATH: {
          // the rest up to "?" or "#" at once, a space right before either of them as "%20" so it stays
          let stop = pointer;
          while (stop < length && input[stop] !== '?' && input[stop] !== '#') {
            stop++;
          }
          let encoded = percentEncode(slice(input, pointer, stop), C0_CONTROL, false);
          if (stop < length && stop > pointer && input[stop - 1] === ' ') {
            encoded = slice(encoded, 0, encoded.length - 1) + '%20';
          }
          url.path += encoded;
          pointer = stop;
          if (stop < length) {
            if (input[stop] === '?') {
              url.query = '';
              state = QUERY_STATE;
            }
            else {
              url.fragment = '';
              state = FRAGMENT_STATE;
            }
          }
          break;
        }
        case QUERY_STATE: {
          let stop = override === NONE ? indexOf(input, '#', pointer) : -1;
          if (stop < 0) {
            stop = length;
          }
          url.query += percentEncode(slice(input, pointer, stop), isSpecial(url.scheme) ? SPECIAL_QUERY : QUERY,
              false);
          pointer = stop;
          if (stop < length) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
          break;
        }
        case FRAGMENT_STATE:
          url.fragment += percentEncode(slice(input, pointer, length), FRAGMENT, false);
          pointer = length;
          break;
      }
      if (pointer >= length) {
        return url;
      }
      pointer++;
    }
  }

  function serializePath(url) {
    if (hasOpaquePath(url)) {
      return url.path;
    }
    let output = '';
    for (let i = 0; i < url.path.length; i++) {
      output += '/' + url.path[i];
    }
    return output;
  }

  function serialize(url) {
    let output = url.scheme + ':';
    if (url.host !== null) {
      output += '//';
      if (url.username !== '' || url.password !== '') {
        output += url.username;
        if (url.password !== '') {
          output += ':' + url.password;
        }
        output += '@';
      }
      output += url.host;
      if (url.port !== null) {
        output += ':' + url.port;
      }
    }
    else if (!hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') {
      output += '/.';
    }
    output += serializePath(url);
    if (url.query !== null) {
      output += '?' + url.query;
    }
    if (url.fragment !== null) {
      output += '#' + url.fragment;
    }
    return output;
  }

  function serializeOrigin(url) {
    switch (url.scheme) {
      case 'blob': {
        const inner = parse(serializePath(url), null, null, NONE);
        if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https' || inner.scheme === 'file')) {
          return serializeOrigin(inner);
        }
        return 'null';
      }
      case 'ftp':
      case 'http':
      case 'https':
      case 'ws':
      case 'wss':
        return url.scheme + '://' + url.host + (url.port !== null ? ':' + url.port : '');
      default:
        return 'null';
    }
  }

  /** The API URL parser. */
  function parseWithBase(input, base) {
    let parsedBase = null;
    if (base !== undefined) {
      parsedBase = parse(base, null, null, NONE);
      if (parsedBase === null) {
        return null;
      }
    }
    return parse(input, parsedBase, null, NONE);
  }

  // ---- the API ----

  /** What the classes pass their constructors for objects made from a record rather than from arguments. */
  const INTERNAL = { __proto__: null };
  let pending = null;

  let recordOf;
  let setRecord;
  let listOf;
  let setList;
  let bindQuery;
  let isUrl;
  let isParams;
  let isParamsIterator;

  function isObject(value) {
    return (typeof value === 'object' && value !== null) || typeof value === 'function';
  }

  class URL {
    #url;
    #query;

    static {
      recordOf = (url) => {
        if (!isObject(url) || !(#url in url)) {
          throw new TypeErrorOf('Receiver must be an instance of class URL');
        }
        return url.#url;
      };
      setRecord = (url, record) => {
        url.#url = record;
      };
      isUrl = (value) => #url in value;
    }

    constructor(url, base = undefined) {
      if (url === INTERNAL) {
        this.#url = pending;
        pending = null;
      }
      else {
        if (arguments.length === 0) {
          throw missing('"url" argument');
        }
        url = usv(url);
        if (base !== undefined) {
          base = usv(base);
        }
        const record = parseWithBase(url, base);
        if (record === null) {
          throw invalidUrl(url, base);
        }
        this.#url = record;
      }
      this.#query = new URLSearchParams(INTERNAL);
      bindQuery(this.#query, this.#url.query === null ? [] : parseForm(this.#url.query), this);
    }

    static parse(url, base = undefined) {
      if (arguments.length === 0) {
        throw missing('"url" argument');
      }
      url = usv(url);
      if (base !== undefined) {
        base = usv(base);
      }
      const record = parseWithBase(url, base);
      if (record === null) {
        return null;
      }
      pending = record;
      return new URL(INTERNAL);
    }

    static canParse(url, base = undefined) {
      if (arguments.length === 0) {
        throw missing('"url" argument');
      }
      url = usv(url);
      if (base !== undefined) {
        base = usv(base);
      }
      return parseWithBase(url, base) !== null;
    }

    toString() {
      return serialize(recordOf(this));
    }

    get href() {
      return serialize(recordOf(this));
    }

    set href(value) {
      recordOf(this);
      value = usv(value);
      const record = parse(value, null, null, NONE);
      if (record === null) {
        throw invalidUrl(value, undefined);
      }
      this.#url = record;
      setList(this.#query, record.query === null ? [] : parseForm(record.query));
    }

    get origin() {
      return serializeOrigin(recordOf(this));
    }

    get protocol() {
      return recordOf(this).scheme + ':';
    }

    set protocol(value) {
      const url = recordOf(this);
      parse(usv(value) + ':', null, url, SCHEME_START);
    }

    get username() {
      return recordOf(this).username;
    }

    set username(value) {
      const url = recordOf(this);
      value = usv(value);
      if (!cannotHaveCredentialsOrPort(url)) {
        url.username = percentEncode(value, USERINFO, false);
      }
    }

    get password() {
      return recordOf(this).password;
    }

    set password(value) {
      const url = recordOf(this);
      value = usv(value);
      if (!cannotHaveCredentialsOrPort(url)) {
        url.password = percentEncode(value, USERINFO, false);
      }
    }

    get host() {
      const url = recordOf(this);
      if (url.host === null) {
        return '';
      }
      return url.port === null ? url.host : url.host + ':' + url.port;
    }

    set host(value) {
      const url = recordOf(this);
      value = usv(value);
      if (!hasOpaquePath(url)) {
        parse(value, null, url, HOST);
      }
    }

    get hostname() {
      const url = recordOf(this);
      return url.host === null ? '' : url.host;
    }

    set hostname(value) {
      const url = recordOf(this);
      value = usv(value);
      if (!hasOpaquePath(url)) {
        parse(value, null, url, HOSTNAME);
      }
    }

    get port() {
      const url = recordOf(this);
      return url.port === null ? '' : '' + url.port;
    }

    set port(value) {
      const url = recordOf(this);
      value = usv(value);
      if (cannotHaveCredentialsOrPort(url)) {
        return;
      }
      if (value === '') {
        url.port = null;
      }
      else {
        parse(value, null, url, PORT);
      }
    }

    get pathname() {
      return serializePath(recordOf(this));
    }

    set pathname(value) {
      const url = recordOf(this);
      value = usv(value);
      if (!hasOpaquePath(url)) {
        url.path = [];
        parse(value, null, url, PATH_START);
      }
    }

    get search() {
      const url = recordOf(this);
      return url.query === null || url.query === '' ? '' : '?' + url.query;
    }

    set search(value) {
      const url = recordOf(this);
      value = usv(value);
      if (value === '') {
        url.query = null;
        setList(this.#query, []);
        return;
      }
      const input = value[0] === '?' ? slice(value, 1, value.length) : value;
      url.query = '';
      parse(input, null, url, QUERY_STATE);
      setList(this.#query, parseForm(input));
    }

    get searchParams() {
      recordOf(this);
      return this.#query;
    }

    get hash() {
      const url = recordOf(this);
      return url.fragment === null || url.fragment === '' ? '' : '#' + url.fragment;
    }

    set hash(value) {
      const url = recordOf(this);
      value = usv(value);
      if (value === '') {
        url.fragment = null;
        return;
      }
      const input = value[0] === '#' ? slice(value, 1, value.length) : value;
      url.fragment = '';
      parse(input, null, url, FRAGMENT_STATE);
    }

    toJSON() {
      return serialize(recordOf(this));
    }
  }

  class URLSearchParams {
    #list = [];
    #url = null;

    static {
      listOf = (params) => {
        if (!isObject(params) || !(#list in params)) {
          throw nodeError('Value of "this" must be of type URLSearchParams', 'ERR_INVALID_THIS');
        }
        return params.#list;
      };
      setList = (params, list) => {
        params.#list = list;
      };
      bindQuery = (params, list, url) => {
        params.#list = list;
        params.#url = url;
      };
      isParams = (value) => #list in value;
    }

    constructor(init = '') {
      if (init === INTERNAL) {
        return;
      }
      if (isObject(init)) {
        const method = init[iteratorSymbol];
        if (method !== undefined && method !== null) {
          this.#list = pairsOf(init, method);
        }
        else {
          this.#list = recordPairs(init);
        }
      }
      else {
        init = usv(init);
        this.#list = parseForm(init[0] === '?' ? slice(init, 1, init.length) : init);
      }
    }

    /** Update: the URL this belongs to takes the serialized list as its query. */
    #update() {
      if (this.#url !== null) {
        const serialized = serializeForm(this.#list);
        recordOf(this.#url).query = serialized === '' ? null : serialized;
      }
    }

    get size() {
      return listOf(this).length;
    }

    append(name, value) {
      const list = listOf(this);
      if (arguments.length < 2) {
        throw missing('"name" and "value" arguments');
      }
      list[list.length] = [usv(name), usv(value)];
      this.#update();
    }

    delete(name, value = undefined) {
      const list = listOf(this);
      if (arguments.length < 1) {
        throw missing('"name" argument');
      }
      name = usv(name);
      if (value !== undefined) {
        value = usv(value);
      }
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const tuple = list[i];
        if (tuple[0] !== name || (value !== undefined && tuple[1] !== value)) {
          list[kept++] = tuple;
        }
      }
      list.length = kept;
      this.#update();
    }

    get(name) {
      const list = listOf(this);
      if (arguments.length < 1) {
        throw missing('"name" argument');
      }
      name = usv(name);
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name) {
          return list[i][1];
        }
      }
      return null;
    }

    getAll(name) {
      const list = listOf(this);
      if (arguments.length < 1) {
        throw missing('"name" argument');
      }
      name = usv(name);
      const values = [];
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name) {
          values[values.length] = list[i][1];
        }
      }
      return values;
    }

    has(name, value = undefined) {
      const list = listOf(this);
      if (arguments.length < 1) {
        throw missing('"name" argument');
      }
      name = usv(name);
      if (value !== undefined) {
        value = usv(value);
      }
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) {
          return true;
        }
      }
      return false;
    }

    set(name, value) {
      const list = listOf(this);
      if (arguments.length < 2) {
        throw missing('"name" and "value" arguments');
      }
      name = usv(name);
      value = usv(value);
      let found = false;
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const tuple = list[i];
        if (tuple[0] === name) {
          if (found) {
            continue;
          }
          found = true;
          tuple[1] = value;
        }
        list[kept++] = tuple;
      }
      list.length = kept;
      if (!found) {
        list[list.length] = [name, value];
      }
      this.#update();
    }

    sort() {
      arraySort(listOf(this), byName);
      this.#update();
    }

    entries() {
      listOf(this);
      return new URLSearchParamsIterator(this, 'key+value');
    }

    forEach(callback, thisArg = undefined) {
      listOf(this);
      if (typeof callback !== 'function') {
        throw nodeError('The "callback" argument must be of type function', 'ERR_INVALID_ARG_TYPE');
      }
      for (let i = 0; i < this.#list.length; i++) {
        const tuple = this.#list[i];
        apply(callback, thisArg, [tuple[1], tuple[0], this]);
      }
    }

    keys() {
      listOf(this);
      return new URLSearchParamsIterator(this, 'key');
    }

    values() {
      listOf(this);
      return new URLSearchParamsIterator(this, 'value');
    }

    toString() {
      return serializeForm(listOf(this));
    }
  }

  function byName(a, b) {
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  }

  /** Web IDL's iteration of an object with an iterator method, as the values of a list. */
  function iterate(iterable, method) {
    const iterator = apply(method, iterable, []);
    if (!isObject(iterator)) {
      throw new TypeErrorOf('The iterator of a query pair sequence must be an object');
    }
    const next = iterator.next;
    const values = [];
    for (;;) {
      const result = apply(next, iterator, []);
      if (!isObject(result)) {
        throw new TypeErrorOf('An iterator result must be an object');
      }
      if (result.done) {
        return values;
      }
      values[values.length] = result.value;
    }
  }

  /** sequence<sequence<USVString>> of URLSearchParams's init, each pair of exactly two. */
  function pairsOf(init, method) {
    if (typeof method !== 'function') {
      throw nodeError('Query pairs must be iterable', 'ERR_ARG_NOT_ITERABLE');
    }
    const sequences = iterate(init, method);
    const list = [];
    for (let i = 0; i < sequences.length; i++) {
      const pair = sequences[i];
      const inner = isObject(pair) ? pair[iteratorSymbol] : undefined;
      if (typeof inner !== 'function') {
        throw nodeError('Each query pair must be an iterable [name, value] tuple', 'ERR_INVALID_TUPLE');
      }
      const values = iterate(pair, inner);
      for (let j = 0; j < values.length; j++) {
        values[j] = usv(values[j]);
      }
      if (values.length !== 2) {
        throw nodeError('Each query pair must be an iterable [name, value] tuple', 'ERR_INVALID_TUPLE');
      }
      list[i] = values;
    }
    return list;
  }

  /** record<USVString, USVString> of URLSearchParams's init: its own enumerable properties in order. */
  function recordPairs(init) {
    const names = ownKeys(init);
    const list = [];
    const positions = new MapOf();
    for (let i = 0; i < names.length; i++) {
      const descriptor = getDescriptor(init, names[i]);
      if (descriptor === undefined || !descriptor.enumerable) {
        continue;
      }
      const name = usv(names[i]);
      const value = usv(init[names[i]]);
      const at = mapGet(positions, name);
      if (at === undefined) {
        mapSet(positions, name, list.length);
        list[list.length] = [name, value];
      }
      else {
        list[at][1] = value;
      }
    }
    return list;
  }

  class URLSearchParamsIterator {
    #params;
    #kind;
    #index = 0;

    static {
      isParamsIterator = (value) => #params in value;
    }

    constructor(params, kind) {
      this.#params = params;
      this.#kind = kind;
    }

    next() {
      if (!isObject(this) || !(#params in this)) {
        throw nodeError('Value of "this" must be of type URLSearchParamsIterator', 'ERR_INVALID_THIS');
      }
      const list = listOf(this.#params);
      if (this.#index >= list.length) {
        return { value: undefined, done: true };
      }
      const tuple = list[this.#index++];
      const kind = this.#kind;
      return { value: kind === 'key' ? tuple[0] : kind === 'value' ? tuple[1] : [tuple[0], tuple[1]], done: false };
    }
  }

  // ---- the shapes Web IDL gives interfaces, as Node has them ----

  /** Operations and attributes are enumerable; the tag is not. */
  function shape(prototype, tag) {
    const names = ownKeys(prototype);
    for (let i = 0; i < names.length; i++) {
      if (names[i] !== 'constructor') {
        const descriptor = getDescriptor(prototype, names[i]);
        descriptor.enumerable = true;
        defineProperty(prototype, names[i], descriptor);
      }
    }
    defineProperty(prototype, toStringTag, { __proto__: null, value: tag, configurable: true });
  }

  shape(URL.prototype, 'URL');
  shape(URLSearchParams.prototype, 'URLSearchParams');
  defineProperty(URL, 'parse', { __proto__: null, enumerable: true });
  defineProperty(URL, 'canParse', { __proto__: null, enumerable: true });
  defineProperty(URLSearchParams.prototype, iteratorSymbol, { __proto__: null, value: URLSearchParams.prototype.entries,
    writable: true, configurable: true });
  const iteratorPrototype = URLSearchParamsIterator.prototype;
  deleteProperty(iteratorPrototype, 'constructor');
  setPrototypeOf(iteratorPrototype, IteratorPrototype);
  shape(iteratorPrototype, 'URLSearchParams Iterator');

  // platform objects that are not serializable, which structured clone refuses
  const platformObject = web.isPlatformObject;
  web.isPlatformObject = (value) => (isObject(value) && (isUrl(value) || isParams(value) || isParamsIterator(value)))
      || (typeof platformObject === 'function' && platformObject(value));

  web.define('URL', URL);
  web.define('URLSearchParams', URLSearchParams);
})
