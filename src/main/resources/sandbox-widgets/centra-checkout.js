// Sandbox stand-in for Centra's CheckoutScript: window.CentraCheckout drives the sandbox widgets registered in
// window.__sandboxWidgets and re-emits their events as centra_checkout_callback. Like Centra's script, it suspends
// the other widgets first and leaves the one that sent the event (named in additionalFields.suspendIgnore) live:
// the storefront's resume(suspendIgnore) then resumes the others and skips it.
window.CentraCheckout = window.CentraCheckout || (function () {
  var log = (window.__centraCheckoutLog = []);
  function widgets() {
    return window.__sandboxWidgets || {};
  }
  return {
    suspend: function (suspendIgnore) {
      log.push('suspend');
      Object.keys(widgets()).forEach(function (k) {
        if (!(suspendIgnore && suspendIgnore[k])) { widgets()[k].suspend(); }
      });
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
      this.suspend(detail && detail.additionalFields && detail.additionalFields.suspendIgnore);
      document.dispatchEvent(new CustomEvent('centra_checkout_callback', { detail: detail }));
    }
  };
})();
