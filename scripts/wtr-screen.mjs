// Server commands of the test runner for what a person sees and how they touch it, through
// the page's DevTools protocol (the same Chromium the tests run in):
//   executeServerCommand('screenshot', { x, y, width, height })  -> PNG of that viewport area, base64
//   executeServerCommand('phone', { width, height, touch })       -> viewport, with a touch screen or not
//   executeServerCommand('tap', { x, y })                          -> a real touch (touchstart, touchend)

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function screenCommandsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'screen-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot' && command !== 'phone' && command !== 'tap') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'screenshot') {
        const { x, y, width, height } = payload;
        return page.screenshot({ encoding: 'base64', clip: { x, y, width, height } });
      }
      if (command === 'phone') {
        // Touch emulation through the protocol itself: puppeteer's setViewport({ hasTouch }) would reload the page.
        const cdp = (sessions.get(page) ?? sessions.set(page, await page.createCDPSession()).get(page));
        await page.setViewport({ width: payload.width ?? 390, height: payload.height ?? 844, deviceScaleFactor: 1 });
        const touch = payload.touch !== false;
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: touch, maxTouchPoints: touch ? 5 : undefined });
        await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: false });
        return true;
      }
      await page.touchscreen.tap(payload.x, payload.y);
      return true;
    },
  };
}
