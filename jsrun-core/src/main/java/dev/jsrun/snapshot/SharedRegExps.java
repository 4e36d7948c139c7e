package dev.jsrun.snapshot;

/**
 * Lets the regular expressions that live in a snapshot share their compiled code across contexts.
 * <p>
 * V8 compiles a regular expression on its first use and keeps the code with that object. Every context
 * restored from a snapshot (a new runtime, or a pooled runtime after its reset) gets its own copies of the
 * snapshot's regular expressions, without code: a library such as marked, which builds about seventy of them
 * when it loads, recompiled them all on every borrower's first call (a 10 KB {@code marked.parse} took 11 ms
 * on a reset context against 2 ms warm). Regular expressions created by running code do not have this
 * problem: V8 looks their pattern up in a per-isolate cache first.
 * <p>
 * So before the heap is captured, {@link #COLLECT} records the regular expressions reachable from the global
 * object in a hidden, configurable global; and in every fresh context {@link #RELINK} takes that list away
 * again and re-initialises each one with its own pattern and flags ({@code RegExp.prototype.compile}), which
 * goes through that cache. The first context of an isolate compiles them once; every later one reuses the
 * code. Patterns, flags and {@code lastIndex} stay as they were. Regular expressions held only in closures
 * cannot be reached from JavaScript and keep the old behaviour.
 */
public final class SharedRegExps {

    /** The hidden global that carries the list from the snapshot to the first script of each context. */
    public static final String GLOBAL = "__jsrun_regexps";

    /** At most this many objects are visited when collecting, so a pathological object graph cannot stall a build. */
    static final int MAX_VISITED = 500_000;

    /**
     * Run last before the capture. Visits own properties (symbols included, accessors read) of everything
     * reachable from the global object, plus prototypes and Map and Set contents; returns how many regular
     * expressions it recorded.
     */
    static final String COLLECT = "(() => {"
            + " const sourceOf = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;"
            + " const flagsOf = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;"
            + " const isRegExp = value => { if (value === RegExp.prototype) return false;"
            + "  try { sourceOf.call(value); return true; } catch (e) { return false; } };"
            + " const found = []; const seen = new Set(); const stack = [globalThis];"
            + " const push = value => { if (value !== null && (typeof value === 'object' || typeof value === 'function')"
            + "  && !seen.has(value)) { seen.add(value); stack.push(value); } };"
            + " seen.add(globalThis);"
            + " while (stack.length > 0 && seen.size < " + MAX_VISITED + ") {"
            + "  const object = stack.pop();"
            + "  if (isRegExp(object)) { try { found.push(object, sourceOf.call(object), flagsOf.call(object)); } catch (e) { }"
            + "   continue; }"
            + "  let keys;"
            + "  try { keys = Reflect.ownKeys(object); push(Object.getPrototypeOf(object)); } catch (e) { continue; }"
            + "  for (const key of keys) {"
            + "   try { const property = Object.getOwnPropertyDescriptor(object, key);"
            + "    if (property === undefined) continue;"
            + "    push('value' in property ? property.value : (property.get ? property.get.call(object) : undefined));"
            + "   } catch (e) { }"
            + "  }"
            + "  try { if (object instanceof Map) object.forEach((value, key) => { push(key); push(value); });"
            + "   else if (object instanceof Set) object.forEach(value => push(value)); } catch (e) { }"
            + " }"
            + " if (found.length > 0) Object.defineProperty(globalThis, '" + GLOBAL + "',"
            + "  { value: found, configurable: true, enumerable: false, writable: false });"
            + " return found.length / 3; })()";

    /**
     * Run first in every fresh context: removes the hidden global and points each recorded regular expression
     * at the isolate's compiled code for its pattern; returns how many it relinked.
     */
    public static final String RELINK = "(() => {"
            + " const list = globalThis['" + GLOBAL + "'];"
            + " if (!Array.isArray(list)) return 0;"
            + " delete globalThis['" + GLOBAL + "'];"
            + " const prototype = RegExp.prototype;"
            + " const compile = prototype.compile;"
            + " if (typeof compile !== 'function'"
            + "  || !/\\{\\s*\\[native code\\]\\s*\\}$/.test(Function.prototype.toString.call(compile))) return 0;"
            + " let relinked = 0;"
            + " for (let i = 0; i + 2 < list.length; i += 3) {"
            + "  const regexp = list[i];"
            + "  try { const lastIndex = regexp.lastIndex;"
            + "   compile.call(regexp, list[i + 1], list[i + 2]);"
            + "   regexp.lastIndex = lastIndex; relinked++; } catch (e) { }"
            + " }"
            + " return relinked; })()";

    private SharedRegExps() {
    }

}
