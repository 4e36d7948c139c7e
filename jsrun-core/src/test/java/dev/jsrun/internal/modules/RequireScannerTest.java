package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.internal.modules.RequireScanner.Require;

class RequireScannerTest {

    @Test
    void findsLiteralRequiresWithTheirLines() {
        String source = """
                const a = require('a');
                const b = require( "b" );
                const c = require(`c`), d = require(/* why */ '@scope/d/sub');
                """;
        assertThat(RequireScanner.scan(source)).containsExactly(new Require("a", 1), new Require("b", 2),
                new Require("c", 3), new Require("@scope/d/sub", 3));
    }

    @Test
    void ignoresCommentsStringsTemplatesAndRegularExpressions() {
        String source = """
                // require('line-comment')
                /* require('block-comment')
                   spans lines */
                var s = "require('double')" + 'require("single")' + `require('template')`;
                var r = /require\\('regex'\\)/g.test(s) ? 1 / 2 : 3;
                var q = x / require('after-division');
                var t = `${require('in-substitution')} and ${`${require('nested')}`}`;
                module.require('member'); foo.require('member2');
                if (typeof require === 'function') { require.resolve('resolve-only'); }
                """;
        assertThat(RequireScanner.scan(source)).containsExactly(new Require("after-division", 6),
                new Require("in-substitution", 7), new Require("nested", 7));
    }

    @Test
    void reportsRequiresThatCannotBeFollowed() {
        String source = """
                var name = 'fr';
                require('./locale/' + name);
                require(name);
                var aliased = require;
                aliased('./x');
                require(`./t/${name}`);
                """;
        List<Require> found = RequireScanner.scan(source);
        assertThat(found).containsExactly(new Require(null, 2), new Require(null, 3), new Require(null, 4),
                new Require(null, 6));
    }

    @Test
    void keepsCountingLinesAfterALookAheadOverNewlines() {
        String source = "require(\n  name\n);\n/* a */ require('late');\n";
        assertThat(RequireScanner.scan(source)).containsExactly(new Require(null, 1), new Require("late", 4));
    }

    @Test
    void keepsReadingAfterNestedTemplatesAndDivisions() {
        String source = """
                var s = `${a ? `(${b})` : ''}`;
                require('after-nested-template');
                var q = a.return / 2, r = require('after-property-division'); // /
                var i = a++ / 2, j = require('after-postfix-division'); // /
                if (s) /'/.test(s) && require('after-control-regex');
                """;
        assertThat(RequireScanner.scan(source)).containsExactly(new Require("after-nested-template", 2),
                new Require("after-property-division", 3), new Require("after-postfix-division", 4),
                new Require("after-control-regex", 5));
    }

    @Test
    void skipsAHashbangLine() {
        assertThat(RequireScanner.scan("#!/usr/bin/env node require('no')\nrequire('yes');"))
            .containsExactly(new Require("yes", 2));
    }

}
