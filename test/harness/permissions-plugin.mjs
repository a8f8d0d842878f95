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
