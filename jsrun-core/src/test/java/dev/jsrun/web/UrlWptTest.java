package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The Web Platform Tests' data for URL, every case run through V8 the way the WPT test
 * that reads the file runs it: {@code urltestdata.json} as
 * {@code url/url-constructor.any.js} and {@code url/url-origin.any.js} (and each case
 * through {@code URL.canParse} and {@code URL.parse} too), {@code setters_tests.json} as
 * {@code url/url-setters.any.js}, {@code IdnaTestV2.json} as
 * {@code url/IdnaTestV2.window.js} and {@code toascii.json} as the {@code URL} tests of
 * {@code url/toascii.window.js}. The files are web-platform-tests/wpt's
 * {@code url/resources/} ones (see {@code url-wpt/README.md} beside them for the
 * versions).
 */
class UrlWptTest {

    /**
     * Runs the cases of one file in one call: answers, for each WPT test that reads the
     * file, how many of its cases passed and how many there are, and for each case that
     * failed, its name and what went wrong.
     */
    private static final String HARNESS = """
            (function (kind, data) {
              const groups = {};
              const failures = {};
              function show(value) {
                return JSON.stringify(value);
              }
              function check(group, name, run) {
                const counts = groups[group] || (groups[group] = [0, 0]);
                counts[1]++;
                let problem;
                try {
                  problem = run();
                } catch (e) {
                  problem = 'threw ' + e;
                }
                if (problem) {
                  failures[group + ': ' + name] = problem;
                } else {
                  counts[0]++;
                }
              }
              function differences(url, expected, names) {
                const out = [];
                for (const name of names) {
                  if (name in expected && url[name] !== expected[name]) {
                    out.push(name + ' ' + show(url[name]) + ' != ' + show(expected[name]));
                  }
                }
                return out.join(', ');
              }
              function throwsTypeError(run) {
                try {
                  run();
                } catch (e) {
                  return e instanceof TypeError ? '' : 'threw ' + e;
                }
                return 'did not throw';
              }
              const COMPONENTS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname',
                'search', 'hash'];
              if (kind === 'urltestdata') {
                for (const expected of data) {
                  if (typeof expected === 'string') {
                    continue;
                  }
                  const against = '<' + expected.input + '> against <' + expected.base + '>';
                  const name = 'Parsing ' + against;
                  const make = () => expected.base ? new URL(expected.input, expected.base) : new URL(expected.input);
                  check('url-constructor.any.js', name, () => {
                    if (expected.failure) {
                      return throwsTypeError(make);
                    }
                    const url = make();
                    let problem = differences(url, expected, COMPONENTS);
                    if ('searchParams' in expected && url.searchParams.toString() !== expected.searchParams) {
                      problem += ' searchParams ' + show(url.searchParams.toString());
                    }
                    return problem;
                  });
                  if ('origin' in expected) {
                    check('url-origin.any.js', 'Origin parsing ' + against,
                        () => differences(make(), expected, ['origin']));
                  }
                  const base = expected.base ? expected.base : undefined;
                  check('URL.canParse of each case', 'URL.canParse ' + against, () => {
                    const parsed = URL.canParse(expected.input, base);
                    return parsed === !expected.failure ? '' : 'canParse gave ' + parsed;
                  });
                  check('URL.parse of each case', 'URL.parse ' + against, () => {
                    const url = URL.parse(expected.input, base);
                    if (expected.failure) {
                      return url === null ? '' : 'parse gave ' + url;
                    }
                    if (url === null || !(url instanceof URL)) {
                      return 'parse gave ' + (url === null ? 'null' : 'an object that is not a URL');
                    }
                    return differences(url, expected, COMPONENTS);
                  });
                }
              }
              if (kind === 'setters_tests') {
                for (const attribute in data) {
                  if (attribute === 'comment') {
                    continue;
                  }
                  for (const test of data[attribute]) {
                    const name = 'URL: Setting <' + test.href + '>.' + attribute + " = '" + test.new_value + "'";
                    check('url-setters.any.js', name, () => {
                      const url = new URL(test.href);
                      url[attribute] = test.new_value;
                      return differences(url, test.expected, Object.keys(test.expected));
                    });
                  }
                }
              }
              if (kind === 'IdnaTestV2') {
                for (const test of data) {
                  if (typeof test === 'string' || test.input === '') {
                    continue;
                  }
                  const name = 'ToASCII(' + show(test.input) + ')' + (test.comment ? ' ' + test.comment : '');
                  check('IdnaTestV2.window.js', name, () => {
                    if (test.output === null) {
                      return throwsTypeError(() => new URL('https://' + test.input + '/x'));
                    }
                    const url = new URL('https://' + test.input + '/x');
                    return differences(url, { host: test.output, hostname: test.output, pathname: '/x',
                      href: 'https://' + test.output + '/x' }, ['host', 'hostname', 'pathname', 'href']);
                  });
                }
              }
              if (kind === 'toascii') {
                for (const test of data) {
                  if (typeof test === 'string') {
                    continue;
                  }
                  const output = test.output === undefined ? test.input : test.output;
                  check('toascii.window.js', test.input + ' (using URL)', () => {
                    if (output === null) {
                      return throwsTypeError(() => new URL('https://' + test.input + '/x'));
                    }
                    const url = new URL('https://' + test.input + '/x');
                    return differences(url, { host: output, hostname: output, pathname: '/x',
                      href: 'https://' + output + '/x' }, ['host', 'hostname', 'pathname', 'href']);
                  });
                  for (const attribute of ['host', 'hostname']) {
                    check('toascii.window.js', test.input + ' (using URL.' + attribute + ')', () => {
                      const url = new URL('https://x/x');
                      url[attribute] = test.input;
                      const wanted = output === null ? 'x' : output;
                      return url[attribute] === wanted ? '' : show(url[attribute]) + ' != ' + show(wanted);
                    });
                  }
                }
              }
              return { groups, failures };
            })
            """;

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void urlTestData() throws IOException {
        assertAsExpected("urltestdata");
    }

