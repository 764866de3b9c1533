// The kiosk page: the browser camera, frames to the server, the greeting, and the badge pad.
//
// Frames go one at a time (the next is captured when the answer to the last has come), as JPEGs
// downscaled to at most FRAME_WIDTH pixels wide. States (document.body.dataset.state):
//   idle            no attempt: a frame every IDLE_INTERVAL_MS
//   attempt         a face is in view: frames back to back (at least ATTEMPT_INTERVAL_MS apart)
//   checked-in      the greeting, for RESULT_MS
//   not-recognised  the not-recognised message, for RESULT_MS
//   challenge       recognised; the server asks the person to turn their head to one side (an
//                   arrow over the preview) and back: frames back to back until it decides
//   liveness-failed the turn was not confirmed (LIVENESS_FAILED): try again or use the badge
//   rest            after a result: "watch" frames only, until the face has left or REST_MAX_MS
//   camera-blocked  no camera (refused, missing, or an insecure page): the badge pad is offered
//   offline         the server cannot be reached: retried every RETRY_MS
//   unpaired        the kiosk credential was refused: back to the pairing screen
// Frames are never stored by the page, and the server stores none either.
'use strict';
(function () {
  const FRAME_WIDTH = 480;
  const JPEG_QUALITY = 0.8;
  const IDLE_INTERVAL_MS = 600;
  const ATTEMPT_INTERVAL_MS = 120;
  const RESULT_MS = 4000;
  const REST_MAX_MS = 8000;
  const RETRY_MS = 2000;
  const IDLE_MESSAGE = 'Look at the camera to check in';

  const body = document.body;
  const video = document.getElementById('preview');
  const overlay = document.getElementById('overlay');
  const status = document.getElementById('status');
  const dirIn = document.getElementById('dir-in');
  const dirOut = document.getElementById('dir-out');
  const pad = document.getElementById('badge-pad');
  const padForm = document.getElementById('badge-form');
  const padNumber = document.getElementById('badge-number');
  const padPin = document.getElementById('badge-pin');
  const padMessage = document.getElementById('badge-message');
  const capture = document.createElement('canvas');
  const challenge = document.getElementById('challenge');
  const challengeArrow = document.getElementById('challenge-arrow');

  // For tests and the benchmark: per attempt, ms from the capture of its first frame with a face
  // to the greeting (or the not-recognised message) on screen.
  const timings = [];
  window.fgKioskTimings = timings;

  let chosen = null; // 'IN', 'OUT' or null (automatic)
  let attemptId = null;
  let firstFaceAt = null;
  let holdUntil = 0; // the result stays on screen until then; no frame changes the state meanwhile
  let restSince = 0;
  let cameraReady = false;
  let padOpen = false;

  function setState(state, message) {
    body.dataset.state = state;
    if (message !== undefined) {
      status.textContent = message;
    }
  }

  function tickClock() {
    const now = new Date();
    document.getElementById('clock').textContent =
      String(now.getHours()).padStart(2, '0') + ':' + String(now.getMinutes()).padStart(2, '0');
  }

  function choose(direction) {
    chosen = chosen === direction ? null : direction;
    dirIn.setAttribute('aria-pressed', String(chosen === 'IN'));
    dirOut.setAttribute('aria-pressed', String(chosen === 'OUT'));
  }

  function resetDirection() {
    chosen = null;
    dirIn.setAttribute('aria-pressed', 'false');
    dirOut.setAttribute('aria-pressed', 'false');
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async function problem(response) {
    try {
      return (await response.json()).detail || ('Error ' + response.status);
    } catch (ignored) {
      return 'Error ' + response.status;
    }
  }

  function unpaired(message) {
    setState('unpaired', message || 'This kiosk is no longer paired. Returning to pairing…');
    setTimeout(() => window.location.replace('kiosk'), 1500);
  }

  async function session() {
    const response = await fetch('api/v1/kiosk/session', {credentials: 'same-origin'});
    if (response.status === 401 || response.status === 403) {
      unpaired(await problem(response));
      return null;
    }
    if (!response.ok) {
      throw new Error('session ' + response.status);
    }
    return response.json();
  }

  function cameraProblem(title, text) {
    document.getElementById('camera-problem-title').textContent = title;
    document.getElementById('camera-problem-text').textContent = text;
    document.getElementById('camera-problem').hidden = false;
    setState('camera-blocked', 'No camera: please use your badge or PIN');
  }

  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraProblem('Camera not available',
        'This browser gives no camera to this page. Open the kiosk over HTTPS in a current Chromium or Firefox.');
      return false;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {facingMode: 'user', width: {ideal: 640}, height: {ideal: 480}},
      });
      video.srcObject = stream;
      await video.play();
      cameraReady = true;
      return true;
    } catch (error) {
      if (error && (error.name === 'NotAllowedError' || error.name === 'SecurityError')) {
        cameraProblem('The camera is blocked',
          'Allow the camera for this site: click the camera or lock icon in the address bar, choose ' +
          '“Allow”, then reload. Meanwhile, check in with your badge or PIN.');
      } else if (error && (error.name === 'NotFoundError' || error.name === 'OverconstrainedError')) {
        cameraProblem('No camera found',
          'Connect a camera and reload this page. Meanwhile, check in with your badge or PIN.');
      } else {
        cameraProblem('The camera could not start',
          'Another program may be using it. Reload this page; meanwhile, use your badge or PIN.');
      }
      return false;
    }
  }

  function grab() {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) {
      return Promise.resolve(null);
    }
    const scale = Math.min(1, FRAME_WIDTH / width);
    capture.width = Math.round(width * scale);
    capture.height = Math.round(height * scale);
    capture.getContext('2d').drawImage(video, 0, 0, capture.width, capture.height);
    return new Promise((resolve) => capture.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  }

  function drawFace(answer) {
    const context = overlay.getContext('2d');
    overlay.width = overlay.clientWidth;
    overlay.height = overlay.clientHeight;
    context.clearRect(0, 0, overlay.width, overlay.height);
    if (!answer || !answer.face || !answer.frameWidth) {
      return;
    }
    // The video is shown with object-fit: contain; map frame pixels onto the shown picture.
    const scale = Math.min(overlay.width / answer.frameWidth, overlay.height / answer.frameHeight);
    const left = (overlay.width - answer.frameWidth * scale) / 2;
    const top = (overlay.height - answer.frameHeight * scale) / 2;
    const face = answer.face;
    context.lineWidth = 4;
    context.strokeStyle = body.dataset.state === 'checked-in' ? '#1f9d55' : '#2f8cff';
    context.strokeRect(left + face.x * scale, top + face.y * scale, face.width * scale, face.height * scale);
    context.fillStyle = '#ffd24a';
    for (const point of face.landmarks || []) {
      context.beginPath();
      context.arc(left + point[0] * scale, top + point[1] * scale, 3, 0, 2 * Math.PI);
      context.fill();
    }
  }

  function showResult(checkIn) {
    const recognised = checkIn.outcome === 'MATCH';
    let message = checkIn.message;
    if (recognised && checkIn.duplicate) {
      message += ' (already recorded a moment ago)';
    }
    setState(
      recognised
        ? 'checked-in'
        : checkIn.outcome === 'LIVENESS_FAILED' ? 'liveness-failed' : 'not-recognised',
      message);
    holdUntil = performance.now() + RESULT_MS;
    if (firstFaceAt !== null) {
      timings.push({ms: Math.round(performance.now() - firstFaceAt), outcome: checkIn.outcome});
    }
    firstFaceAt = null;
    attemptId = null;
    resetDirection();
  }

  // One frame: send it and act on the answer. Returns how long to wait before the next.
  async function step() {
    if (padOpen || !cameraReady) {
      return 300;
    }
    const now = performance.now();
    if (now < holdUntil) {
      return holdUntil - now;
    }
    if (body.dataset.state === 'checked-in' || body.dataset.state === 'not-recognised'
        || body.dataset.state === 'liveness-failed') {
      // The result has been shown: wait for the person to leave before a new attempt can start.
      setState('rest', 'Next person, please');
      drawFace(null);
      restSince = now;
    }
    const resting = body.dataset.state === 'rest';
    const capturedAt = performance.now();
    const frame = await grab();
    if (!frame) {
      return 200;
    }
    const query = new URLSearchParams();
    if (resting) {
      query.set('watch', 'true');
    } else {
      if (attemptId) {
        query.set('attempt', attemptId);
      }
      if (chosen) {
        query.set('direction', chosen);
      }
    }
    let response;
    try {
      response = await fetch('api/v1/kiosk/frames?' + query, {
        method: 'POST',
        headers: {'Content-Type': 'image/jpeg', 'Accept': 'application/json'},
        credentials: 'same-origin',
        body: frame,
      });
    } catch (networkError) {
      attemptId = null;
      firstFaceAt = null;
      setState('offline', 'Connecting to the server…');
      return RETRY_MS;
    }
    if (response.status === 401 || response.status === 403) {
      unpaired(await problem(response));
      return null;
    }
    if (response.status === 429) {
      return 1000;
    }
    if (!response.ok) {
      // A frame the server could not use (for example a broken JPEG): skip it, keep going.
      if (body.dataset.state === 'offline') {
        setState('idle', IDLE_MESSAGE);
      }
      return IDLE_INTERVAL_MS;
    }
    const answer = await response.json();
    drawFace(answer);
    if (body.dataset.state === 'offline' || body.dataset.state === 'starting') {
      setState('idle', IDLE_MESSAGE);
    }
    if (resting) {
      if (answer.faceCount === 0 || now - restSince > REST_MAX_MS) {
        setState('idle', IDLE_MESSAGE);
      }
      return IDLE_INTERVAL_MS;
    }
    if (answer.faceCount > 0 && firstFaceAt === null) {
      firstFaceAt = capturedAt;
    }
    if (answer.checkIn) {
      showResult(answer.checkIn);
      return 0;
    }
    if (answer.state === 'CHALLENGE') {
      // The person sees the preview as in a mirror: their own left is the screen's left.
      attemptId = answer.attemptId;
      challenge.dataset.side = answer.challenge;
      challengeArrow.textContent = answer.challenge === 'LEFT' ? '\u2B05' : '\u27A1';
      setState('challenge', answer.challenge === 'LEFT'
        ? 'Turn your head to the left, then look back'
        : 'Turn your head to the right, then look back');
      return ATTEMPT_INTERVAL_MS;
    }
    if (answer.state === 'PENDING' && answer.faceCount > 0) {
      attemptId = answer.attemptId;
      setState('attempt', 'Hold still…');
      return ATTEMPT_INTERVAL_MS;
    }
    attemptId = answer.attemptId;
    if (body.dataset.state === 'attempt' && answer.faceCount === 0) {
      return ATTEMPT_INTERVAL_MS; // the attempt is still open: let the server's deadline end it
    }
    if (body.dataset.state !== 'attempt') {
      setState('idle', answer.faceCount > 1 ? 'One person at a time, please' : IDLE_MESSAGE);
    }
    return IDLE_INTERVAL_MS;
  }

  async function loop() {
    for (;;) {
      let wait;
      try {
        wait = await step();
      } catch (unexpected) {
        wait = RETRY_MS;
      }
      if (wait === null) {
        return;
      }
      await sleep(wait);
    }
  }

  // Badge / PIN pad
  let focused = padNumber;
  padNumber.addEventListener('focus', () => { focused = padNumber; });
  padPin.addEventListener('focus', () => { focused = padPin; });
  document.getElementById('keys').addEventListener('click', (event) => {
    const key = event.target.dataset && event.target.dataset.key;
    if (!key) {
      return;
    }
    if (key === 'back') {
      focused.value = focused.value.slice(0, -1);
    } else if (key === 'clear') {
      focused.value = '';
    } else {
      focused.value += key;
    }
    focused.focus();
  });

  function openPad() {
    padOpen = true;
    pad.hidden = false;
    padNumber.value = '';
    padPin.value = '';
    padMessage.textContent = '';
    padMessage.className = 'fg-message';
    padNumber.focus();
  }

  function closePad() {
    padOpen = false;
    pad.hidden = true;
    padPin.value = '';
  }

  document.getElementById('badge-open').addEventListener('click', openPad);
  document.getElementById('badge-cancel').addEventListener('click', closePad);
  padForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    padMessage.textContent = 'Checking…';
    padMessage.className = 'fg-message';
    let response;
    try {
      response = await fetch('api/v1/kiosk/badge', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
        credentials: 'same-origin',
        body: JSON.stringify({employeeNumber: padNumber.value, pin: padPin.value, direction: chosen}),
      });
    } catch (networkError) {
      padMessage.textContent = 'The server cannot be reached. Try again in a moment.';
      padMessage.className = 'fg-message fg-error';
      return;
    }
    padPin.value = '';
    if (response.status === 401 || response.status === 403) {
      closePad();
      unpaired(await problem(response));
      return;
    }
    if (!response.ok) {
      padMessage.textContent = await problem(response);
      padMessage.className = 'fg-message fg-error';
      return;
    }
    const answer = await response.json();
    if (answer.status === 'ACCEPTED') {
      closePad();
      firstFaceAt = null;
      showResult(answer.checkIn);
      if (!cameraReady) {
        // No frame loop runs without a camera: go back to the badge prompt by ourselves.
        setTimeout(() => setState('camera-blocked', 'No camera: please use your badge or PIN'),
          RESULT_MS);
      }
      return;
    }
    padMessage.textContent = answer.message;
    padMessage.className = 'fg-message fg-error';
    body.dataset.badge = answer.status.toLowerCase();
  });

  dirIn.addEventListener('click', () => choose('IN'));
  dirOut.addEventListener('click', () => choose('OUT'));

  async function start() {
    tickClock();
    setInterval(tickClock, 10000);
    let kiosk = null;
    while (kiosk === null) {
      try {
        kiosk = await session();
        if (kiosk === null) {
          return; // unpaired: going back to the pairing screen
        }
      } catch (unreachable) {
        setState('offline', 'Connecting to the server…');
        await sleep(RETRY_MS);
      }
    }
    document.getElementById('kiosk-name').textContent = kiosk.name;
    if (await startCamera()) {
      setState('idle', IDLE_MESSAGE);
      loop();
    } else {
      // No frames flow without a camera: ask now and then whether the kiosk is still paired.
      setInterval(() => session().catch(() => undefined), 15000);
    }
  }

  start();
})();
