// A @web/test-runner plugin with server commands that change the browser context's permissions,
// so a browser test can produce a real NotAllowedError / grant, e.g.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('clear-permissions');
//   await executeServerCommand('grant-permissions', { permissions: ['camera'] });
//
// Works with playwrightLauncher (BrowserContext.grantPermissions / clearPermissions) and with
// chromeLauncher / puppeteerLauncher (BrowserContext.overridePermissions /
// clearPermissionOverrides, CDP for Chromium; for Firefox over WebDriver BiDi it falls back to
// BrowserContext.setPermission = BiDi permissions.setPermission).
// WebKitGTK (webdriverLauncher) has no permission control at all: the command fails there.
export function permissionsPlugin() {
  return {
    name: 'permissions',
    async executeCommand({ command, payload, session }) {
      if (command === 'deny-camera') return denyCamera(session);
      if (command !== 'grant-permissions' && command !== 'clear-permissions') return undefined;
      if (typeof session.browser.getPage !== 'function') {
        throw new Error(`permissions plugin: ${session.browser.name} (${session.browser.type}) has no permission control`);
      }
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      if (typeof page.context === 'function') {
        // playwright
        const ctx = page.context();
        if (command === 'grant-permissions') await ctx.grantPermissions(payload.permissions, { origin });
        else await ctx.clearPermissions();
        return true;
      }
      if (typeof page.browserContext === 'function') {
        // puppeteer (CDP or BiDi)
        const ctx = page.browserContext();
        try {
          if (command === 'grant-permissions') await ctx.overridePermissions(origin, payload.permissions);
          else await ctx.clearPermissionOverrides();
        } catch (e) {
          console.log(`[permissions] ${command} via overridePermissions failed: ${e.message}; trying setPermission`);
          const names = command === 'grant-permissions' ? payload.permissions : ['camera', 'microphone'];
          const state = command === 'grant-permissions' ? 'granted' : 'prompt';
          for (const name of names) {
            await ctx.setPermission(origin, { permission: { name }, state });
          }
        }
        return true;
      }
      throw new Error('permissions plugin: unsupported launcher ' + session.browser.type);
    },
  };
}

/**
 * A real "Block" for camera and microphone, as a user who tapped Block (or revoked the permission
 * in site settings) leaves it: Chromium then rejects getUserMedia with NotAllowedError without a
 * prompt, fake UI or not. Playwright has no "deny", so this goes through CDP
 * (Browser.setPermission) for the page's own browser context. Chromium only.
 */
async function denyCamera(session) {
  const page = session.browser.getPage?.(session.id);
  if (!page || typeof page.context !== 'function' || typeof page.context().newCDPSession !== 'function') {
    throw new Error(`permissions plugin: deny-camera needs Chromium through Playwright, not ${session.browser.name}`);
  }
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    for (const name of ['camera', 'microphone']) {
      await cdp.send('Browser.setPermission', {
        permission: { name },
        setting: 'denied',
        origin,
        browserContextId: targetInfo.browserContextId,
      });
    }
  } finally {
    await cdp.detach();
  }
  return true;
}
