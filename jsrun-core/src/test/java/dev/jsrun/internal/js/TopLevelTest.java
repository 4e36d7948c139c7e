package dev.jsrun.internal.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopLevelTest {

    @ParameterizedTest
    @ValueSource(strings = { "var a = 1;", "(function () { const a = 1; class B {} })();",
            "!function (e, t) { let x = e; }(this, function () {});", "function f() { let a; }\nf();",
            "var o = { let: 1, const: 2, class: 3 }; o.let + o.class;", "'use strict';\n(() => { const a = 1; })();",
            "'use strict'; var f = function () {};", "if (x) { let y = 1; }", "// const x = 1;\nvar y = '{';",
            "var t = `${ `}` }`; /}/.test(t);" })
    void codeThatMeansTheSameInABlock(String source) {
        assertThat(TopLevel.of(source).isBlockable()).as(source).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "const a = 1;", "let a;", "class A {}", "var x = 1;\nlet\ny = 2;",
            "'use strict';\nfunction f() {}", "'use strict'; async function f() {}", "\"use strict\"\nfunction f() {}",
            "#!/usr/bin/env node\nvar a;", "--> comment\nvar a;", "var a = 1; }", "var a = '", "(function () {",
            "'use strict'\n+ 1; function f() {}", "'use strict'\ninstanceof x;" })
    void codeThatMustRunAsItIs(String source) {
        assertThat(TopLevel.of(source).isBlockable()).as(source).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = { "'use strict';", "\"use strict\"", "'a'; 'use strict'; var x;", "// c\n'use strict'\nvar x;" })
    void strictScripts(String source) {
        assertThat(TopLevel.of(source).isStrict()).as(source).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "var x; 'use strict';", "'use\\x20strict';", "f('use strict');", "" })
    void sloppyScripts(String source) {
        assertThat(TopLevel.of(source).isStrict()).as(source).isFalse();
    }

}