    @Test
    void settersTests() throws IOException {
        assertAsExpected("setters_tests");
    }

    @Test
    void idnaTestV2() throws IOException {
        assertAsExpected("IdnaTestV2");
    }

    @Test
    void toAscii() throws IOException {
        assertAsExpected("toascii");
    }

    /**
     * The URLs of urltestdata.json and the hosts of IdnaTestV2.json come out the same
     * after a script replaced every method of the built-ins with one that throws: URL and
     * tr46 use the originals.
     */
    @Test
    void replacedBuiltInsChangeNoResult() throws IOException {
        try (JsRuntime js = factory.create()) {
            Object same = js.eval("""
                    (function (urls, idna) {
                      const cases = [];
                      for (let i = 0; i < urls.length; i++) {
                        if (typeof urls[i] !== 'string') {
                          cases[cases.length] = [urls[i].input, urls[i].base ? urls[i].base : undefined];
                        }
                      }
                      for (let i = 0; i < idna.length; i++) {
                        if (typeof idna[i] !== 'string') {
                          cases[cases.length] = ['https://' + idna[i].input + '/x', undefined];
                        }
                      }
                      function run() {
                        let out = '';
                        for (let i = 0; i < cases.length; i++) {
                          try {
                            const url = new URL(cases[i][0], cases[i][1]);
                            out += url.href + ' ' + url.origin + ' ' + url.searchParams + '\\n';
                          } catch (e) {
                            out += (e instanceof TypeError) + '\\n';
                          }
                        }
                        return out;
                      }
                      const before = run();
                      const describe = Object.getOwnPropertyDescriptor;
                      const define = Object.defineProperty;
                      const keysOf = Reflect.ownKeys;
                      const poison = function () { throw new Error('a replaced built-in was called'); };
                      const holders = [String.prototype, Array.prototype, Object, Array, String, Number.prototype,
                        RegExp.prototype, Map.prototype, Set.prototype, Uint8Array.prototype, Function.prototype,
                        Object.getPrototypeOf(Uint8Array.prototype), Object.getPrototypeOf([].keys()),
                        Object.getPrototypeOf(''[Symbol.iterator]()),
                        Object.getPrototypeOf(Object.getPrototypeOf([].keys())), Math, JSON, Reflect];
                      for (let i = 0; i < holders.length; i++) {
                        const keys = keysOf(holders[i]);
                        for (let j = 0; j < keys.length; j++) {
                          const d = describe(holders[i], keys[j]);
                          if (typeof d.value === 'function' && keys[j] !== 'constructor' && d.configurable) {
                            define(holders[i], keys[j], { value: poison });
                          }
                        }
                      }
                      return run() === before && before.length > 100000;
                    })(""" + resource("urltestdata.json") + ", " + resource("IdnaTestV2.json") + ")",
                    Duration.ofMinutes(2));
            assertThat(same).isEqualTo(true);
        }
    }

    /**
     * What the harness answers for one file: passed and total cases per WPT test, and the
     * failures.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(JsRuntime js, String kind) throws IOException {
        return (Map<String, Object>) js.eval(HARNESS + "('" + kind + "', " + resource(kind + ".json") + ")",
                Duration.ofMinutes(2));
    }

    @SuppressWarnings("unchecked")
    private static void assertAsExpected(String kind) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String line : resource("expected-failures.txt").lines().toList()) {
            if (line.startsWith(kind + " ")) {
                expected.add(line.substring(kind.length() + 1));
            }
        }
        try (JsRuntime js = factory.create()) {
            Map<String, Object> result = run(js, kind);
            Map<String, List<Integer>> groups = (Map<String, List<Integer>>) result.get("groups");
            Map<String, String> failures = (Map<String, String>) result.get("failures");
            groups.forEach((group, counts) -> System.out.println("WPT url/resources/" + kind + ".json, " + group + ": "
                    + counts.get(0) + "/" + counts.get(1) + " passed"));
            Map<String, String> unexpected = new TreeMap<>(failures);
            unexpected.keySet().removeAll(expected);
            Set<String> fixed = new TreeSet<>(expected);
            fixed.removeAll(failures.keySet());
            assertThat(unexpected).as("failures not in expected-failures.txt").isEmpty();
            assertThat(fixed).as("cases expected-failures.txt lists that pass").isEmpty();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UrlWptTest.class.getResourceAsStream("url-wpt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
