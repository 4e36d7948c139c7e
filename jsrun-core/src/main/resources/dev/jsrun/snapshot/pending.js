// What a snapshot script left for the event loop when the build stops, in words: a function of the web
// platform's controls, which are still a global while a snapshot builds.
(function (web) {
  const pending = web.pending();
  return pending.timers + ' timer(s) set and ' + pending.messages + ' message(s) queued';
})
