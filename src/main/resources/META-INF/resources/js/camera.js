// The device camera as a badge scanner, shared by the gate's check-in page and the booth's lead page:
// html5-qrcode (webjar) reads QR codes in the element #camera-view; a badge held in front of the
// camera reads many times a second, so the same code within 3 s counts once.
window.ExpodeskCamera = (function () {
  'use strict';

  let camera = null;

  /** Starts the camera, or stops it when running; {@code onCode} gets each new code, {@code onFailure} a refusal. */
  async function toggle(onCode, onFailure) {
    const view = document.getElementById('camera-view');
    if (camera) {
      await camera.stop().catch(() => {});
      camera = null;
      view.hidden = true;
      return;
    }
    view.hidden = false;
    camera = new Html5Qrcode('camera-view');
    let lastCode = null;
    let lastAt = 0;
    try {
      // the box is most of the picture, not a fixed 250 px: a badge held close to the camera fills
      // the frame, and a box that cuts off its corner squares (the finder patterns) never reads it
      const box = (width, height) => {
        const side = Math.max(50, Math.floor(Math.min(width, height) * 0.8));
        return { width: side, height: side };
      };
      await camera.start({ facingMode: 'environment' }, { fps: 10, qrbox: box }, (text) => {
        if (text === lastCode && Date.now() - lastAt < 3000) {
          return;
        }
        lastCode = text;
        lastAt = Date.now();
        onCode(text);
      });
    } catch (e) {
      camera = null;
      view.hidden = true;
      onFailure();
    }
  }

  return { toggle };
}());
