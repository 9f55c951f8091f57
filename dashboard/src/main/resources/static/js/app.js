/*
 * Dashboard behaviour (no inline scripts: the CSP forbids them).
 *
 * Copy buttons: <button data-copy-target="some-id"> copies the text of the element with that id.
 * Uses the async Clipboard API when the page may; otherwise selects the text so that Ctrl+C / Cmd+C
 * copies it (and tries the legacy copy command).
 */
(function () {
  'use strict';

  function selectContents(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function legacyCopy(element) {
    selectContents(element);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  function announce(button, text) {
    if (!button.hasAttribute('data-copy-label')) {
      button.setAttribute('data-copy-label', button.textContent);
    }
    button.textContent = text;
    button.classList.add('copied');
    window.clearTimeout(button.copyTimer);
    button.copyTimer = window.setTimeout(function () {
      button.textContent = button.getAttribute('data-copy-label');
      button.classList.remove('copied');
    }, 2500);
  }

  function fallback(button, target) {
    announce(button, legacyCopy(target) ? 'Copied' : 'Selected: press Ctrl+C');
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
      return;
    }
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) {
      return;
    }
    var text = target.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        announce(button, 'Copied');
      }, function () {
        fallback(button, target);
      });
    } else {
      fallback(button, target);
    }
  });
})();

/*
 * API keys slice: on the new-key form, only a secret key can sign requests, so the signing checkbox follows the
 * chosen type (the server refuses signing on other types either way). A plan-gated checkbox stays disabled.
 */
(function () {
  'use strict';

  var form = document.getElementById('new-key-form');
  var signing = document.getElementById('signing');
  if (!form || !signing || signing.hasAttribute('data-plan-gated')) {
    return;
  }

  function followType() {
    var chosen = form.querySelector('input[name="type"]:checked');
    var secret = !chosen || chosen.value === 'sk';
    signing.disabled = !secret;
    if (!secret) {
      signing.checked = false;
    }
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'type') {
      followType();
    }
  });
  followType();
})();
