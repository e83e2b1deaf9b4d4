// Validates a Teams app manifest, or a whole app package zip, offline: the JSON schema for the manifest's version
// comes from the @microsoft/app-manifest npm package (installed by `npm ci`); nothing is fetched from the network.
//
//   node appPackage/validate.mjs appPackage/build/appPackage.zip
//   node appPackage/validate.mjs path/to/manifest.json
//
// Exit code 0 when valid, 1 with one line per problem otherwise.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readZip } from "./zip.mjs";

const require = createRequire(import.meta.url);

/** The schema bundled for a manifest version, e.g. "1.29"; throws when the package has none (no network fallback). */
export function loadSchema(manifestVersion) {
  const packageJson = require.resolve("@microsoft/app-manifest/package.json");
  const file = path.join(path.dirname(packageJson), "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!existsSync(file)) {
    throw new Error(`@microsoft/app-manifest bundles no schema for manifestVersion ${manifestVersion}`);
  }
  // The published schemas contain \a and \v escapes that JSON does not allow (the package itself rewrites them too).
  return JSON.parse(readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

/** Schema problems of a manifest object, as "path message" strings; empty when valid. */
export function validateManifest(manifest) {
  if (typeof manifest?.manifestVersion !== "string") {
    return ["/manifestVersion is missing"];
  }
  const AjvDraft04 = require("ajv-draft-04").default ?? require("ajv-draft-04");
  const addFormats = require("ajv-formats").default ?? require("ajv-formats");
  // Same settings as the Agents Toolkit's own validation (AppManifestUtils.validateAgainstSchema).
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(loadSchema(manifest.manifestVersion));
  const problems = validate(manifest) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);

  const expectedSchema = `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== undefined && manifest.$schema !== expectedSchema) {
    problems.push(`/$schema should be ${expectedSchema}`);
  }
  const text = JSON.stringify(manifest);
  if (text.includes("${{")) {
    problems.push(`placeholders were not substituted: ${[...new Set(text.match(/\$\{\{[^}]*\}\}/g))].join(", ")}`);
  }
  return problems;
}

/** Width, height, colour type of a PNG (throws when it is not one). */
export function pngInfo(buffer) {
  if (buffer.length < 33 || buffer.readUInt32BE(0) !== 0x89504e47 || buffer.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error("not a PNG file");
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), colorType: buffer[25] };
}

/** Problems of a whole package: manifest and icons at the root, icon sizes, schema. */
export function validatePackage(files) {
  const manifestBuffer = files.get("manifest.json");
  if (!manifestBuffer) {
    return ["manifest.json must be at the root of the zip (no enclosing folder)"];
  }
  let manifest;
  try {
    manifest = JSON.parse(manifestBuffer.toString("utf8"));
  } catch (error) {
    return [`manifest.json is not JSON: ${error.message}`];
  }
  const problems = validateManifest(manifest);
  const icons = [
    ["color", 192, false],
    ["outline", 32, true],
  ];
  for (const [kind, size, needsAlpha] of icons) {
    const name = manifest.icons?.[kind];
    const png = name && files.get(name);
    if (!png) {
      problems.push(`icons.${kind} (${name}) is not in the package`);
      continue;
    }
    try {
      const info = pngInfo(png);
      if (info.width !== size || info.height !== size) problems.push(`${name} is ${info.width}x${info.height}, must be ${size}x${size}`);
      if (needsAlpha && info.colorType !== 6 && info.colorType !== 4) problems.push(`${name} must have a transparent background (PNG with alpha)`);
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }
  return problems;
}

function main(target) {
  if (!target) {
    console.error("usage: node validate.mjs <appPackage.zip | manifest.json>");
    return 2;
  }
  const buffer = readFileSync(target);
  const problems = target.endsWith(".zip")
    ? validatePackage(readZip(buffer))
    : validateManifest(JSON.parse(buffer.toString("utf8")));
  if (problems.length > 0) {
    console.error(`${target} is not valid:`);
    for (const problem of problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(`${target} is valid (Teams manifest schema, offline)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2]);
}
