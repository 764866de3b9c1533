// The pairing screen: sends the typed one-time code; on success the server sets the kiosk cookie
// (HttpOnly: this script never sees the credential) and /kiosk then serves the kiosk page.
'use strict';
(function () {
  const form = document.getElementById('pair-form');
  const input = document.getElementById('code');
  const message = document.getElementById('pair-message');
  input.focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = 'Pairing…';
    message.className = 'fg-message';
    try {
      const response = await fetch('api/v1/kiosk/pairing', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
        credentials: 'same-origin',
        body: JSON.stringify({code: input.value}),
      });
      if (response.ok) {
        const kiosk = await response.json();
        message.textContent = 'Paired as “' + kiosk.name + '”. Starting…';
        message.className = 'fg-message fg-ok';
        window.location.replace('kiosk');
        return;
      }
      let detail = 'Pairing failed (' + response.status + ').';
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // Not a problem document: keep the status line.
      }
      message.textContent = detail;
      message.className = 'fg-message fg-error';
      input.select();
    } catch (networkError) {
      message.textContent = 'The server cannot be reached. Check the network and try again.';
      message.className = 'fg-message fg-error';
    }
  });
})();
