// Cases for IntlTest: each entry of `cases` is a name and a function; runCase(name) gives its result as a
// string (JSON for other values, "throws <Error>" when it throws). jsrun and Node must give the same string,
// except for the differences IntlTest lists with their reasons. Nothing here depends on the default locale or
// time zone: every call names its locale and zone.
'use strict';

// the code points of a string, as U+XXXX, to show what normalization and casing did
function cps(s) {
  return Array.from(s, c => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' ');
}
// formatToParts and friends, one "type:value" per part
function parts(list) {
  return list.map(p => p.type + ':' + p.value + (p.source ? '(' + p.source + ')' : '')).join('|');
}
// segments of a text; word-like ones marked with *
function segs(locale, granularity, text) {
  return Array.from(new Intl.Segmenter(locale, { granularity }).segment(text),
    s => s.segment + (s.isWordLike ? '*' : '')).join('|');
}
// how many code points of the BMP (surrogates included, each on its own) match a property escape
function countBmp(property) {
  const pattern = new RegExp('^\\p{' + property + '}$', 'u');
  let n = 0;
  for (let c = 0; c <= 0xFFFF; c++) {
    if (pattern.test(String.fromCharCode(c))) n++;
  }
  return n;
}
// an object's properties sorted by name, where only their values are compared
function sortedEntries(object) {
  return Object.keys(object).sort().map(key => [key, object[key]]);
}
function formatIn(locale, options, iso) {
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}
// the same instants in four zones, each either side of its zone's 2025 clock change (Kolkata has none)
const changes = {
  'America/New_York': ['2025-03-09T06:30:00Z', '2025-03-09T07:30:00Z', '2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z'],
  'Europe/Berlin': ['2025-03-30T00:30:00Z', '2025-03-30T01:30:00Z', '2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z'],
  'Australia/Sydney': ['2025-04-05T15:30:00Z', '2025-04-05T16:30:00Z', '2025-10-04T15:30:00Z', '2025-10-04T16:30:00Z'],
  'Asia/Kolkata': ['2025-03-09T06:30:00Z', '2025-03-09T07:30:00Z', '2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z']
};
function aroundChanges(zone, locale, options) {
  const format = new Intl.DateTimeFormat(locale, Object.assign({ timeZone: zone }, options));
  return changes[zone].map(iso => format.format(new Date(iso)));
}
// Intl.DurationFormat is defined as NumberFormat unit formats joined by a unit ListFormat: Node 20 (V8 11.3)
// has no DurationFormat, so there the same text is built from those two, by the specification's algorithm
function duration(locale, style, value) {
  if (typeof Intl.DurationFormat === 'function') {
    return new Intl.DurationFormat(locale, { style }).format(value);
  }
  const units = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'];
  const list = [];
  for (const unit of units) {
    if (value[unit]) {
      list.push(new Intl.NumberFormat(locale, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: style })
        .format(value[unit]));
    }
  }
  return new Intl.ListFormat(locale, { type: 'unit', style: style === 'long' ? 'long' : style === 'short' ? 'short' : 'narrow' })
    .format(list);
}
// Intl.Locale's info: getters in Node 20 (V8 11.3), methods in V8 14.7 (the proposal changed them)
function info(tag, name) {
  const locale = new Intl.Locale(tag);
  const method = 'get' + name[0].toUpperCase() + name.slice(1);
  return typeof locale[method] === 'function' ? locale[method]() : locale[name];
}
const words = {
  de: ['Zebra', 'Äpfel', 'apfel', 'Apfel', 'Müller', 'Mueller', 'Muller', 'Ösen', 'Ofen', 'Straße', 'Strasse', 'Bär', 'Bar', 'baer', 'Übel', 'Uhr'],
  sv: ['Ångström', 'Zorn', 'Örebro', 'Ärlig', 'Ola', 'Åsa', 'Adam', 'Vidar', 'Wilhelm', 'Øre', 'Ödla', 'Yxa', 'Ü-båt', 'Ulla']
};

