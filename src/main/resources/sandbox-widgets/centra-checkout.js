// Sandbox stand-in for Centra's CheckoutScript: window.CentraCheckout drives the sandbox widgets registered in
// window.__sandboxWidgets and re-emits their events as centra_checkout_callback, suspending itself first.
window.CentraCheckout = window.CentraCheckout || (function () {
  var log = (window.__centraCheckoutLog = []);
  function widgets() {
    return window.__sandboxWidgets || {};
  }
  return {
    suspend: function () {
      log.push('suspend');
      Object.keys(widgets()).forEach(function (k) { widgets()[k].suspend(); });
    },
    resume: function (suspendIgnore) {
      log.push('resume');
      Object.keys(widgets()).forEach(function (k) {
        if (!(suspendIgnore && suspendIgnore[k])) { widgets()[k].resume(); }
      });
    },
    reInitiate: function () {},
    destroy: function () {},
    emit: function (detail) {
      this.suspend();
      document.dispatchEvent(new CustomEvent('centra_checkout_callback', { detail: detail }));
    }
  };
})();
