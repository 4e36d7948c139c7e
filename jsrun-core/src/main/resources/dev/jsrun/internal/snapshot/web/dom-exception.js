// DOMException as Web IDL defines it: an error whose name and message live in internal slots, read through
// getters on the prototype, with the legacy code of the names that had one. Instances are made by Error, so
// they are real errors (Error.isError, a stack) whose prototype chain reaches Error.prototype.
(function (web) {
  'use strict';
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Reflect.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const ErrorOf = Error;
  const TypeErrorOf = TypeError;
  const captureStackTrace = Error.captureStackTrace;

  /** The names that have a legacy code, and the constants that name the codes, as Web IDL lists them. */
  const CODES = { __proto__: null, IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9,
    InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13,
    NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19,
    AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24,
    DataCloneError: 25 };
  const CONSTANTS = ['INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
    'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
    'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR',
    'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR',
    'ABORT_ERR', 'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR',
    'DATA_CLONE_ERR'];

  /** A base whose constructor answers the object it is given, so a subclass can put private slots on it. */
  class Stamp {
    constructor(target) {
      return target;
    }
  }

  /** The internal slots: the private fields this class stamps on an error object. */
  class Slots extends Stamp {
    #name;
    #message;

    constructor(target, name, message) {
      super(target);
      this.#name = name;
      this.#message = message;
    }

    static is(value) {
      return value !== null && typeof value === 'object' && #name in value;
    }

    static nameOf(value) {
      if (!Slots.is(value)) {
        throw new TypeErrorOf('Illegal invocation: not a DOMException');
      }
      return value.#name;
    }

    static messageOf(value) {
      if (!Slots.is(value)) {
        throw new TypeErrorOf('Illegal invocation: not a DOMException');
      }
      return value.#message;
    }
  }

  const isSlots = Slots.is;
  const nameOf = Slots.nameOf;
  const messageOf = Slots.messageOf;

  class DOMException {
    constructor(message = '', name = 'Error') {
      const text = typeof message === 'string' ? message : `${message}`;
      const kind = typeof name === 'string' ? name : `${name}`;
      // Error makes the object, so it has Error's internal slot, and new.target gives it the subclass's prototype;
      // V8 heads the stack with the message given to Error, so it is given and its own property taken away
      const error = construct(ErrorOf, [text], new.target);
      deleteProperty(error, 'message');
      new Slots(error, kind, text);
      if (typeof captureStackTrace === 'function') {
        // the stack starts at the caller, and its header shows the name and message just set
        apply(captureStackTrace, ErrorOf, [error, new.target]);
      }
      return error;
    }

    get name() {
      return nameOf(this);
    }

    get message() {
      return messageOf(this);
    }

    get code() {
      const code = CODES[nameOf(this)];
      return code === undefined ? 0 : code;
    }
  }

  // Web IDL attributes are enumerable accessors
  const prototype = DOMException.prototype;
  for (const key of ['name', 'message', 'code']) {
    const descriptor = getOwnPropertyDescriptor(prototype, key);
    descriptor.enumerable = true;
    defineProperty(prototype, key, descriptor);
  }
  for (let i = 0; i < CONSTANTS.length; i++) {
    const constant = { __proto__: null, value: i + 1, writable: false, enumerable: true, configurable: false };
    defineProperty(DOMException, CONSTANTS[i], constant);
    defineProperty(prototype, CONSTANTS[i], constant);
  }
  // the interface prototype object of DOMException inherits from Error.prototype (Web IDL's exception rule)
  Reflect.setPrototypeOf(prototype, ErrorOf.prototype);
  defineProperty(prototype, Symbol.toStringTag, { __proto__: null, value: 'DOMException', writable: false,
    enumerable: false, configurable: true });

  web.DOMException = DOMException;
  /** Whether {@code value} is a DOMException (has its internal slots), without touching its properties. */
  web.isDOMException = isSlots;
  /** The name and message in a DOMException's internal slots, for structured clone. */
  web.domExceptionParts = value => ({ __proto__: null, name: nameOf(value), message: messageOf(value) });
  web.define('DOMException', DOMException);
})
