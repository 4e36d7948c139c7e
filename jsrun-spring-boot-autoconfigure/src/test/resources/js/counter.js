globalThis.counter = 0;
globalThis.next = () => ++counter;
