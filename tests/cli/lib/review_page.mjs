// Drives untm's review page in headless Chromium over the DevTools protocol
// (--remote-debugging-pipe: no npm package, no port), as a translator would:
// open the page, click a link row, press keys, click "Save corrections".
//   node review_page.mjs PAGE.html OUTDIR [--row K] [--keys "s m"] [--segment K]
//                        [--save] [--screenshot FILE.png]
// Prints one JSON object: links, plot segments, rows, the time to the first
// screen (loadMilliseconds) and to every row rendered, the link
// selected after a click on plot segment K, and the saved file's name in OUTDIR.
import {spawn} from "node:child_process";
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

function parseArguments(argv) {
  const options = {page: resolve(argv[0]), out: resolve(argv[1]), keys: [], row: null, segment: null, save: false};
  for (let i = 2; i < argv.length; ++i) {
    const name = argv[i];
    if (name === "--keys") options.keys = argv[++i].split(" ").filter(Boolean);
    else if (name === "--row") options.row = Number(argv[++i]);
    else if (name === "--segment") options.segment = Number(argv[++i]);
    else if (name === "--screenshot") options.screenshot = resolve(argv[++i]);
    else if (name === "--save") options.save = true;
    else throw new Error(`unknown argument ${name}`);
  }
  return options;
}

// One DevTools connection over the pipe: JSON messages ended by NUL.
function connect(child) {
  let nextId = 1, buffer = "";
  const pending = new Map(), listeners = [];
  child.stdio[4].on("data", chunk => {
    buffer += chunk.toString("utf8");
    for (let end = buffer.indexOf("\0"); end >= 0; end = buffer.indexOf("\0")) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const {resolve: done, reject} = pending.get(message.id);
        pending.delete(message.id);
        message.error ? reject(new Error(JSON.stringify(message.error))) : done(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((done, reject) => {
    const id = nextId++;
    pending.set(id, {resolve: done, reject});
    child.stdio[3].write(JSON.stringify({id, method, params, ...(sessionId ? {sessionId} : {})}) + "\0");
  });
  return {send, on: listener => listeners.push(listener)};
}

const sleep = ms => new Promise(done => setTimeout(done, ms));

async function evaluate(cdp, session, expression) {
  const result = await cdp.send("Runtime.evaluate", {expression, returnByValue: true, awaitPromise: true}, session);
  if (result.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result.value;
}

async function waitFor(what, test, seconds = 30) {
  for (const start = Date.now(); Date.now() - start < seconds * 1000; await sleep(50)) {
    const value = await test();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function pressKey(cdp, session, key) {
  const text = key.length === 1 ? key : undefined;
  await cdp.send("Input.dispatchKeyEvent", {type: "keyDown", key, text}, session);
  await cdp.send("Input.dispatchKeyEvent", {type: "keyUp", key}, session);
}

async function openPage(cdp, options) {
  await cdp.send("Browser.setDownloadBehavior", {behavior: "allow", downloadPath: options.out, eventsEnabled: true});
  const {targetId} = await cdp.send("Target.createTarget", {url: "about:blank"});
  const {sessionId} = await cdp.send("Target.attachToTarget", {targetId, flatten: true});
  await cdp.send("Emulation.setDeviceMetricsOverride", {width: 1280, height: 800, deviceScaleFactor: 1, mobile: false},
                 sessionId);
  const start = Date.now();
  await cdp.send("Page.navigate", {url: "file://" + options.page}, sessionId);
  await waitFor("the page", () => evaluate(cdp, sessionId, "document.body && document.body.dataset.ready === '1'"));
  await waitFor("every row", () => evaluate(cdp, sessionId, "untm.allRowsMilliseconds !== undefined"), 300);
  return {sessionId, wallMilliseconds: Date.now() - start};
}

async function act(cdp, session, options, report) {
  if (options.segment !== null) {
    await evaluate(cdp, session, `document.querySelector('#plot line[data-k="${options.segment}"]')
        .dispatchEvent(new MouseEvent('click', {bubbles: true}))`);
    report.selectedAfterSegment = await evaluate(cdp, session,
        "Array.prototype.indexOf.call(document.getElementById('rows').children, document.querySelector('.row.sel'))");
  }
  if (options.row !== null) {
    await evaluate(cdp, session, `document.getElementById('rows').children[${options.row}].click()`);
  }
  for (const key of options.keys) await pressKey(cdp, session, key);
}

async function save(cdp, session, options, report) {
  let done = false;
  cdp.on(message => {
    if (message.method === "Browser.downloadProgress" && message.params.state === "completed") done = true;
  });
  await evaluate(cdp, session, "document.getElementById('save').click()");
  await waitFor("the download", () => done);
  report.saved = readdirSync(options.out).filter(name => name.endsWith(".align"));
}

async function run(options) {
  const profile = mkdtempSync(join(tmpdir(), "untm-chromium-"));
  const child = spawn(process.env.CHROMIUM || "chromium",
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
       "--no-first-run", `--user-data-dir=${profile}`, "--remote-debugging-pipe", "about:blank"],
      // Its own process group, so that its helper processes can be stopped too.
      {stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"], detached: true});
  try {
    const cdp = connect(child);
    const {sessionId, wallMilliseconds} = await openPage(cdp, options);
    const report = await evaluate(cdp, sessionId, `({links: untm.links.length,
        segments: document.querySelectorAll('#plot line').length,
        rows: document.getElementById('rows').children.length,
        doubtful: document.querySelectorAll('.row.doubt').length,
        loadMilliseconds: Math.round(untm.loadMilliseconds),
        allRowsMilliseconds: Math.round(untm.allRowsMilliseconds)})`);
    report.wallMilliseconds = wallMilliseconds;
    await act(cdp, sessionId, options, report);
    if (options.save) await save(cdp, sessionId, options, report);
    if (options.screenshot) {
      const {data} = await cdp.send("Page.captureScreenshot", {format: "png"}, sessionId);
      writeFileSync(options.screenshot, Buffer.from(data, "base64"));
    }
    process.stdout.write(JSON.stringify(report) + "\n");
  } finally {
    await stopBrowser(child);
    await removeProfile(profile);
  }
}

// Browser.close lets Chromium stop its helper processes, which otherwise go on
// writing to the profile after the main one exits; killing its process group
// is the fallback.
async function stopBrowser(child) {
  const exited = new Promise(done => child.exitCode !== null ? done() : child.once("exit", done));
  try {
    child.stdio[3].write(JSON.stringify({id: 2147483647, method: "Browser.close"}) + "\0");
  } catch { /* the pipe is already closed */ }
  if (await Promise.race([exited.then(() => "exited"), sleep(5000).then(() => "timeout")]) === "timeout") {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
    await exited;
  }
  try { process.kill(-child.pid, "SIGKILL"); } catch { /* no helper left */ }
}

// The temporary profile: a helper that outlived the browser may still be
// writing to it for a moment; a profile left behind is reported, not a failure.
async function removeProfile(profile) {
  for (let attempt = 0; attempt < 10; ++attempt) {
    try {
      rmSync(profile, {recursive: true, force: true});
      return;
    } catch {
      await sleep(300);
    }
  }
  console.error(`review_page.mjs: could not remove the temporary profile ${profile}`);
}

run(parseArguments(process.argv.slice(2))).catch(error => {
  console.error(`review_page.mjs: ${error.message}`);
  process.exit(1);
});
