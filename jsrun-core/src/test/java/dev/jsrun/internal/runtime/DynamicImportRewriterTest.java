package dev.jsrun.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynamicImportRewriterTest {

    private static final String FN = "__jsrun_import";

    private static String rewrite(String source) {
        return DynamicImportRewriter.rewrite(source, FN);
    }

    @Test
    void rewritesAwaitedImport() {
        assertThat(rewrite("const m = await import('math');")).isEqualTo("const m = await __jsrun_import('math');");
    }

    @Test
    void keepsWhitespaceAndCommentsBetweenKeywordAndParen() {
        assertThat(rewrite("import ( 'x' )")).isEqualTo("__jsrun_import ( 'x' )");
        assertThat(rewrite("import/*c*/('x')")).isEqualTo("__jsrun_import/*c*/('x')");
        assertThat(rewrite("import\n('x')")).isEqualTo("__jsrun_import\n('x')");
        assertThat(rewrite("import // c\n('x')")).isEqualTo("__jsrun_import // c\n('x')");
    }

    @Test
    void rewritesImportsInExpressionPositions() {
        assertThat(rewrite("f(a, import('x'))")).isEqualTo("f(a, __jsrun_import('x'))");
        assertThat(rewrite("[...import('x')]")).isEqualTo("[...__jsrun_import('x')]");
        assertThat(rewrite("obj?.[import('x')]")).isEqualTo("obj?.[__jsrun_import('x')]");
        assertThat(rewrite("x => import('x')")).isEqualTo("x => __jsrun_import('x')");
        assertThat(rewrite("import(import('a'))")).isEqualTo("__jsrun_import(__jsrun_import('a'))");
    }

    @Test
    void leavesStringsUntouched() {
        assertThat(rewrite("s = \"import('x')\";")).isEqualTo("s = \"import('x')\";");
        assertThat(rewrite("s = 'import(\\'x\\')';")).isEqualTo("s = 'import(\\'x\\')';");
        assertThat(rewrite("s = `import('x')`;")).isEqualTo("s = `import('x')`;");
        assertThat(rewrite("s = 'a\\\nimport(\"x\")'; import('y')"))
            .isEqualTo("s = 'a\\\nimport(\"x\")'; __jsrun_import('y')");
        assertThat(rewrite("s = 'a\\\r\nimport(\"x\")'; import('y')"))
            .isEqualTo("s = 'a\\\r\nimport(\"x\")'; __jsrun_import('y')");
        assertThat(rewrite("s = `\\`import('x')\\${import('y')}`")).isEqualTo("s = `\\`import('x')\\${import('y')}`");
    }

    @Test
    void rewritesInsideTemplateSubstitution() {
        assertThat(rewrite("s = `a ${await import('x')} import('y')`;"))
            .isEqualTo("s = `a ${await __jsrun_import('x')} import('y')`;");
    }

    @Test
    void handlesNestedTemplatesAndBracesInSubstitution() {
        String source = "s = `a ${ `b ${ '}' + { k: import('x') }.k } import('no')` } import('no2') ${import('y')}`; import('z')";
        assertThat(rewrite(source)).isEqualTo(
                "s = `a ${ `b ${ '}' + { k: __jsrun_import('x') }.k } import('no')` } import('no2') ${__jsrun_import('y')}`; __jsrun_import('z')");
    }

    @Test
    void leavesCommentsUntouched() {
        assertThat(rewrite("// import('x')\nimport('y')")).isEqualTo("// import('x')\n__jsrun_import('y')");
        assertThat(rewrite("/* a\n import('x')\n*/ import('y')"))
            .isEqualTo("/* a\n import('x')\n*/ __jsrun_import('y')");
        assertThat(rewrite("#!/usr/bin/env node import('x')\nimport('y')"))
            .isEqualTo("#!/usr/bin/env node import('x')\n__jsrun_import('y')");
    }

    @Test
    void leavesRegexLiteralsUntouched() {
        assertThat(rewrite("/import\\(/.test(s)")).isEqualTo("/import\\(/.test(s)");
        assertThat(rewrite("x = /[/]import(/g; import('y')")).isEqualTo("x = /[/]import(/g; __jsrun_import('y')");
        assertThat(rewrite("function f() { return /import(/ }")).isEqualTo("function f() { return /import(/ }");
        assertThat(rewrite("t = typeof /import(/i")).isEqualTo("t = typeof /import(/i");
        assertThat(rewrite("x = a ? /import(/ : /\\/import(/")).isEqualTo("x = a ? /import(/ : /\\/import(/");
    }

    @Test
    void rewritesAfterDivision() {
        assertThat(rewrite("x = a / b / import('x')")).isEqualTo("x = a / b / __jsrun_import('x')");
        assertThat(rewrite("x = (a) / 2 / import('x')")).isEqualTo("x = (a) / 2 / __jsrun_import('x')");
        assertThat(rewrite("x = a[0] / b.return / import('x')")).isEqualTo("x = a[0] / b.return / __jsrun_import('x')");
        assertThat(rewrite("x = a++ / 2 / import('x')")).isEqualTo("x = a++ / 2 / __jsrun_import('x')");
    }

    @Test
    void rewritesAfterARegexThatFollowsAControlStatementOrABlock() {
        assertThat(rewrite("if (x) /'/.test(s); import('y')")).isEqualTo("if (x) /'/.test(s); __jsrun_import('y')");
        assertThat(rewrite("if (a) { b() }\n/'/.test(s) && import('y')"))
            .isEqualTo("if (a) { b() }\n/'/.test(s) && __jsrun_import('y')");
        assertThat(rewrite("x = {} / 2 / import('y')")).isEqualTo("x = {} / 2 / __jsrun_import('y')");
    }

    @Test
    void leavesPropertiesAndLongerIdentifiersUntouched() {
        for (String source : new String[] { "obj.import('x')", "obj?.import('x')", "obj . /*c*/ import('x')",
                "reimport('x')", "import_('x')", "$import('x')", "import$('x')", "importé('x')",
                "class A { #import() {} m() { this.#import('x') } }" }) {
            assertThat(rewrite(source)).as(source).isEqualTo(source);
        }
    }

    @Test
    void leavesStaticImportsAndImportMetaUntouched() {
        for (String source : new String[] { "const u = import.meta.url;", "import x from 'y';",
                "import {a} from \"b\";", "import 'side-effect';", "import * as ns from 'ns';",
                "export { a } from 'b';", "export * from 'c';" }) {
            assertThat(rewrite(source)).as(source).isEqualTo(source);
        }
    }

    @Test
    void leavesMethodsNamedImportUntouched() {
        for (String source : new String[] { "o = { import(x) { return x; } };", "o = { a: 1, import(x) {} };",
                "class A { import() {} }", "class A { m() {} import() {} }", "class A { x = 1; import() {} }",
                "class A { static import(a, b) {} }", "class A { async import() {} }",
                "class A { get import() { return 1; } set import(v) {} }", "class A { *import() {} }",
                "class A { import(/* c */) /* d */ {} }" }) {
            assertThat(rewrite(source)).as(source).isEqualTo(source);
        }
    }

    @Test
    void rewritesCallsInsideMethodNamedImport() {
        assertThat(rewrite("o = { import(a = import('x')) { return import('y'); } };"))
            .isEqualTo("o = { import(a = __jsrun_import('x')) { return __jsrun_import('y'); } };");
        assertThat(rewrite("{ import('x') }")).isEqualTo("{ __jsrun_import('x') }");
        assertThat(rewrite("a; import('x').then(f);")).isEqualTo("a; __jsrun_import('x').then(f);");
    }

    @Test
    void rewritesOnlyDynamicImportInModule() {
        String source = """
                import fs from 'fs';
                import { join } from "path";
                import './polyfill.js';
                export { x } from './x.js';
                const base = import.meta.url; // import('comment')
                export async function load(name) {
                  const mod = await import(`./mods/${name}.js`);
                  return mod.default;
                }
                """;
        assertThat(rewrite(source)).isEqualTo(source.replace("await import(", "await __jsrun_import("));
    }

    @Test
    void returnsSameInstanceWithoutImport() {
        String source = "const a = 1 / 2; // nothing here";
        assertThat(rewrite(source)).isSameAs(source);
        String onlyStatic = "import x from 'y';";
        assertThat(rewrite(onlyStatic)).isSameAs(onlyStatic);
    }

    @Test
    void preservesLineCount() {
        String source = "a = 1;\r\nconst m = await import(\n  'x'\n);\n/* \n */ `\n${import('y')}\n`\n";
        String result = rewrite(source);
        assertThat(result).isNotEqualTo(source);
        assertThat(result.lines().count()).isEqualTo(source.lines().count());
    }

    @Test
    void toleratesUnterminatedInput() {
        assertThat(rewrite("import('a'); 'import(")).isEqualTo("__jsrun_import('a'); 'import(");
        assertThat(rewrite("import('a'); /* import(")).isEqualTo("__jsrun_import('a'); /* import(");
        assertThat(rewrite("import('a'); `import( ${ import('b')"))
            .isEqualTo("__jsrun_import('a'); `import( ${ __jsrun_import('b')");
        assertThat(rewrite("x = /import(")).isEqualTo("x = /import(");
        assertThat(rewrite("o = { import(")).isEqualTo("o = { __jsrun_import(");
        assertThat(rewrite("import('a') ) } ] import('b'")).isEqualTo("__jsrun_import('a') ) } ] __jsrun_import('b'");
        assertThat(rewrite("'\\")).isEqualTo("'\\");
        assertThat(rewrite("import\\")).isEqualTo("import\\");
        assertThat(rewrite("`import${`\\")).isEqualTo("`import${`\\");
    }

    @Test
    void handlesLongInput() {
        String source = "a/b;".repeat(200_000) + "import('x')";
        assertThat(rewrite(source)).endsWith("a/b;__jsrun_import('x')").hasSize(source.length() + FN.length() - 6);
    }

}
