// Preloaded into the Agents Playground (NODE_OPTIONS=--require) by B12Bot's end-to-end tests.
// 1. It calls listen(port) without a host, which opens it on every interface: bind 127.0.0.1 instead, so the emulator
//    is reachable from this machine only.
// 2. With B12BOT_E2E_EXIT_WITH_PARENT=1 it exits as soon as the process that started it is gone (the test host
//    crashed or was killed), so no emulator outlives its test run.
"use strict";
const http = require("http");

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const hasHost = typeof args[1] === "string";
    return listen.call(this, Number(args[0]), hasHost ? args[1] : "127.0.0.1", ...args.slice(hasHost ? 2 : 1));
  }
  if (args[0] && typeof args[0] === "object" && args[0].path === undefined && args[0].host === undefined) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};

if (process.env.B12BOT_E2E_EXIT_WITH_PARENT === "1") {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      process.exit(0);
    }
  }, 500).unref();
}
