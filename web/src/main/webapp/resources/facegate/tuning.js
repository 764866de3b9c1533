/* Threshold tuning page: Chart.js options that JSON cannot carry (functions). Used as the
   "extender" of the page's p:chart components; loaded from the application (CSP script-src 'self'). */
function fgTuningChart() {
  var options = this.cfg.config.options || {};
  var scales = options.scales || {};
  ['x', 'y'].forEach(function (key) {
    var scale = scales[key];
    if (scale && scale.type === 'logarithmic') {
      scale.ticks = scale.ticks || {};
      // Label the decades only: 1e-5, 1e-4, ... (Chart.js would print long decimals).
      scale.ticks.callback = function (value) {
        var e = Math.log10(value);
        return Math.abs(e - Math.round(e)) < 1e-9 ? '1e' + Math.round(e) : '';
      };
    }
  });
}
