// Cases for IntlLibrariesTest, run as they are by jsrun (in a runtime restored from a snapshot of the modules) and
// by Node (intl-libraries-node.js). runCases(library, fixtures) settles to the JSON of { case name: value }; a case
// that throws or rejects records 'throws <name>: <message>'. Every case names its locale and time zone, so that
// neither host's defaults matter. fixtures maps each path of FIXTURES (a file of a package) to its text.
var FIXTURES = ['luxon/src/impl/digits.js', 'luxon/src/interval.js'];

var LIBRARY_CASES = {

  luxon: function () {
    const { DateTime, Duration, Interval, Info, Settings } = require('luxon');
    Settings.defaultZone = 'UTC';
    Settings.defaultLocale = 'en-US';
    const instant = DateTime.fromISO('2024-06-15T12:34:56.789Z');
    const inZone = (iso, zone) => DateTime.fromISO(iso, { zone: zone });
    const fullIn = (locale, zone) => instant.setZone(zone).setLocale(locale).toLocaleString(DateTime.DATETIME_FULL);
    return {
      'fromISO in a zone': () => inZone('2024-06-15T14:30:00', 'Europe/Paris').toISO(),
      'setZone keeps the instant': () => ['Asia/Tokyo', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe',
        'Pacific/Chatham', 'Asia/Kathmandu'].map(zone => instant.setZone(zone).toISO()),
      'toFormat with zone names, en-US': () => instant.setZone('America/New_York')
        .toFormat("cccc d LLLL yyyy HH:mm:ss ZZZZ '('ZZZZZ')' z ZZ"),
      'toFormat with zone names, fr': () => instant.setZone('Europe/Paris').setLocale('fr')
        .toFormat("EEEE d MMMM yyyy 'à' HH:mm ZZZZZ (ZZZZ)"),
      'toFormat, macro tokens, de': () => instant.setZone('Europe/Berlin').setLocale('de').toFormat('fff | DDDD | tt'),
      'DATETIME_FULL, en-US': () => fullIn('en-US', 'America/New_York'),
      'DATETIME_FULL, fr': () => fullIn('fr', 'Europe/Paris'),
      'DATETIME_FULL, de-DE': () => fullIn('de-DE', 'Europe/Berlin'),
      'DATETIME_FULL, ja-JP': () => fullIn('ja-JP', 'Asia/Tokyo'),
      'DATETIME_FULL, ar-EG': () => fullIn('ar-EG', 'Africa/Cairo'),
      'DATETIME_FULL, hi-IN': () => fullIn('hi-IN', 'Asia/Kolkata'),
      'DATETIME_FULL, ru': () => fullIn('ru', 'Europe/Moscow'),
      'DATETIME_FULL, zh-CN': () => fullIn('zh-CN', 'Asia/Shanghai'),
      'DATETIME_FULL, es-MX': () => fullIn('es-MX', 'America/Mexico_City'),
      'other presets, en-GB': () => [DateTime.DATE_HUGE, DateTime.TIME_WITH_SHORT_OFFSET, DateTime.DATETIME_MED_WITH_WEEKDAY,
        DateTime.DATETIME_HUGE_WITH_SECONDS].map(preset => instant.setZone('Europe/London').setLocale('en-GB').toLocaleString(preset)),
      'other calendars': () => [['ar-SA', 'islamic'], ['he', 'hebrew'], ['ja-JP', 'japanese'], ['fa', 'persian'], ['th', 'buddhist']]
        .map(([locale, calendar]) => instant.reconfigure({ locale: locale, outputCalendar: calendar }).toLocaleString(DateTime.DATE_FULL)),
      'numbering systems': () => [instant.reconfigure({ locale: 'ar-EG' }).toFormat('dd/MM/yyyy HH:mm'),
        instant.reconfigure({ locale: 'en-US', numberingSystem: 'deva' }).toFormat('yyyy-MM-dd'),
        instant.reconfigure({ locale: 'zh-CN', numberingSystem: 'hanidec' }).toFormat('yyyy')],
      'DST, spring forward: plus one hour': () => inZone('2024-03-10T01:30:00', 'America/New_York').plus({ hours: 1 }).toISO(),
      'DST, spring forward: plus one day into the gap': () => inZone('2024-03-09T02:30:00', 'America/New_York').plus({ days: 1 }).toISO(),
      'DST, fall back: plus one hour repeats 01:30': () => DateTime.fromISO('2024-11-03T01:30:00-04:00', { setZone: true })
        .setZone('America/New_York').plus({ hours: 1 }).toISO(),
      'DST, hours in the spring day, Berlin': () => inZone('2024-04-01T00:00:00', 'Europe/Berlin')
        .diff(inZone('2024-03-31T00:00:00', 'Europe/Berlin'), 'hours').hours,
      'DST, startOf day where midnight did not exist': () => inZone('2018-11-04T12:00:00', 'America/Sao_Paulo').startOf('day').toISO(),
      'DST, flags and offset names': () => ['2024-01-15T12:00:00Z', '2024-07-15T12:00:00Z'].map(iso => {
        const dt = DateTime.fromISO(iso).setZone('Australia/Sydney').setLocale('en-AU');
        return [dt.isInDST, dt.offset, dt.offsetNameShort, dt.offsetNameLong];
      }),
      'Interval: the fall-back day has 25 hours': () => {
        const day = inZone('2024-11-03T00:00:00', 'America/New_York');
        return Interval.fromDateTimes(day, day.plus({ days: 1 })).length('hours');
      },
      'Interval: toDuration in months, days and hours': () => Interval.fromISO('2024-01-15T09:00/2024-03-20T17:30',
        { zone: 'Europe/London' }).toDuration(['months', 'days', 'hours']).toObject(),
      'Interval: splitBy and count': () => {
        const march = Interval.fromISO('2024-03-01/2024-04-01', { zone: 'Europe/Berlin' });
        return [march.splitBy({ weeks: 1 }).map(part => part.toISODate()), march.count('days'), march.length('hours')];
      },
      'Interval: toLocaleString': () => {
        const span = Interval.fromISO('2024-06-15T09:00/2024-06-18T17:00', { zone: 'Europe/Paris' });
        return ['en-US', 'de', 'ja'].map(locale => span.toLocaleString(DateTime.DATETIME_MED, { locale: locale }));
      },
      'Interval: intersection and overlaps': () => {
        const a = Interval.fromISO('2024-06-01/2024-06-20', { zone: 'UTC' });
        const b = Interval.fromISO('2024-06-10/2024-07-01', { zone: 'UTC' });
        return [a.overlaps(b), a.intersection(b).toISO(), a.union(b).toISO(), a.difference(b).map(part => part.toISO())];
      },
      'Duration: shiftTo': () => Duration.fromObject({ hours: 25, minutes: 90 }).shiftTo('days', 'hours', 'minutes').toObject(),
      'Duration: toHuman in locales': () => ['en', 'fr', 'de', 'ja', 'ar'].map(locale =>
        Duration.fromISO('P1Y2M10DT2H30M').reconfigure({ locale: locale }).toHuman({ listStyle: 'long' })),
      'Duration: toHuman, short units': () => Duration.fromObject({ hours: 3, minutes: 5 }, { locale: 'en-GB' })
        .toHuman({ unitDisplay: 'short' }),
      'Duration: toFormat and toISO': () => [Duration.fromMillis(90061001).toFormat("d'd' hh:mm:ss.SSS"),
        Duration.fromObject({ months: 14, days: 40 }).rescale().toObject(), Duration.fromObject({ weeks: 2, hours: 36 }).toISO()],
      'Info.months, fr': () => Info.months('long', { locale: 'fr' }),
      'Info.months, ru standalone and format': () => [Info.months('long', { locale: 'ru' }), Info.monthsFormat('long', { locale: 'ru' })],
      'Info.months, persian calendar': () => Info.months('long', { locale: 'fa', outputCalendar: 'persian' }),
      'Info.weekdays': () => [Info.weekdays('long', { locale: 'de' }), Info.weekdays('short', { locale: 'ar' }),
        Info.weekdays('narrow', { locale: 'zh' })],
      'Info.meridiems and eras': () => [Info.meridiems({ locale: 'ko' }), Info.eras('long', { locale: 'ja' }),
        Info.eras('short', { locale: 'fr' })],
      'Info: week settings by locale': () => ['en-US', 'de-DE', 'ar-EG', 'fr-FR'].map(locale =>
        [Info.getStartOfWeek({ locale: locale }), Info.getMinimumDaysInFirstWeek({ locale: locale }),
          Info.getWeekendWeekdays({ locale: locale })]),
      'local week numbers': () => ['en-US', 'de-DE'].map(locale => ['2024-12-29', '2022-01-01'].map(iso => {
        const dt = DateTime.fromISO(iso, { zone: 'UTC', locale: locale });
        return [dt.weekNumber, dt.localWeekNumber, dt.localWeekYear, dt.startOf('week', { useLocaleWeeks: true }).toISODate()];
      })),
      'toRelative and toRelativeCalendar': () => {
        const base = DateTime.fromISO('2024-06-18T12:00:00Z');
        return [instant.toRelative({ base: base, locale: 'es' }), instant.toRelative({ base: base, locale: 'ja', style: 'short' }),
          instant.toRelativeCalendar({ base: base, locale: 'fr' }), base.plus({ days: 1 }).toRelativeCalendar({ base: base, locale: 'de' })];
      },
      'fromFormat with localized names': () => [
        DateTime.fromFormat('mardi 5 mars 2024 14:05', 'EEEE d MMMM yyyy HH:mm', { locale: 'fr', zone: 'Europe/Paris' }).toISO(),
        DateTime.fromFormat('5 марта 2024', 'd MMMM yyyy', { locale: 'ru', zone: 'UTC' }).toISODate(),
        DateTime.fromFormat('١٥/٠٦/٢٠٢٤', 'dd/MM/yyyy', { locale: 'ar', numberingSystem: 'arab', zone: 'UTC' }).toISODate(),
        DateTime.fromFormat('2024年6月15日', 'yyyy年M月d日', { locale: 'ja', zone: 'Asia/Tokyo' }).toISO()],
      'IANA zone validity': () => ['Europe/Kyiv', 'Europe/Kiev', 'America/Punta_Arenas', 'America/Coyhaique', 'Mars/Olympus']
        .map(zone => Info.isValidIANAZone(zone)),
      // America/Coyhaique was split from America/Santiago in tz 2025b, for Aysén's move to UTC-3 all year.
      'a zone newer than tz 2025a': () => {
        const dt = DateTime.fromISO('2025-06-01T12:00:00Z').setZone('America/Coyhaique');
        return [dt.isValid, dt.invalidReason, dt.isValid ? dt.toISO() : null];
      },
    };
  },

  ajv: function () {
    const Ajv = require('ajv').default;
    const ajv = new Ajv({ allErrors: true });
    ajv.addFormat('identifier', /^[\p{L}_][\p{L}\p{N}_]*$/u);
    ajv.addFormat('iso-date', { type: 'string', validate: text => /^\d{4}-\d{2}-\d{2}$/.test(text) && !isNaN(Date.parse(text)) });
    ajv.addSchema({
      $id: 'https://bücher.example/schemas/person.json',
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+)*$' },
        handle: { type: 'string', format: 'identifier', maxLength: 12 },
        born: { type: 'string', format: 'iso-date' },
        motto: { type: 'string', pattern: '^[\\p{Script=Greek}\\s]+$' },
        emoji: { type: 'string', maxLength: 2 },
        tags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        age: { type: 'integer', minimum: 0, maximum: 150 },
      },
      patternProperties: { '^\\p{Lu}': { type: 'number' } },
      additionalProperties: false,
      required: ['name', 'handle'],
    });
    const person = ajv.getSchema('https://bücher.example/schemas/person.json');
    const validated = document => {
      const valid = person(document);
      return { valid: valid, errors: person.errors };
    };
    return {
      'a good document': () => validated({ name: 'Zoë Ångström', handle: 'straße_42', born: '1990-02-28',
        motto: 'γνῶθι σεαυτόν', emoji: '👍🏽', tags: ['a', 'b'], age: 34, Ölpreis: 1.5 }),
      'a bad document': () => validated({ name: 'zoë', handle: '42-straße', born: '1990-02-30x', motto: 'know thyself',
        emoji: '👨‍👩‍👧', tags: ['a', 'a', ''], age: 34.5, Ölpreis: 'high', extra: true }),
      'a missing required property': () => validated({ handle: 'Добрый' }),
      'errorsText': () => { person({ name: 'ÉCOLE', handle: 'x'.repeat(13) }); return ajv.errorsText(person.errors); },
      'Unicode classes in patterns': () => ['Łódź', 'Σωκράτης', 'Ω', 'Zoë-Ann', '东京'].map(name => person({ name: name, handle: 'h' })),
      // uri-js writes the host of the reference in punycode and ajv 8.5 then misses the schema, in Node too.
      'a reference to a schema by its Unicode $id': () => ajv.compile({ $ref: 'https://bücher.example/schemas/person.json#/properties/name' }),
      'uri-js puts Unicode hosts in punycode': () => {
        const URI = require('uri-js');
        return [URI.normalize('https://BÜCHER.example/a/../b'), URI.resolve('https://bücher.example/schemas/', 'person.json#x'),
          URI.serialize(URI.parse('http://xn--bcher-kva.example/'), { iri: true })];
      },
      'a reference to a schema by its ASCII $id': () => {
        ajv.addSchema({ $id: 'https://books.example/name.json', type: 'string', pattern: '^\\p{Lu}' });
        const validate = ajv.compile({ type: 'array', items: { $ref: 'https://books.example/name.json' } });
        return [validate(['Müller', 'Ōta']), validate(['müller']), validate.errors];
      },
      'strict mode refuses an unknown format': () => new Ajv().compile({ type: 'string', format: 'uuid' }),
      'a compiled schema with oneOf, const and enum': () => {
        const validate = ajv.compile({ oneOf: [{ const: 'ß' }, { enum: ['SS', 'ẞ'] }, { type: 'string', pattern: '^\\p{Nd}+$' }] });
        return ['ß', 'ẞ', '١٢٣', '12', 'x'].map(value => [validate(value), validate.errors && validate.errors.map(e => e.keyword)]);
      },
    };
  },

  'highlight.js': function () {
    const hljs = require('highlight.js');
    const samples = {
      javascript: "// Grüße\nconst greet = (name = 'Welt') => `Hallo, ${name}!`;\nexport default async function* g() { yield await 1n; }\n",
      typescript: 'interface Point<T extends number> { readonly x: T; y?: T }\nconst p: Point<1> = { x: 1 } as const;\n',
      python: '@dataclass\nclass Größe:\n    """Maße."""\n    def fläche(self, ñ: int = 0x1F) -> float:\n        return self.höhe * ñ  # π\n',
      java: 'public final class Café<T> {\n  @Override public String toString() { return "Café " + 1_000L; }\n}\n',
      xml: '<!DOCTYPE html>\n<p class="x" data-ü="1">Hello &amp; <b>wörld</b><!-- note --></p>\n',
      css: '@media (min-width: 40em) { .größe::before { content: "→"; color: #ff0 !important; } }\n',
      sql: "SELECT name, COUNT(*) AS n FROM städte WHERE land = 'Österreich' GROUP BY name HAVING n > 1;\n",
      bash: '#!/bin/bash\nfor f in *.txt; do echo "Datei: ${f%.txt}" | tr a-z A-Z; done\n',
      json: '{"name": "Zoë", "tags": ["a", true, null, 1.5e3]}\n',
      rust: 'fn main() { let s: &str = "héllo"; println!("{s} {}", s.chars().count()); }\n',
      go: 'package main\nimport "fmt"\nfunc main() { 世界 := "world"; fmt.Println(世界) }\n',
      yaml: 'name: Zoë\nlist:\n  - one # comment\n  - "two"\nanchor: &a { x: 1 }\n',
      markdown: '# Überschrift\n\nSome *emphasis*, `code` and a [link](https://example.com).\n\n- item\n',
    };
    const cases = {
      'the full build registers every language': () => [hljs.listLanguages().length, !!hljs.getLanguage('py'),
        !!hljs.getLanguage('html'), hljs.getLanguage('js').name],
    };
    Object.keys(samples).forEach(language => {
      cases['highlight ' + language] = () => {
        const result = hljs.highlight(samples[language], { language: language });
        return [result.language, result.relevance, result.illegal, result.value];
      };
    });
    cases['highlightAuto'] = () => ['python', 'java', 'sql', 'css', 'xml', 'go'].map(language => {
      const result = hljs.highlightAuto(samples[language]);
      return [result.language, result.relevance, result.secondBest && result.secondBest.language];
    });
    cases['highlightAuto within a subset'] = () => {
      const result = hljs.highlightAuto(samples.rust, ['rust', 'go', 'cpp']);
      return [result.language, result.relevance, result.value];
    };
    return cases;
  },

  prettier: function (fixtures) {
    const prettier = require('prettier/standalone');
    const plugins = [require('prettier/plugins/babel'), require('prettier/plugins/estree')];
    const format = (source, options) => prettier.format(source, Object.assign({ parser: 'babel', plugins: plugins }, options));
    // Full-width characters count two columns: whether these lines fit in 40 columns depends on \p{...} classes.
    const wide = "const 名前 = ['日本語のテキスト', '中文文本', '한국어 텍스트', 'emoji 👍🏽👨‍👩‍👧'];\n"
      + 'const obj = {ａｂｃ: 1, "ｄｅｆ": 2, ñandú: 3, [`ключ`]: "значение"}\n';
    return {
      'format luxon/src/impl/digits.js': () => format(fixtures['luxon/src/impl/digits.js']),
      'format luxon/src/interval.js, printWidth 100, single quotes': () => format(fixtures['luxon/src/interval.js'],
        { printWidth: 100, singleQuote: true }),
      'format full-width text at printWidth 40': () => format(wide, { printWidth: 40 }),
      'format JSON': () => format('{"b":[1,2,{"ü":null}],"a":"ß"}', { parser: 'json' }),
      'check reports whether source is formatted': () => Promise.all([prettier.check('a = 1;\n', { parser: 'babel', plugins: plugins }),
        prettier.check('a=1', { parser: 'babel', plugins: plugins })]),
      'formatWithCursor': () => prettier.formatWithCursor('const  x  =  { a:1 }', { cursorOffset: 14, parser: 'babel', plugins: plugins }),
      'a syntax error rejects with a code frame': () => format('const größe = ;\n'),
    };
  },
};

function runCases(library, fixtures) {
  const cases = LIBRARY_CASES[library](fixtures);
  const results = {};
  return Object.keys(cases).reduce((previous, name) => previous
    .then(() => cases[name]())
    .then(value => { results[name] = value === undefined ? '<undefined>' : value; },
      error => { results[name] = 'throws ' + error.name + ': ' + error.message; }), Promise.resolve())
    .then(() => JSON.stringify(results));
}
