// The operator-key sign-in: the key goes to /admin/signin once, which sets an HttpOnly session cookie; the key is not kept.
(function () {
  'use strict';
  var form = document.getElementById('key-form');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('operator-key');
    var problem = document.getElementById('key-problem');
    problem.textContent = '';
    fetch('/admin/signin', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: input.value })
    }).then(function (response) {
      input.value = '';
      if (response.ok) {
        window.location.assign('/admin');
      } else {
        problem.textContent = response.status === 401 ? 'That is not the operator key.' : 'Sign-in failed (' + response.status + ').';
      }
    }, function () {
      problem.textContent = 'The dashboard could not be reached.';
    });
  });
}());
