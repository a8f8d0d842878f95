// WebKitGTK for @web/test-runner: a webdriverLauncher that, when the test runner initializes it,
// starts Xvfb (a free display via -displayfd; MiniBrowser has no headless mode) and
// WebKitWebDriver (a free loopback port), and stops both when the runner stops or the process
// exits. Starting them lazily (not at config load) means nothing is left behind when the config
// is only read, or when WebKit is not selected.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

const log = process.env.WK_DRIVER_LOG ? 'inherit' : 'ignore';

/** Starts Xvfb (unless xvfbPath is undefined: then $DISPLAY is used) and WebKitWebDriver. */
export async function startWebKitServices({ webDriverPath = 'WebKitWebDriver', xvfbPath = 'Xvfb' } = {}) {
  let display = process.env.DISPLAY;
  let xvfb;
  const children = [];
  const stop = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  };
  // wtr handles SIGINT itself (stops, then exits: 'exit' below); SIGTERM/SIGHUP would otherwise
  // end the process without an 'exit' event and leave Xvfb and the driver running.
  process.on('exit', stop);
  for (const sig of ['SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      stop();
      process.exit(128 + (sig === 'SIGTERM' ? 15 : 1));
    });
  }

  if (xvfbPath) {
    xvfb = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', log, 'pipe'],
    });
    children.push(xvfb);
    display = await new Promise((resolve, reject) => {
      let buf = '';
      xvfb.stdio[3].on('data', (d) => {
        buf += d;
        if (buf.includes('\n')) resolve(':' + buf.trim());
      });
      xvfb.on('error', reject);
      xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });
  }
  const port = await freePort();
  const driver = spawn(webDriverPath, [`--port=${port}`, '--host=local'], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', log, log],
  });
  children.push(driver);
  let driverExit;
  driver.on('exit', (code) => (driverExit = code));
  driver.on('error', (e) => (driverExit = e.message));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (driverExit !== undefined) throw new Error(`WebKitWebDriver exited (${driverExit}) before it was ready`);
    if (i > 200) {
      stop();
      throw new Error('WebKitWebDriver did not start within 10 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { display, port, stop };
}

/**
 * webdriverLauncher for WebKitGTK's MiniBrowser with mock capture devices (a fake camera:
 * getUserMedia resolves without a prompt; there is no permission control at all, and no WebRTC in
 * Debian's build).
 */
export function webkitGtkLauncher({ webDriverPath, miniBrowserPath, xvfbPath }) {
  const launcher = new WebdriverLauncher({
    hostname: '127.0.0.1',
    port: 0, // set in initialize(), once WebKitWebDriver runs
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true, // WebKitWebDriver 2.50: BiDi session -> "Failed to match capabilities"
      'webkitgtk:browserOptions': {
        binary: miniBrowserPath,
        args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
      },
    },
  });
  let services;
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    services = await startWebKitServices({ webDriverPath, xvfbPath });
    launcher.options.port = services.port;
    await initialize(...args);
    launcher.name = 'WebKitGTK'; // instead of "MiniBrowser" (set by initialize)
  };
  const stop = launcher.stop.bind(launcher);
  launcher.stop = async (...args) => {
    try {
      await stop(...args);
    } finally {
      services?.stop();
    }
  };
  return launcher;
}
