// Compiles each theme under themes/<name>/theme.scss into
// src/LearningPortal.Web/wwwroot/themes/<name>/theme.css, copies each theme's static files
// (logo and the like) beside it, and copies GOV.UK Frontend's fonts, images and JavaScript
// into wwwroot/lib/govuk. Run by `npm run build`, and by the web project's build when stale.
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const themesDir = join(root, "themes");
const wwwroot = join(root, "src", "LearningPortal.Web", "wwwroot");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

// `dotnet run` shows no build output but errors, so progress goes to the terminal itself when there is one (and to
// standard output otherwise, which `dotnet build` shows).
const started = Date.now();
let tty = -1;
try {
  tty = openSync("/dev/tty", "w");
} catch {
  tty = -1;
}
function progress(line) {
  const text = `Front end (${((Date.now() - started) / 1000).toFixed(1)} s): ${line}`;
  if (tty >= 0) {
    try {
      writeSync(tty, text + "\n");
      return;
    } catch {
      tty = -1;
    }
  }
  console.log(text);
}

progress("copying GOV.UK Frontend's fonts, images and JavaScript");
const libOut = join(wwwroot, "lib", "govuk");
mkdirSync(libOut, { recursive: true });
cpSync(join(govuk, "assets"), join(libOut, "assets"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(libOut, "govuk-frontend.min.js"));

for (const name of readdirSync(themesDir)) {
  const dir = join(themesDir, name);
  if (!statSync(dir).isDirectory() || !existsSync(join(dir, "theme.scss"))) continue;
  progress(`compiling theme ${name}`);
  const out = join(wwwroot, "themes", name);
  mkdirSync(out, { recursive: true });
  const result = sass.compile(join(dir, "theme.scss"), {
    style: "compressed",
    importers: [new sass.NodePackageImporter(root)],
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  writeFileSync(join(out, "theme.css"), result.css);
  for (const file of readdirSync(dir)) {
    if (/\.(svg|png|ico|webmanifest)$/.test(file)) cpSync(join(dir, file), join(out, file));
  }
  progress(`theme ${name}: ${result.css.length} bytes`);
}
progress("done");
