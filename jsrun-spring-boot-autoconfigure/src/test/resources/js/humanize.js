// requires a module baked into the same snapshot
globalThis.humanize = (millis) => require('ms')(millis, { long: true });
