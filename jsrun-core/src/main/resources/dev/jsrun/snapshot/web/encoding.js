// Placeholder until this part lands.
(function (web) {
  'use strict';
})
