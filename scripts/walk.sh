#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Walks through the app in a real X window (Xvfb + openbox) step by step and keeps a screenshot of
# each step: what a person sees, menus and dialogs included (see DEVELOPERS.md).
#
#   scripts/walk.sh STEPS.txt OUTDIR
#
# Steps, one a line ('#' starts a comment):
#   start PROGRAM ARGS...   start the program (its output goes to OUTDIR/app.log)
#   wait SECONDS            let it settle
#   key KEYS...             xdotool key names: ctrl+i Return Tab Escape alt+f Down ...
#   type TEXT               type text (Hangul works)
#   click X Y [BUTTON]      click at screen coordinates (the screen is 1600x1000)
#   shot NAME               save OUTDIR/NN-NAME.png
#   quit                    close the program (ctrl+q, then TERM); also done at the end
# Needs: xvfb xdotool x11-utils imagemagick openbox fonts-noto-cjk.
#
# Screenshots are taken with ImageMagick's `import -window root`: `xwd -root` leaves menus and
# dialogs black, because the X server draws those windows (32-bit visuals) off screen and composites
# them, and xwd reads only the screen's own pixels.
set -u
steps=${1:?usage: walk.sh STEPS.txt OUTDIR}
out=${2:?usage: walk.sh STEPS.txt OUTDIR}
mkdir -p "$out"
for t in Xvfb xdotool import openbox xdpyinfo; do
    command -v "$t" >/dev/null || { echo "walk.sh: $t missing (apt-get install -y xvfb xdotool x11-utils imagemagick openbox)"; exit 2; }
done
disp=""
for n in $(seq 70 99); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { disp=:$n; break; }; done
[[ -n $disp ]] || { echo "walk.sh: no free display"; exit 2; }
Xvfb "$disp" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xv=$!
export DISPLAY=$disp
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
wm=$!
app=""
n=0
finish() {
    if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then
        xdotool key ctrl+q 2>/dev/null; sleep 1; kill "$app" 2>/dev/null; sleep 0.5; kill -9 "$app" 2>/dev/null
    fi
    kill "$wm" "$xv" 2>/dev/null
    wait 2>/dev/null
}
trap finish EXIT
while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    read -r cmd rest <<<"$line"
    [[ -z ${cmd:-} ]] && continue
    case $cmd in
        start) read -r -a argv <<<"$rest"; "${argv[@]}" >"$out/app.log" 2>&1 & app=$!; sleep 2 ;;
        wait) sleep "$rest" ;;
        key) for k in $rest; do xdotool key --clearmodifiers "$k"; sleep 0.3; done ;;
        type) xdotool type --delay 60 -- "$rest"; sleep 0.3 ;;
        click) read -r x y b <<<"$rest"; xdotool mousemove "$x" "$y" click "${b:-1}"; sleep 0.5 ;;
        shot) n=$((n + 1)); f=$(printf '%s/%02d-%s.png' "$out" "$n" "$rest"); import -window root "$f"; echo "$f" ;;
        quit) finish; app="" ;;
        *) echo "walk.sh: unknown step '$cmd'"; exit 2 ;;
    esac
    if [[ -n $app ]] && ! kill -0 "$app" 2>/dev/null; then
        echo "walk.sh: the program exited during '$cmd' (log: $out/app.log)"
        app=""
    fi
done <"$steps"
