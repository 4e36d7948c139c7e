// The default locale and time zone of this V8 with ICU, which it reads from the process's environment: the
// locale, a space and the time zone.
(function () {
  const options = new Intl.DateTimeFormat().resolvedOptions();
  return options.locale + ' ' + options.timeZone;
})()
