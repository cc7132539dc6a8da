// The public registration form: a question asked only after a given answer to an earlier one is
// shown while that answer is given and hidden (its inputs disabled, so nothing of it is sent)
// otherwise. The server decides the same on its own (Questions.check); without this script the
// page shows every question with its "Only if …" hint.
(function () {
  var form = document.querySelector('[data-testid="registration-form"]');
  if (!form) {
    return;
  }
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-question]'));

  function answers(code) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name !== 'q.' + code || input.matches(':disabled')) {
        return;
      }
      if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) {
        return;
      }
      if (input.value && input.value.trim() !== '') {
        values.push(input.value.trim().toLowerCase());
      }
    });
    return values;
  }

  function update() {
    // in page order: a condition names an earlier question, which is settled by then
    questions.forEach(function (fieldset) {
      var on = fieldset.getAttribute('data-shown-if');
      if (!on) {
        return;
      }
      var expected = (fieldset.getAttribute('data-shown-if-answer') || '').trim().toLowerCase();
      var shown = answers(on).indexOf(expected) >= 0;
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}());
