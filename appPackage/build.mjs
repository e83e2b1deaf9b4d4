// Builds the Teams app package to sideload: appPackage/build/appPackage.zip with manifest.json, color.png and
// outline.png at the root of the archive.
//
//   node appPackage/build.mjs [--out <file.zip>]
//
// Placeholders ${{Name}} in manifest.json are filled from, in order: the environment variable Name (or TeamsApp__Name),
// appsettings.{ASPNETCORE_ENVIRONMENT}.json and then appsettings.json at the repository root (the root key Name, or
// TeamsApp:Name), and the defaults below. MicrosoftAppId (the bot's Entra app id) is required; TeamsAppId defaults to
// it. The manifest is validated offline against its schema before the zip is written; the first run installs the
// validator with `npm ci` (from package-lock.json) when node_modules is missing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createZip } from "./zip.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, "..");
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

// Used when neither the environment nor appsettings names a value. Set real clinic pages before publishing.
const DEFAULTS = {
  ClinicName: "B12 Clinic",
  ClinicWebsiteUrl: "https://www.example.com/b12-clinic",
  ClinicPrivacyUrl: "https://www.example.com/b12-clinic/privacy",
  ClinicTermsOfUseUrl: "https://www.example.com/b12-clinic/terms",
};

function readSettings() {
  const environment = process.env.ASPNETCORE_ENVIRONMENT || process.env.DOTNET_ENVIRONMENT || "Production";
  const files = [`appsettings.${environment}.json`, "appsettings.json"].map((f) => path.join(repositoryRoot, f));
  return files.filter((f) => existsSync(f)).map((f) => {
    try {
      return JSON.parse(readFileSync(f, "utf8"));
    } catch (error) {
      throw new Error(`${path.basename(f)} is not plain JSON: ${error.message}`);
    }
  });
}

function resolver(settings) {
  const fromSettings = (name) => {
    for (const s of settings) {
      const value = s?.[name] ?? s?.TeamsApp?.[name];
      if (typeof value === "string" && value.trim() !== "") return value.trim();
    }
    return undefined;
  };
  const resolve = (name) => {
    const fromEnvironment = process.env[name] ?? process.env[name.toUpperCase()] ?? process.env[`TeamsApp__${name}`];
    if (fromEnvironment && fromEnvironment.trim() !== "") return { value: fromEnvironment.trim(), source: "environment" };
    const configured = fromSettings(name);
    if (configured) return { value: configured, source: "appsettings" };
    if (name === "TeamsAppId") return resolve("MicrosoftAppId");
    if (name in DEFAULTS) return { value: DEFAULTS[name], source: "default" };
    return undefined;
  };
  return resolve;
}

function substitute(template, resolve) {
  const problems = [];
  const defaulted = [];
  const text = template.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (match, name) => {
    const resolved = resolve(name);
    if (!resolved) {
      problems.push(`no value for ${name}: set the environment variable ${name} or "${name}" in appsettings.json`);
      return match;
    }
    if (resolved.source === "default") defaulted.push(name);
    return JSON.stringify(resolved.value).slice(1, -1);
  });
  return { text, problems, defaulted };
}

function ensureValidatorInstalled() {
  if (existsSync(path.join(here, "node_modules", "@microsoft", "app-manifest"))) return;
  console.log("Installing the manifest validator (npm ci in appPackage/)...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: here, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm ci failed in appPackage/");
}

async function main(argv) {
  const outIndex = argv.indexOf("--out");
  const out = path.resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1] : path.join(here, "build", "appPackage.zip"));

  const resolve = resolver(readSettings());
  const appId = resolve("MicrosoftAppId")?.value;
  if (!appId || !GUID.test(appId)) {
    console.error("MicrosoftAppId must be the bot's Entra app (client) id, a GUID. Set it in the environment (MicrosoftAppId=...) or in appsettings.json.");
    return 1;
  }

  const { text, problems, defaulted } = substitute(readFileSync(path.join(here, "manifest.json"), "utf8"), resolve);
  if (problems.length > 0) {
    problems.forEach((p) => console.error(p));
    return 1;
  }
  const manifest = JSON.parse(text);
  if (manifest.bots?.[0]?.botId !== appId) {
    console.error("bots[0].botId must be ${{MicrosoftAppId}}");
    return 1;
  }

  const files = [
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") },
    { name: manifest.icons.color, data: readFileSync(path.join(here, manifest.icons.color)) },
    { name: manifest.icons.outline, data: readFileSync(path.join(here, manifest.icons.outline)) },
  ];

  ensureValidatorInstalled();
  const { validatePackage } = await import("./validate.mjs");
  const invalid = validatePackage(new Map(files.map((f) => [f.name, f.data])));
  if (invalid.length > 0) {
    console.error("The Teams manifest is not valid:");
    invalid.forEach((p) => console.error(`  ${p}`));
    return 1;
  }

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, createZip(files));
  if (defaulted.length > 0) {
    console.warn(`Note: ${defaulted.join(", ")} use placeholder defaults; set them (environment or appsettings.json "TeamsApp" section) before publishing to the clinic's catalog.`);
  }
  console.log(`Built ${path.relative(process.cwd(), out) || out} for bot ${appId} (manifest ${manifest.manifestVersion}, version ${manifest.version}); it validates against the Teams schema.`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
