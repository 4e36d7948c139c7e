// a sandbox that traps every global lookup: V8 cannot reliably restore it from a snapshot
Object.setPrototypeOf(globalThis, new Proxy(Object.getPrototypeOf(globalThis), {}));