const cases = {
  // ---- Intl.Collator
  'collator.de.sort': () => words.de.slice().sort(new Intl.Collator('de').compare),
  'collator.de-phonebook.sort': () => words.de.slice().sort(new Intl.Collator('de-u-co-phonebk').compare),
  'collator.sv.sort': () => words.sv.slice().sort(new Intl.Collator('sv').compare),
  'collator.sv-vs-de': () => words.sv.slice().sort(new Intl.Collator('de').compare),
  'collator.de.sensitivity': () => ['base', 'accent', 'case', 'variant'].map(sensitivity => {
    const c = new Intl.Collator('de', { sensitivity });
    return [['a', 'ä'], ['a', 'A'], ['a', 'b'], ['ä', 'Ä'], ['ß', 'ss']].map(([x, y]) => c.compare(x, y));
  }),
  'collator.sv.sensitivity': () => ['base', 'accent', 'case', 'variant'].map(sensitivity => {
    const c = new Intl.Collator('sv', { sensitivity });
    return [['a', 'ä'], ['o', 'ö'], ['v', 'w'], ['ü', 'y'], ['å', 'Å']].map(([x, y]) => c.compare(x, y));
  }),
  'collator.numeric': () => [false, true].map(numeric =>
    ['item10', 'item2', 'item1', 'item 3', 'item02'].sort(new Intl.Collator('en', { numeric }).compare)),
  'collator.sv.numeric': () => ['fil10', 'fil9', 'Fil100', 'fil1'].sort(new Intl.Collator('sv', { numeric: true }).compare),
  'collator.caseFirst': () => ['upper', 'lower', 'false'].map(caseFirst =>
    ['a', 'B', 'A', 'b', 'ä', 'Ä'].sort(new Intl.Collator('de', { caseFirst }).compare)),
  'collator.ignorePunctuation': () => [false, true].map(ignorePunctuation =>
    new Intl.Collator('en', { ignorePunctuation }).compare('co-op', 'coop')),
  'collator.usage.search': () => new Intl.Collator('de', { usage: 'search', sensitivity: 'base' }).compare('Ärger', 'arger'),
  'collator.resolvedOptions': () => new Intl.Collator('de-u-kn-true-kf-upper', { sensitivity: 'accent' }).resolvedOptions(),
  'collator.sv.resolvedOptions': () => new Intl.Collator('sv-SE').resolvedOptions(),
  'collator.supportedLocalesOf': () => Intl.Collator.supportedLocalesOf(['de-DE', 'sv', 'tlh', 'zh-Hant-TW']),

  // ---- Intl.DateTimeFormat around clock changes
  'dtf.newYork.changes': () => aroundChanges('America/New_York', 'en-US', { dateStyle: 'medium', timeStyle: 'long' }),
  'dtf.berlin.changes': () => aroundChanges('Europe/Berlin', 'de-DE', { dateStyle: 'medium', timeStyle: 'long' }),
  'dtf.sydney.changes': () => aroundChanges('Australia/Sydney', 'en-AU', { dateStyle: 'medium', timeStyle: 'long' }),
  'dtf.kolkata.changes': () => aroundChanges('Asia/Kolkata', 'en-IN', { dateStyle: 'medium', timeStyle: 'long' }),
  'dtf.newYork.zoneNames': () => ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']
    .map(timeZoneName => aroundChanges('America/New_York', 'en-US', { hour: 'numeric', minute: '2-digit', timeZoneName })),
  'dtf.berlin.zoneNames': () => ['short', 'long', 'shortOffset', 'longGeneric']
    .map(timeZoneName => aroundChanges('Europe/Berlin', 'de-DE', { hour: 'numeric', minute: '2-digit', timeZoneName })),
  'dtf.sydney.zoneNames': () => ['short', 'long', 'shortOffset']
    .map(timeZoneName => aroundChanges('Australia/Sydney', 'en-AU', { hour: 'numeric', minute: '2-digit', timeZoneName })),
  'dtf.kolkata.zoneNames': () => ['short', 'long', 'shortOffset', 'longOffset']
    .map(timeZoneName => aroundChanges('Asia/Kolkata', 'en-IN', { hour: 'numeric', minute: '2-digit', timeZoneName })),
  'dtf.newYork.hourCounts': () => changes['America/New_York'].map(iso =>
    new Date(iso).toLocaleString('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })),
  'dtf.formatToParts': () => parts(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'full', timeStyle: 'full' })
    .formatToParts(new Date('2025-11-02T06:30:00Z'))),
  'dtf.de.formatToParts': () => parts(new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric',
    month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, timeZoneName: 'short' })
    .formatToParts(new Date('2025-10-26T00:30:00.123Z'))),
  'dtf.formatRange.sameDay': () => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'medium', timeStyle: 'short' })
    .formatRange(new Date('2025-03-09T06:30:00Z'), new Date('2025-03-09T07:30:00Z')),
  'dtf.formatRange.months': () => ['en-US', 'de-DE', 'ja-JP', 'fr-FR'].map(locale =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' })
      .formatRange(new Date('2025-03-30T12:00:00Z'), new Date('2025-04-02T12:00:00Z'))),
  'dtf.formatRange.years': () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Australia/Sydney', dateStyle: 'long' })
    .formatRange(new Date('2024-12-30T00:00:00Z'), new Date('2025-01-02T00:00:00Z')),
  'dtf.formatRange.equal': () => new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', hour: 'numeric', minute: 'numeric' })
    .formatRange(new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')),
  'dtf.formatRangeToParts': () => parts(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: 'numeric' })
    .formatRangeToParts(new Date('2025-11-02T05:30:00Z'), new Date('2025-11-02T06:30:00Z'))),
  'dtf.dateStyles': () => ['full', 'long', 'medium', 'short'].map(dateStyle =>
    ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ko-KR', 'zh-CN', 'ru-RU', 'pt-BR', 'hi-IN']
      .map(locale => formatIn(locale, { timeZone: 'Europe/Berlin', dateStyle }, '2025-07-04T10:05:06Z'))),
  'dtf.timeStyles': () => ['full', 'long', 'medium', 'short'].map(timeStyle =>
    ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ko-KR', 'zh-CN']
      .map(locale => formatIn(locale, { timeZone: 'Asia/Kolkata', timeStyle }, '2025-07-04T10:05:06Z'))),
  'dtf.hourCycles': () => ['h11', 'h12', 'h23', 'h24'].map(hourCycle =>
    ['en-US', 'ja-JP', 'de-DE'].map(locale => formatIn(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', hourCycle },
      '2025-01-01T00:30:00Z') + ' / ' + formatIn(locale, { timeZone: 'UTC', hour: 'numeric', hourCycle }, '2025-01-01T12:30:00Z'))),
  'dtf.hour12': () => [true, false].map(hour12 => ['en-US', 'de-DE'].map(locale =>
    formatIn(locale, { timeZone: 'UTC', timeStyle: 'short', hour12 }, '2025-01-01T00:30:00Z'))),
  'dtf.resolvedHourCycle': () => ['en-US', 'en-GB', 'ja-JP', 'ja-JP-u-hc-h11', 'de-DE-u-hc-h12']
    .map(locale => new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle),
  'dtf.dayPeriod': () => ['narrow', 'short', 'long'].map(dayPeriod => ['2025-01-01T03:00:00Z', '2025-01-01T12:00:00Z',
    '2025-01-01T15:00:00Z', '2025-01-01T21:00:00Z'].map(iso => formatIn('en-US', { timeZone: 'UTC', hour: 'numeric', dayPeriod }, iso))),
  'dtf.japanese': () => ['ja-JP-u-ca-japanese', 'en-US-u-ca-japanese'].map(locale =>
    ['1989-01-07T12:00:00Z', '1989-01-08T12:00:00Z', '2019-04-30T12:00:00Z', '2019-05-01T12:00:00Z', '2025-07-04T12:00:00Z']
      .map(iso => formatIn(locale, { timeZone: 'Asia/Tokyo', era: 'long', year: 'numeric', month: 'long', day: 'numeric' }, iso))),
  'dtf.japanese.parts': () => parts(new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'Asia/Tokyo', dateStyle: 'full' })
    .formatToParts(new Date('2019-05-01T12:00:00Z'))),
  'dtf.islamic': () => ['islamic', 'islamic-civil', 'islamic-umalqura', 'islamic-tbla'].map(ca =>
    formatIn('en-US-u-ca-' + ca, { timeZone: 'UTC', dateStyle: 'full' }, '2025-03-01T12:00:00Z')),
  'dtf.islamic.ar': () => formatIn('ar-SA-u-ca-islamic-umalqura', { timeZone: 'Asia/Riyadh', dateStyle: 'full' }, '2025-03-01T12:00:00Z'),
  'dtf.hebrew': () => ['he-IL-u-ca-hebrew', 'en-US-u-ca-hebrew'].map(locale =>
    ['2025-09-23T12:00:00Z', '2025-09-24T12:00:00Z', '2024-03-15T12:00:00Z']
      .map(iso => formatIn(locale, { timeZone: 'Asia/Jerusalem', dateStyle: 'long' }, iso))),
  'dtf.otherCalendars': () => ['buddhist', 'chinese', 'persian', 'indian', 'ethiopic', 'coptic', 'roc', 'dangi'].map(ca =>
    formatIn('en-US-u-ca-' + ca, { timeZone: 'UTC', dateStyle: 'long' }, '2025-07-04T12:00:00Z')),
  'dtf.chinese.parts': () => parts(new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' })
    .formatToParts(new Date('2025-01-29T12:00:00Z'))),
  'dtf.calendar.option': () => new Intl.DateTimeFormat('th-TH', { calendar: 'buddhist', timeZone: 'Asia/Bangkok' }).resolvedOptions(),
  'dtf.numberingSystems': () => ['ar-EG', 'ar-SA', 'ar', 'fa-IR', 'en-US-u-nu-arab', 'ar-EG-u-nu-latn', 'hi-IN-u-nu-deva', 'th-TH-u-nu-thai', 'zh-CN-u-nu-hanidec']
    .map(locale => formatIn(locale, { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }, '2025-07-04T10:05:06Z')),
  'dtf.numberingSystem.option': () => formatIn('en-US', { timeZone: 'UTC', numberingSystem: 'arab', dateStyle: 'short' }, '2025-07-04T10:05:06Z'),
  'dtf.resolvedOptions': () => new Intl.DateTimeFormat('ar-EG', { timeZone: 'asia/kolkata', dateStyle: 'long', timeStyle: 'short' }).resolvedOptions(),
  'dtf.resolvedOptions.components': () => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'short', hour: 'numeric' }).resolvedOptions(),
  'dtf.zoneAliases': () => ['Asia/Calcutta', 'US/Eastern', 'Etc/GMT+5', 'UTC', 'Etc/UTC', 'GMT', 'Europe/Kiev']
    .map(timeZone => new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone),
  'dtf.badZone': () => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' }),
  'dtf.styleAndComponent': () => new Intl.DateTimeFormat('en', { dateStyle: 'short', hour: 'numeric' }),
  'dtf.fractionalSeconds': () => [1, 2, 3].map(fractionalSecondDigits =>
    formatIn('en-US', { timeZone: 'UTC', minute: '2-digit', second: '2-digit', fractionalSecondDigits }, '2025-01-01T00:01:02.345Z')),
  'dtf.weekdaysMonths': () => ['narrow', 'short', 'long'].map(style => ['en', 'de', 'ru', 'ar', 'ja'].map(locale =>
    formatIn(locale, { timeZone: 'UTC', weekday: style, month: style }, '2025-02-03T12:00:00Z'))),
  'dtf.era': () => ['en', 'de', 'fr'].map(locale => formatIn(locale, { timeZone: 'UTC', year: 'numeric', era: 'short' }, '-000500-06-01T00:00:00Z')),
  'dtf.coyhaique': () => formatIn('en-US', { timeZone: 'America/Coyhaique', dateStyle: 'medium', timeStyle: 'long' }, '2025-07-01T12:00:00Z'),
  'dtf.historic': () => formatIn('en-US', { timeZone: 'America/New_York', dateStyle: 'full', timeStyle: 'long' }, '1883-11-18T17:00:00Z'),
  'dtf.farFuture': () => formatIn('en-US', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'long' }, '2150-07-01T12:00:00Z'),

  // ---- Intl.DisplayNames
  'displayNames.languages': () => ['en', 'de', 'ja', 'fr'].map(locale => {
    const names = new Intl.DisplayNames(locale, { type: 'language' });
    return ['de', 'en-US', 'en-GB', 'zh-Hant', 'fr-CA', 'pt-BR', 'sr-Latn', 'nds', 'yue'].map(code => names.of(code));
  }),
  'displayNames.languageDisplay': () => ['dialect', 'standard'].map(languageDisplay =>
    ['en-US', 'en-GB', 'es-419', 'zh-Hans'].map(code => new Intl.DisplayNames('en', { type: 'language', languageDisplay }).of(code))),
  'displayNames.regions': () => ['long', 'short', 'narrow'].map(style => ['en', 'de', 'ar'].map(locale =>
    ['US', 'DE', 'JP', '419', 'CH', 'GB', 'HK', 'UN', 'EU'].map(code => new Intl.DisplayNames(locale, { type: 'region', style }).of(code)))),
  'displayNames.currencies': () => ['en', 'de', 'ja', 'zh'].map(locale =>
    ['EUR', 'JPY', 'USD', 'CHF', 'INR', 'XAU'].map(code => new Intl.DisplayNames(locale, { type: 'currency' }).of(code))),
  'displayNames.scripts': () => ['en', 'de', 'ru'].map(locale =>
    ['Latn', 'Cyrl', 'Hans', 'Hant', 'Arab', 'Deva', 'Zsye'].map(code => new Intl.DisplayNames(locale, { type: 'script' }).of(code))),
  'displayNames.calendars': () => ['gregory', 'japanese', 'islamic-umalqura', 'hebrew', 'chinese']
    .map(code => new Intl.DisplayNames('en', { type: 'calendar' }).of(code)),
  'displayNames.dateTimeFields': () => ['era', 'year', 'quarter', 'month', 'weekOfYear', 'weekday', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'timeZoneName']
    .map(code => new Intl.DisplayNames('de', { type: 'dateTimeField' }).of(code)),
  'displayNames.fallback': () => [new Intl.DisplayNames('en', { type: 'region' }).of('XY'),
    String(new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of('XY')),
    new Intl.DisplayNames('en', { type: 'language' }).of('xx')],
  'displayNames.invalid': () => new Intl.DisplayNames('en', { type: 'region' }).of('12345'),
  'displayNames.needsType': () => new Intl.DisplayNames('en'),

  // ---- Intl.DurationFormat (see duration())
  'duration.exists': () => typeof Intl.DurationFormat,
  'duration.long': () => ['en', 'de', 'fr', 'ja'].map(locale => duration(locale, 'long', { hours: 1, minutes: 46, seconds: 40 })),
  'duration.short': () => ['en', 'de', 'es'].map(locale => duration(locale, 'short', { days: 2, hours: 3, minutes: 1 })),
  'duration.narrow': () => ['en', 'ru'].map(locale => duration(locale, 'narrow', { years: 1, months: 2, days: 5 })),

  // ---- Intl.ListFormat
  'listFormat.en': () => ['conjunction', 'disjunction', 'unit'].map(type => ['long', 'short', 'narrow'].map(style =>
    new Intl.ListFormat('en', { type, style }).format(['red', 'green', 'blue']))),
  'listFormat.locales': () => ['de', 'fr', 'ja', 'zh', 'ar', 'he', 'hi'].map(locale =>
    new Intl.ListFormat(locale).format(['A', 'B', 'C'])),
  'listFormat.es.y-e': () => [['agua', 'hielo'], ['fuego', 'iglesia'], ['siete', 'ocho'], ['diez', 'once']]
    .map(items => new Intl.ListFormat('es').format(items) + ' / ' + new Intl.ListFormat('es', { type: 'disjunction' }).format(items)),
  'listFormat.sizes': () => [[], ['a'], ['a', 'b'], ['a', 'b', 'c', 'd']].map(items => new Intl.ListFormat('en').format(items)),
  'listFormat.formatToParts': () => parts(new Intl.ListFormat('en', { type: 'disjunction' }).formatToParts(['x', 'y', 'z'])),
  'listFormat.notStrings': () => new Intl.ListFormat('en').format([1, 2]),

  // ---- Intl.Locale
  'locale.maximize': () => ['en', 'zh', 'zh-TW', 'zh-HK', 'sr', 'sr-ME', 'und', 'und-Cyrl', 'ar', 'pa-PK', 'az-IR', 'mn-CN']
    .map(tag => new Intl.Locale(tag).maximize().toString()),
  'locale.minimize': () => ['en-Latn-US', 'zh-Hant-TW', 'zh-Hans-CN', 'sr-Cyrl-RS', 'de-Latn-AT', 'en-Latn-GB', 'und-Latn']
    .map(tag => new Intl.Locale(tag).minimize().toString()),
  'locale.getters': () => {
    const l = new Intl.Locale('ja-Jpan-JP-u-ca-japanese-hc-h12-kf-upper-kn-co-unihan-nu-jpanfin');
    return [l.baseName, l.language, l.script, l.region, l.calendar, l.hourCycle, l.caseFirst, l.numeric, l.collation, l.numberingSystem, l.toString()];
  },
  'locale.options': () => new Intl.Locale('en', { region: 'GB', calendar: 'gregory', hourCycle: 'h23', numeric: true, script: 'Latn' }).toString(),
  'locale.canonical': () => ['EN-us', 'iw-IL', 'en-US-u-ca-ethiopic-amete-alem', 'sh', 'no-bok', 'de-u-co-phonebk-ka-shifted']
    .map(tag => new Intl.Locale(tag).toString()),
  'locale.calendars': () => ['ja-JP', 'th-TH', 'ar-SA', 'fa-IR', 'en-US', 'he-IL'].map(tag => info(tag, 'calendars')),
  'locale.collations': () => ['de', 'sv', 'zh', 'es'].map(tag => info(tag, 'collations')),
  'locale.hourCycles': () => ['en-US', 'ja-JP', 'de-DE', 'ko-KR'].map(tag => info(tag, 'hourCycles')),
  'locale.numberingSystems': () => ['ar-EG', 'ar-MA', 'fa', 'en', 'hi-IN'].map(tag => info(tag, 'numberingSystems')),
  'locale.timeZones': () => ['jp', 'in', 'au', 'de'].map(region => info('und-' + region.toUpperCase(), 'timeZones')),
  'locale.textInfo': () => ['ar', 'he', 'en', 'ur'].map(tag => info(tag, 'textInfo')),
  'locale.weekInfo': () => ['en-US', 'de-DE', 'ar-EG', 'en-GB', 'fr-FR', 'ja-JP'].map(tag => {
    const week = info(tag, 'weekInfo');
    return [week.firstDay, week.weekend];
  }),
  'locale.invalid': () => new Intl.Locale('en_US'),

  // ---- Intl.NumberFormat
  'nf.currency': () => [['en-US', 'USD'], ['de-DE', 'EUR'], ['ja-JP', 'JPY'], ['en-IN', 'INR'], ['fr-FR', 'EUR'], ['de-CH', 'CHF'],
    ['ar-EG', 'EGP'], ['pt-BR', 'BRL'], ['ko-KR', 'KRW'], ['en-GB', 'GBP']]
    .map(([locale, currency]) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(-1234567.891)),
  'nf.currencyDisplay': () => ['symbol', 'narrowSymbol', 'code', 'name'].map(currencyDisplay => ['en-US', 'de-DE', 'en-CA'].map(locale =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', currencyDisplay }).format(2.5))),
  'nf.accounting': () => ['en-US', 'de-DE', 'ja-JP', 'en-GB', 'nl-NL'].map(locale =>
    [-1234.56, 1234.56, 0, -0].map(n => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', currencySign: 'accounting' }).format(n))),
  'nf.currencyDigits': () => ['JPY', 'BHD', 'CLF', 'USD', 'KRW'].map(currency =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(1234.5678)),
  'nf.unit': () => ['long', 'short', 'narrow'].map(unitDisplay => ['kilometer-per-hour', 'liter', 'megabyte', 'celsius', 'fahrenheit',
    'meter-per-second', 'kilogram', 'percent', 'hour', 'mile-per-gallon', 'gigabit-per-second']
    .map(unit => new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay }).format(1.5))),
  'nf.unit.de': () => ['long', 'short', 'narrow'].map(unitDisplay => ['kilometer-per-hour', 'liter', 'day', 'byte-per-second']
    .map(unit => [1, 2.5].map(n => new Intl.NumberFormat('de-DE', { style: 'unit', unit, unitDisplay }).format(n)))),
  'nf.unit.plurals': () => ['ru', 'ar', 'pl'].map(locale => [1, 2, 5, 21, 1.5].map(n =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', unitDisplay: 'long' }).format(n))),
  'nf.unit.unsanctioned': () => new Intl.NumberFormat('en', { style: 'unit', unit: 'kilowatt-hour' }),
  'nf.compact': () => ['short', 'long'].map(compactDisplay => ['en-US', 'de-DE', 'ja-JP', 'en-IN', 'zh-CN', 'es-ES'].map(locale =>
    [999, 1234, 12345, 1234567, 1.5e9, 2.5e12].map(n => new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay }).format(n)))),
  'nf.compact.currency': () => new Intl.NumberFormat('en-US', { notation: 'compact', style: 'currency', currency: 'USD' }).format(1234567),
  'nf.percent': () => ['en-US', 'de-DE', 'fr-FR', 'tr-TR', 'ar-EG'].map(locale => [0.256, -0.5, 1.23456].map(n =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n))),
  'nf.scientific': () => ['scientific', 'engineering'].map(notation => ['en-US', 'de-DE'].map(locale =>
    [123456, 0.000123, -1.5e-10, 0].map(n => new Intl.NumberFormat(locale, { notation }).format(n)))),
  'nf.signDisplay': () => ['auto', 'always', 'exceptZero', 'negative', 'never'].map(signDisplay =>
    [-1, -0, 0, 1, NaN, -0.0001].map(n => new Intl.NumberFormat('en-US', { signDisplay, maximumFractionDigits: 2 }).format(n))),
  'nf.signDisplay.currency': () => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', signDisplay: 'always', currencySign: 'accounting' })
    .format(-5) + ' ' + new Intl.NumberFormat('en-US', { style: 'percent', signDisplay: 'exceptZero' }).format(0.05),
  'nf.grouping': () => ['en-US', 'en-IN', 'hi-IN', 'de-DE', 'de-CH', 'fr-CH', 'fr-FR', 'es-ES', 'pl-PL', 'ar-EG', 'fa-IR', 'bn-BD', 'ja-JP']
    .map(locale => new Intl.NumberFormat(locale).format(1234567.891)),
  'nf.useGrouping': () => [true, false, 'always', 'auto', 'min2'].map(useGrouping => ['en-US', 'es-ES', 'pl-PL'].map(locale =>
    [1234, 12345].map(n => new Intl.NumberFormat(locale, { useGrouping }).format(n)))),
  'nf.deCH': () => [new Intl.NumberFormat('de-CH').format(-1234567.891),
    new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' }).format(1234.5),
    new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'EUR' }).format(1234.5)],
  'nf.arEG': () => [new Intl.NumberFormat('ar-EG').format(-1234567.891), new Intl.NumberFormat('ar-EG', { style: 'percent' }).format(0.42),
    new Intl.NumberFormat('ar-EG').resolvedOptions().numberingSystem, new Intl.NumberFormat('ar').resolvedOptions().numberingSystem],
  'nf.numberingSystems': () => ['arab', 'arabext', 'deva', 'beng', 'thai', 'hanidec', 'fullwide', 'tamldec', 'mymr']
    .map(nu => new Intl.NumberFormat('en-u-nu-' + nu).format(1234567.891)),
  'nf.formatToParts': () => [parts(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).formatToParts(-1234.5)),
    parts(new Intl.NumberFormat('en-US', { notation: 'compact' }).formatToParts(1234567)),
    parts(new Intl.NumberFormat('en-US', { notation: 'scientific' }).formatToParts(-0.00012)),
    parts(new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour' }).formatToParts(50))],
  'nf.formatRange': () => [new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).formatRange(3, 5),
    new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).formatRange(3, 5),
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatRange(2.999, 3.001),
    new Intl.NumberFormat('en-US').formatRange(-5, 5),
    new Intl.NumberFormat('ja-JP', { style: 'unit', unit: 'kilometer' }).formatRange(1, 2),
    new Intl.NumberFormat('en-US', { notation: 'compact' }).formatRange(1000, 1500000)],
  'nf.formatRange.reversed': () => new Intl.NumberFormat('en-US').formatRange(5, 3),
  'nf.formatRangeToParts': () => parts(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatRangeToParts(3, 5)),
  'nf.roundingMode': () => ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven']
    .map(roundingMode => [2.5, -2.5, 1.5, 1.005, -0.5].map(n => new Intl.NumberFormat('en-US', { roundingMode, maximumFractionDigits: 0 }).format(n))),
  'nf.roundingIncrement': () => [5, 10, 25, 50].map(roundingIncrement => [1.23, 1.27, 1.5].map(n =>
    new Intl.NumberFormat('en-US', { roundingIncrement, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n))),
  'nf.roundingIncrement.invalid': () => new Intl.NumberFormat('en-US', { roundingIncrement: 3, maximumFractionDigits: 2 }),
  'nf.roundingPriority': () => ['auto', 'morePrecision', 'lessPrecision'].map(roundingPriority =>
    new Intl.NumberFormat('en-US', { roundingPriority, maximumFractionDigits: 2, maximumSignificantDigits: 2 }).format(1.2345)),
  'nf.trailingZeroDisplay': () => ['auto', 'stripIfInteger'].map(trailingZeroDisplay =>
    [1, 1.5].map(n => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', trailingZeroDisplay }).format(n))),
  'nf.digits': () => [new Intl.NumberFormat('en-US', { minimumIntegerDigits: 3 }).format(7),
    new Intl.NumberFormat('en-US', { minimumSignificantDigits: 3 }).format(5),
    new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(123456),
    new Intl.NumberFormat('en-US', { minimumFractionDigits: 20 }).format(0.1)],
  'nf.bigint': () => ['en-US', 'de-DE', 'hi-IN', 'ar-EG'].map(locale => new Intl.NumberFormat(locale).format(12345678901234567890n)),
  'nf.decimalString': () => [new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }).format('1.23456789012345678901'),
    new Intl.NumberFormat('en-US').format('1e400'), new Intl.NumberFormat('en-US').format('-0'),
    new Intl.NumberFormat('en-US').format(' 12345678901234567890.5 ')],
  'nf.specials': () => ['en-US', 'de-DE', 'ar-EG', 'ja-JP'].map(locale => [Infinity, -Infinity, NaN].map(n => new Intl.NumberFormat(locale).format(n))),
  'nf.resolvedOptions': () => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'eur' }).resolvedOptions(),
  'nf.resolvedOptions.sorted': () => sortedEntries(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'eur' }).resolvedOptions()),
  'nf.resolvedOptions.unit': () => sortedEntries(new Intl.NumberFormat('en', { style: 'unit', unit: 'mile-per-hour', notation: 'compact' }).resolvedOptions()),
  'nf.badCurrency': () => new Intl.NumberFormat('en', { style: 'currency', currency: 'EURO' }),
  'nf.noCurrency': () => new Intl.NumberFormat('en', { style: 'currency' }),

  // ---- Intl.PluralRules
  'plural.en': () => [0, 1, 2, 1.5, '1.0'].map(n => new Intl.PluralRules('en').select(n)),
  'plural.en.ordinal': () => [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(n => new Intl.PluralRules('en', { type: 'ordinal' }).select(n)),
  'plural.ar': () => [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 1.5].map(n => new Intl.PluralRules('ar').select(n)),
  'plural.ru': () => [0, 1, 2, 5, 11, 21, 22, 25, 111, 1.5].map(n => new Intl.PluralRules('ru').select(n)),
  'plural.others': () => ['pl', 'cy', 'ga', 'ja', 'fr', 'sl', 'he'].map(locale => [0, 1, 2, 3, 6, 11, 20, 100, 1000000].map(n =>
    new Intl.PluralRules(locale).select(n))),
  'plural.ordinal.others': () => ['cy', 'it', 'sv', 'ka'].map(locale => [1, 2, 3, 4, 8, 11, 80, 100].map(n =>
    new Intl.PluralRules(locale, { type: 'ordinal' }).select(n))),
  'plural.selectRange': () => [['en', 1, 2], ['en', 1, 1], ['ru', 1, 2], ['ru', 1, 5], ['ar', 0, 3], ['fr', 0, 1], ['de', 1, 2]]
    .map(([locale, a, b]) => new Intl.PluralRules(locale).selectRange(a, b)),
  'plural.fractionDigits': () => [new Intl.PluralRules('en', { minimumFractionDigits: 1 }).select(1),
    new Intl.PluralRules('en', { maximumSignificantDigits: 1 }).select(1.4), new Intl.PluralRules('fr').select(1.5),
    new Intl.PluralRules('en').select(1e6), new Intl.PluralRules('es').select(1e6)],
  'plural.categories': () => ['en', 'ar', 'ru', 'ja', 'cy', 'fr'].map(locale => new Intl.PluralRules(locale).resolvedOptions().pluralCategories),
  'plural.categories.sorted': () => ['en', 'ar', 'ru', 'ja', 'cy', 'fr'].map(locale => new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort()),
  'plural.ordinal.categories': () => ['en', 'cy', 'sv'].map(locale => new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories.sort()),

  // ---- Intl.RelativeTimeFormat
  'rtf.numericAuto': () => ['en', 'de', 'fr', 'ja', 'ru'].map(locale => [-2, -1, 0, 1, 2].map(n =>
    new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(n, 'day'))),
  'rtf.numericAlways': () => ['en', 'de'].map(locale => [-1, 0, 1].map(n => new Intl.RelativeTimeFormat(locale).format(n, 'day'))),
  'rtf.units': () => ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].map(unit =>
    [-1, 0, 3].map(n => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(n, unit))),
  'rtf.styles': () => ['long', 'short', 'narrow'].map(style => ['en', 'es', 'ru'].map(locale =>
    new Intl.RelativeTimeFormat(locale, { style }).format(-3, 'month'))),
  'rtf.negativeZero': () => [new Intl.RelativeTimeFormat('en').format(-0, 'second'), new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-0, 'year')],
  'rtf.formatToParts': () => parts(new Intl.RelativeTimeFormat('en').formatToParts(1234.5, 'day')),
  'rtf.badUnit': () => new Intl.RelativeTimeFormat('en').format(1, 'fortnight'),

  // ---- Intl.Segmenter
  'segmenter.grapheme.emoji': () => segs('en', 'grapheme', 'a👨‍👩‍👧‍👦🇩🇪🇯🇵e\u0301👍🏽🏳️‍🌈#️⃣'),
  'segmenter.grapheme.scripts': () => [segs('ko', 'grapheme', '\u1100\u1161\u11A8한국'), segs('hi', 'grapheme', 'नमस्ते क्षत्रिय'),
    segs('th', 'grapheme', 'น้ำ'), segs('en', 'grapheme', '\r\n\u200d')],
  'segmenter.grapheme.count': () => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment('👩🏽‍💻🧑‍🤝‍🧑🇺🇳'.repeat(100))].length,
  'segmenter.word.en': () => segs('en', 'word', "Hello, world! It's 3.14 o'clock; e-mail me at a.b@example.com."),
  // Han, Hiragana and Katakana need cjdict.dict and, since V8's ICU is built with UCONFIG_USE_ML_PHRASE_BREAKING,
  // the phrase model brkitr/jaml.res too: without either, the whole run is one word
  'segmenter.word.ja': () => segs('ja', 'word', '今日は良い天気です'),
  // Thai and Khmer (segmenter.word.km) words come from thaidict.dict and khmerdict.dict
  'segmenter.word.th': () => segs('th', 'word', 'สวัสดีครับ'),
  'segmenter.word.zh': () => segs('zh', 'word', '我们是中国人，喜欢学习。'),
  'segmenter.word.km': () => segs('km', 'word', 'ខ្ញុំស្រលាញ់ភាសាខ្មែរ'),
  'segmenter.word.de': () => segs('de', 'word', 'Donaudampfschifffahrt, 1.000,50 €.'),
  'segmenter.sentence': () => segs('en', 'sentence', 'Mr. Smith went to Washington. He arrived at 3 p.m. on Jan. 5! Did he? Yes… "Quite." Done'),
  'segmenter.sentence.el': () => segs('el', 'sentence', 'Τι κάνεις; Καλά. Ευχαριστώ!'),
  'segmenter.containing': () => {
    const segments = new Intl.Segmenter('en', { granularity: 'word' }).segment('The quick brown fox');
    return [5, 0, 9, 18, 19, -1].map(i => {
      const s = segments.containing(i);
      return s === undefined ? 'undefined' : [s.segment, s.index, s.isWordLike];
    });
  },
  'segmenter.resolvedOptions': () => [new Intl.Segmenter('th-TH', { granularity: 'word' }).resolvedOptions(), new Intl.Segmenter('ja').resolvedOptions()],

  // ---- Intl itself
  'intl.getCanonicalLocales': () => Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw', 'de-DE-u-co-phonebk', 'iw', 'in-ID', 'mo', 'sh', 'cmn',
    'und-latn', 'en-u-ca-ethiopic-amete-alem', 'en-US', 'art-lojban', 'zh-min-nan', 'ja-Latn-hepburn-heploc', 'sgn-GR']),
  'intl.getCanonicalLocales.invalid': () => Intl.getCanonicalLocales('en_US'),
  'intl.getCanonicalLocales.duplicates': () => Intl.getCanonicalLocales(['en-us', 'EN-US', 'en-US-x-private']),
  'intl.supportedLocalesOf': () => [Intl.NumberFormat.supportedLocalesOf(['de-DE', 'xx', 'zh-Hant-TW', 'en-US-u-nu-thai']),
    Intl.DateTimeFormat.supportedLocalesOf(['ja-JP-u-ca-japanese', 'tlh-Latn'], { localeMatcher: 'lookup' }),
    Intl.Segmenter.supportedLocalesOf(['th', 'ja', 'km']), Intl.PluralRules.supportedLocalesOf('cy')],
  'intl.supportedValuesOf.calendar': () => Intl.supportedValuesOf('calendar'),
  'intl.supportedValuesOf.collation': () => Intl.supportedValuesOf('collation'),
  'intl.supportedValuesOf.currency': () => Intl.supportedValuesOf('currency').length,
  'intl.supportedValuesOf.numberingSystem': () => Intl.supportedValuesOf('numberingSystem'),
  'intl.supportedValuesOf.timeZone': () => Intl.supportedValuesOf('timeZone'),
  'intl.supportedValuesOf.unit': () => Intl.supportedValuesOf('unit'),
  'intl.supportedValuesOf.invalid': () => Intl.supportedValuesOf('colour'),
  'intl.toStringTag': () => [Object.prototype.toString.call(Intl), Object.prototype.toString.call(new Intl.Collator('en'))],

  // ---- toLocaleString and friends
  'number.toLocaleString': () => ['de-DE', 'en-IN', 'ar-EG', 'fr-FR', 'ja-JP', 'de-CH', 'en-US'].map(locale => (1234567.891).toLocaleString(locale)),
  'number.toLocaleString.options': () => [(0.5).toLocaleString('de-DE', { style: 'percent' }),
    (1234.5).toLocaleString('ja-JP', { style: 'currency', currency: 'JPY' }),
    (1e21).toLocaleString('en-US'), (-0).toLocaleString('en-US'), (5).toLocaleString('en-US', { minimumFractionDigits: 2 })],
  'number.toLocaleString.badLocale': () => (1).toLocaleString('en_US'),
  'bigint.toLocaleString': () => [12345678901234567890n.toLocaleString('de-DE'), (-5n).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
    (10n ** 30n).toLocaleString('en-IN'), 1n.toLocaleString('ar-EG')],
  'date.toLocaleString': () => [['en-US', 'America/New_York'], ['de-DE', 'Europe/Berlin'], ['en-AU', 'Australia/Sydney'], ['en-IN', 'Asia/Kolkata'],
    ['ja-JP', 'Asia/Tokyo'], ['ar-EG', 'Africa/Cairo'], ['en-GB', 'UTC']]
    .map(([locale, timeZone]) => new Date('2025-03-30T01:30:00Z').toLocaleString(locale, { timeZone })),
  'date.toLocaleDateString': () => [new Date('2025-10-04T16:30:00Z').toLocaleDateString('en-GB', { timeZone: 'Australia/Sydney' }),
    new Date('2025-10-04T16:30:00Z').toLocaleDateString('de-DE', { timeZone: 'America/New_York', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    new Date('2025-10-04T16:30:00Z').toLocaleDateString('ja-JP-u-ca-japanese', { timeZone: 'Asia/Tokyo', era: 'long' }),
    new Date('2025-10-04T16:30:00Z').toLocaleDateString('en-US', { timeZone: 'UTC', hour: 'numeric' })],
  'date.toLocaleTimeString': () => [new Date('2025-11-02T06:30:00Z').toLocaleTimeString('en-US', { timeZone: 'America/New_York', timeZoneName: 'short' }),
    new Date('2025-11-02T06:30:00Z').toLocaleTimeString('en-IN', { timeZone: 'Asia/Kolkata' }),
    new Date('2025-11-02T06:30:00Z').toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }),
    new Date('2025-11-02T06:30:00Z').toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul' })],
  'date.invalid.toLocaleString': () => new Date(NaN).toLocaleString('en-US', { timeZone: 'UTC' }),
  'array.toLocaleString': () => [[1234.5, new Date('2025-01-02T03:04:05Z'), 7n, null, 'x'].toLocaleString('de-DE', { timeZone: 'UTC' }),
    [1234.5, 0.25].toLocaleString('en-US', { style: 'percent' }), [[1000, 2000], 3000].toLocaleString('fr-FR')],
  'string.localeCompare': () => [['ä', 'z', 'de'], ['ä', 'z', 'sv'], ['a', 'B', 'en'], ['résumé', 'resume', 'fr'], ['ch', 'h', 'cs'],
    ['ch', 'h', 'en'], ['ll', 'm', 'es'], ['ı', 'i', 'tr'], ['ü', 'y', 'sv'], ['ö', 'o', 'de']].map(([a, b, locale]) => a.localeCompare(b, locale)),
  'string.localeCompare.options': () => [['a', 'A', { sensitivity: 'base' }], ['a', 'á', { sensitivity: 'base' }], ['a', 'á', { sensitivity: 'accent' }],
    ['10', '9', { numeric: true }], ['a', 'A', { caseFirst: 'upper' }], ['a-b', 'ab', { ignorePunctuation: true }]]
    .map(([a, b, options]) => a.localeCompare(b, 'en', options)),
  'string.localeCompare.sort': () => ['Ärzte', 'Arzt', 'Zahn', 'Öl', 'Ohr', 'Ähre', 'Ast'].sort((a, b) => a.localeCompare(b, 'de')),
  'string.turkish': () => ['istanbul'.toLocaleUpperCase('tr'), 'İSTANBUL'.toLocaleLowerCase('tr'), 'DIYARBAKIR'.toLocaleLowerCase('tr'),
    'I'.toLocaleLowerCase('en'), 'I'.toLocaleLowerCase('tr'), 'i'.toLocaleUpperCase('en-US'), 'i'.toLocaleUpperCase('az'),
    'İ'.toLocaleLowerCase('en'), 'I\u0307'.toLocaleLowerCase('tr')].map(cps),
  'string.german': () => ['ß'.toLocaleUpperCase('de'), 'straße'.toUpperCase(), 'ẞ'.toLocaleLowerCase('de'), 'ﬁ'.toLocaleUpperCase('en'),
    'ŉ'.toUpperCase(), 'ǆ'.toUpperCase()].map(cps),
  'string.lithuanian': () => ['I\u0300'.toLocaleLowerCase('lt'), 'Ì'.toLocaleLowerCase('lt'), 'Ĩ'.toLocaleLowerCase('lt'), 'J\u0301'.toLocaleLowerCase('lt'),
    'i\u0307'.toLocaleUpperCase('lt'), 'ì'.toLocaleUpperCase('lt'), 'Ì'.toLocaleLowerCase('en')].map(cps),
  'string.greek': () => ['ΌΣΟΣ'.toLocaleLowerCase('el'), 'ΌΣΟΣ'.toLowerCase(), 'όσος'.toLocaleUpperCase('el'), 'όσος'.toUpperCase(),
    'ΑΣ ΣΑ Σ'.toLowerCase(), 'άδεια'.toLocaleUpperCase('el'), 'ΐ'.toUpperCase()].map(cps),
  'string.localeList': () => ['i'.toLocaleUpperCase(['tr', 'en']), 'i'.toLocaleUpperCase(['en', 'tr']), 'I'.toLocaleLowerCase([])].map(cps),
  'string.caseBadLocale': () => 'a'.toLocaleUpperCase('en_US'),

  // ---- String.prototype.normalize
  'normalize.hangul': () => ['NFC', 'NFD', 'NFKC', 'NFKD'].map(form => cps('한국어'.normalize(form)) + ' / ' + cps('\u1112\u1161\u11AB'.normalize(form))),
  'normalize.latin': () => ['NFC', 'NFD', 'NFKC', 'NFKD'].map(form => ['e\u0301', 'é', 'Å', '\u212B', 'a\u0323\u0302', 'a\u0302\u0323', 'ǅ', '\u2126']
    .map(s => cps(s.normalize(form)))),
  'normalize.ligatures': () => ['NFC', 'NFD', 'NFKC', 'NFKD'].map(form => ['\uFB01', '\uFB03', '\u0132', 'Ǆ', 'ŉ'].map(s => cps(s.normalize(form)))),
  'normalize.fullwidth': () => ['NFC', 'NFKC'].map(form => ['Ｈｅｌｌｏ１２３！', 'ｶﾞｷﾞ', '\u3000'].map(s => s.normalize(form))),
  'normalize.compatibility': () => ['NFKC', 'NFKD'].map(form => ['①', '½', '㎞', 'x²', '℃', '™', '…', '\u00A0', 'ſ', 'ℌ', '㍻', '\u{1D400}']
    .map(s => cps(s.normalize(form)))),
  'normalize.vietnamese': () => ['NFC', 'NFD', 'NFKC', 'NFKD'].map(form => {
    const s = 'Tiếng Việt có dấu: ở, ữ, ặ'.normalize(form);
    return [s.length, cps(s.slice(0, 8))];
  }),
  'normalize.roundTrip': () => {
    const s = 'Tiếng Việt có dấu: ở, ữ, ặ';
    return [s.normalize('NFD').normalize('NFC') === s, s.normalize('NFKD').normalize('NFKC') === s];
  },
  'normalize.exclusions': () => ['\u0344', '\u0958', '\u2ADC', '\u{1D15E}', '\u0F73', 'Ω'].map(s => cps(s.normalize('NFC'))),
  'normalize.long': () => {
    const s = ('Ａﬃ한ệ…\u212B㎞e\u0301ǅ①' + 'plain ascii ').repeat(2000);
    return ['NFC', 'NFD', 'NFKC', 'NFKD'].map(form => {
      const n = s.normalize(form);
      let h = 0;
      for (let i = 0; i < n.length; i++) h = (h * 31 + n.charCodeAt(i)) | 0;
      return [n.length, h];
    });
  },
  'normalize.default': () => cps('e\u0301'.normalize()) + ' ' + cps('e\u0301'.normalize(undefined)),
  'normalize.invalid': () => 'a'.normalize('NFX'),
  'normalize.invalidLowercase': () => 'a'.normalize('nfc'),
  'normalize.loneSurrogates': () => ['\uD800e\u0301', 'e\uDC00\u0301'].map(s => cps(s.normalize('NFC'))),

  // ---- Regular expressions with Unicode properties
  'regexp.letters': () => 'Hello Wörld Ελλάδα 日本語 123 ǅ'.match(/\p{L}+/gu),
  'regexp.uppercase': () => ['A', 'a', 'Ä', 'Σ', 'σ', 'Ǆ', 'ǅ', 'ǆ', '𝐀', 'Ⅻ'].map(c => /^\p{Lu}$/u.test(c)),
  'regexp.lowercaseLong': () => ['a', 'ß', 'ſ', 'ǆ'].map(c => [/^\p{Ll}$/u.test(c), /^\p{Lowercase_Letter}$/u.test(c), /^\p{Lowercase}$/u.test(c),
    /^\p{gc=Ll}$/u.test(c), /^\p{General_Category=Lowercase_Letter}$/u.test(c)]),
  'regexp.greek': () => 'Ελλάδα abc Ωμέγα ϐ Ω Ⅲ'.match(/\p{Script=Greek}+/gu),
  'regexp.scriptExtensions': () => ['a', '\u0363', '\u0951', '\u10FB', '\u202F', '\u0300', '\u3001', 'Ω'].map(c =>
    [/\p{Script=Latin}/u.test(c), /\p{Script_Extensions=Latin}/u.test(c), /\p{scx=Grek}/u.test(c), /\p{sc=Zinh}/u.test(c)]),
  'regexp.emoji': () => ['#', '1', '☺', '☺\uFE0F', '😀', 'a', '©', '⌚', '↔', '🏻', '\u{1FAE8}'].map(c =>
    [/^\p{Emoji}/u.test(c), /^\p{Emoji_Presentation}/u.test(c), /^\p{Extended_Pictographic}/u.test(c), /^\p{Emoji_Modifier}/u.test(c),
      /^\p{Emoji_Component}/u.test(c)]),
  'regexp.negated': () => ['a1b2_c!é', 'ΑΒΓabc'].map(s => s.match(/\P{L}/gu) + ' | ' + s.replace(/\P{Script=Greek}/gu, '.')),
  'regexp.rgiEmoji': () => ['👨‍👩‍👧‍👦', '🇩🇪', '👍🏽', '#️⃣', '😀', 'a', '☺', '☺️', '🏳️‍🌈', '🇦🇦', '🫨', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']
    .map(s => /^\p{RGI_Emoji}$/v.test(s)),
  'regexp.rgiEmoji.match': () => 'I ❤️ 🇯🇵 and 👩🏽‍💻 and 1️⃣!'.match(/\p{RGI_Emoji}/gv),
  'regexp.rgiEmoji.properties': () => ['👨‍👩‍👧‍👦', '🇩🇪', '👍🏽', '#️⃣'].map(s =>
    [/^\p{Emoji_Keycap_Sequence}$/v.test(s), /^\p{RGI_Emoji_Flag_Sequence}$/v.test(s), /^\p{RGI_Emoji_Modifier_Sequence}$/v.test(s),
      /^\p{RGI_Emoji_ZWJ_Sequence}$/v.test(s), /^\p{Basic_Emoji}$/v.test(s)]),
  'regexp.sets': () => ['aBcÄé1Ωω', 'xyz'].map(s => [s.match(/[\p{L}--[a-z]]/gv), s.match(/[\p{L}&&\p{Script=Greek}]/gv),
    s.match(/[\p{Lu}&&[A-Z]]/gv), s.match(/[[a-z]--[aeiou]]/gv)]),
  'regexp.sets.digits': () => '1٣5६७x'.match(/[\p{Nd}--[0-9]]/gv),
  'regexp.sets.strings': () => ['abc', 'd', 'ab', 'xabcx'].map(s => s.match(/[\q{abc|d}]/gv)),
  'regexp.sets.nested': () => 'abcdefXYZ123'.match(/[[\p{ASCII}--\p{Nd}]&&[[a-f]X]]/gv),
  'regexp.sets.invalid': () => new RegExp('[a-z&&b]', 'v'),
  'regexp.vNegatedStrings': () => new RegExp('[^\\p{RGI_Emoji}]', 'v'),
  'regexp.anyAscii': () => [/^\p{Any}$/u.test('\u{10FFFF}'), /^\p{Any}$/u.test('\uD800'), /^\p{ASCII}+$/u.test('hello~\x7F'),
    /^\p{ASCII}$/u.test('\x80'), /^\p{Assigned}$/u.test('\u0378'), /^\p{ASCII_Hex_Digit}+$/u.test('09afAF')],
  'regexp.invalidProperty': () => [/./u, () => new RegExp('\\p{Foo}', 'u'), () => new RegExp('\\p{Script=Foo}', 'u'),
    () => new RegExp('\\p{ascii}', 'u'), () => new RegExp('\\p{RGI_Emoji}', 'u')].slice(1).map(f => {
    try { f(); return 'ok'; } catch (e) { return e.constructor.name; }
  }),
  'regexp.withoutU': () => [/\p{L}/.test('p{L}'), /\p{L}/.test('é')],
  'regexp.kelvin': () => [/\u212A/iu.test('k'), /\u212A/iu.test('K'), /\u212A/i.test('k'), /k/iu.test('\u212A'), /[a-z]/iu.test('\u212A'),
    /[a-z]/i.test('\u212A'), /\w/iu.test('\u212A'), /\w/i.test('\u212A'), /\W/iu.test('\u212A')],
  'regexp.longS': () => [/ſ/iu.test('s'), /ſ/iu.test('S'), /ſ/i.test('s'), /s/iu.test('ſ'), /[^ſ]/iu.test('s')],
  'regexp.sigma': () => ['σ', 'ς', 'Σ'].map(c => [/σ/iu.test(c), /ς/iu.test(c), /Σ/iu.test(c), /σ/i.test(c), /ς/i.test(c), /[^σ]/iu.test(c)]),
  'regexp.turkish': () => ['i', 'I', 'ı', 'İ'].map(c => [/i/iu.test(c), /I/iu.test(c), /ı/iu.test(c), /İ/iu.test(c), /i/i.test(c), /ı/i.test(c)]),
  'regexp.caseFoldOthers': () => [/ß/iu.test('ẞ'), /ß/iu.test('SS'), /ǆ/iu.test('ǅ'), /ǆ/iu.test('Ǆ'), /Ω/iu.test('\u2126'), /å/iu.test('\u212B'),
    /\u{10400}/iu.test('\u{10428}'), /[\u{10400}-\u{10410}]/iu.test('\u{10430}')],
  'regexp.caseInsensitiveSets': () => [/[\p{Lu}]/iu.test('a'), /[^\p{Lu}]/iu.test('a'), /\P{Lu}/iu.test('A'), /[\p{Lu}--[A-Z]]/vi.test('a'),
    /[^\p{Ll}]/vi.test('A'), /[\q{KM}]/vi.test('km')],
  'regexp.namedGroups': () => JSON.stringify('2025-07-04'.match(/(?<année>\p{Nd}{4})-(?<mois>\d\d)/u).groups),
  'regexp.uppercaseStrings': () => 'Grüße aus Köln, ΑΘΗΝΑ und İzmir'.match(/\p{Lu}\p{Ll}*/gu),

  // ---- members of a property in the BMP (Unicode 16 in ICU 77, 17 in Node 20's ICU 78)
  'count.Lu': () => countBmp('Lu'),
  'count.Ll': () => countBmp('Ll'),
  'count.L': () => countBmp('L'),
  'count.N': () => countBmp('N'),
  'count.Emoji': () => countBmp('Emoji'),
  'count.Emoji_Presentation': () => countBmp('Emoji_Presentation'),
  'count.Extended_Pictographic': () => countBmp('Extended_Pictographic'),
  'count.Script=Latin': () => countBmp('Script=Latin'),
  'count.Script_Extensions=Latin': () => countBmp('Script_Extensions=Latin'),
  'count.Script=Greek': () => countBmp('Script=Greek'),
  'count.Assigned': () => countBmp('Assigned'),
  'count.White_Space': () => countBmp('White_Space'),
  'count.ASCII': () => countBmp('ASCII'),
  'count.Any': () => countBmp('Any')
};

// the result of one case as a string: JSON unless it is one already, "throws <Error>" when it throws
function runCase(name) {
  try {
    const value = cases[name]();
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  catch (e) {
    return 'throws ' + e.constructor.name;
  }
}
