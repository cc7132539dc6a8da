// Small behaviours of every page, kept out of the HTML so that the Content-Security-Policy can
// forbid inline scripts.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
