#!/usr/bin/env bash
# Regenerates the small media fixtures the tests, Storybook and the demo use, with ffmpeg.
# The outputs are committed (fixtures/media, well under 2 MB in all); nothing reaches the
# internet at test time. Run with `npm run fixtures`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/media

if ! command -v ffmpeg >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg fonts-dejavu-core
  else
    echo "Needs ffmpeg and fonts-dejavu-core: sudo apt-get install -y ffmpeg fonts-dejavu-core" >&2
    exit 1
  fi
fi

font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
caption() { # text, font size, y position
  printf "drawtext=fontfile=%s:text='%s':fontcolor=white:fontsize=%s:x=(w-text_w)/2:y=%s:shadowcolor=black@0.5:shadowx=2:shadowy=2" "$font" "$1" "$2" "$3"
}

rm -rf "$out"
mkdir -p "$out/avatars" "$out/photos" "$out/videos" "$out/hls" "$out/sounds" "$out/captions"

# Avatars: 12 distinct 160x160 gradient portraits, one per demo account.
colors=(
  "0xff6b6b 0xfeca57" "0x48dbfb 0x1dd1a1" "0xa29bfe 0x6c5ce7" "0xfd79a8 0xe84393"
  "0x00cec9 0x0984e3" "0xfab1a0 0xe17055" "0x55efc4 0x00b894" "0xffeaa7 0xfdcb6e"
  "0x74b9ff 0xa29bfe" "0xff7675 0xd63031" "0x81ecec 0x00cec9" "0xdfe6e9 0x636e72"
)
for i in "${!colors[@]}"; do
  read -r c0 c1 <<<"${colors[$i]}"
  ff -f lavfi -i "gradients=s=160x160:c0=${c0}:c1=${c1}:x0=0:y0=0:x1=160:y1=160:nb_colors=2:seed=$i" \
    -f lavfi -i "color=white:s=160x160,format=rgba,geq=r=255:g=255:b=255:a='if(lt(hypot(X-80\,Y-64)\,30)+lt(hypot((X-80)/60\,(Y-168)/56)\,1)\,170\,0)'" \
    -filter_complex "[0][1]overlay=format=auto,format=yuv420p" -frames:v 1 -q:v 6 "$out/avatars/avatar-$((i + 1)).jpg"
done

# Portrait photos (9:16), as JPEG and WebP.
photo() { # name, ext, colours, caption
  read -r c0 c1 c2 <<<"$3"
  local args=(-f lavfi -i "gradients=s=540x960:c0=${c0}:c1=${c1}:c2=${c2}:nb_colors=3:type=radial:seed=7,format=yuv420p" -vf "$(caption "$4" 44 "(h-text_h)/2")" -frames:v 1)
  if [ "$2" = webp ]; then ff "${args[@]}" -c:v libwebp -quality 55 "$out/photos/$1.webp"
  else ff "${args[@]}" -q:v 9 "$out/photos/$1.jpg"; fi
}
photo sunrise jpg "0xff9f43 0xee5253 0x341f97" "Sunrise at the pier"
photo forest jpg "0x1dd1a1 0x10ac84 0x222f3e" "Morning run"
photo city webp "0x54a0ff 0x5f27cd 0x222f3e" "City lights"
photo coffee webp "0xc8d6e5 0x8395a7 0x576574" "Coffee break"

# Shapes real feeds have besides 9:16: a 16:9 landscape and a square photo, with a border
# so a test can see whether the edges were cropped.
edged() { # name, size, caption
  ff -f lavfi -i "gradients=s=$2:c0=0x0abde3:c1=0xf368e0:nb_colors=2:seed=3,format=yuv420p" \
    -vf "drawbox=x=0:y=0:w=iw:h=ih:color=0xffd32a:t=24,$(caption "$3" 48 "(h-text_h)/2")" -frames:v 1 -q:v 8 "$out/photos/$1.jpg"
}
edged landscape 1280x720 "Landscape 16x9"
edged square 900x900 "A square photo"
# Moving pictures, three frames each: a GIF, an animated WebP and an animated PNG (shown as
# they are, never frozen on their first frame).
ff -f lavfi -i "testsrc2=size=90x160:rate=2" -t 1.5 "$out/photos/moving.gif"
ff -f lavfi -i "testsrc2=size=90x160:rate=2" -t 1.5 -c:v libwebp_anim -loop 0 -quality 40 "$out/photos/moving.webp"
ff -f lavfi -i "testsrc2=size=90x160:rate=2" -t 1.5 -plays 0 -f apng "$out/photos/moving.png"
# Not a photo at all, served as one: a damaged file.
printf 'This is not a JPEG file.\n' >"$out/photos/damaged.jpg"

# Short mp4 clips (H.264 baseline + AAC, faststart), 360x640.
clip() { # name, source, caption, seconds
  ff -f lavfi -i "$2" -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=$4" \
    -vf "$(caption "$3" 30 "h-120")" -t "$4" \
    -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryfast -crf 34 -maxrate 160k -bufsize 320k -g 24 \
    -c:a aac -b:a 24k -ac 1 -movflags +faststart "$out/videos/$1.mp4"
}
clip waves "testsrc2=size=360x640:rate=24" "Waves" 4
clip fractal "mandelbrot=size=360x640:rate=24" "Deep zoom" 4
clip pattern "cellauto=size=360x640:rate=24:rule=110,format=yuv420p" "Patterns" 3
# The same clip as a QuickTime file, as phones save them (OpenStories feeds publish .mov).
ff -i "$out/videos/waves.mp4" -c copy -f mov "$out/videos/waves.mov"
# WebVTT captions for it, in two languages.
printf 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nThe waves roll in.\n\n00:00:02.000 --> 00:00:04.000\n[A steady tone]\n' >"$out/captions/waves.en.vtt"
printf 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nAs ondas chegam.\n\n00:00:02.000 --> 00:00:04.000\n[Um tom constante]\n' >"$out/captions/waves.pt.vtt"
# 61 seconds, one frame a second, tiny: longer than the composer accepts (60 s).
ff -f lavfi -i "color=c=0x336699:size=96x160:rate=1" -t 61 -c:v libx264 -profile:v baseline -pix_fmt yuv420p -preset veryfast -crf 40 -g 61 -movflags +faststart "$out/videos/too-long.mp4"
# WebM (VP9): 62 s, so even read without its Duration (its last frame starts at 61 s) it is too
# long; and a 3-second one.
ff -f lavfi -i "color=c=0x336699:size=16x16:rate=1" -t 62 -c:v libvpx-vp9 -b:v 10k "$out/videos/too-long.webm"
ff -f lavfi -i "color=c=0x336699:size=16x16:rate=2" -t 3 -c:v libvpx-vp9 -b:v 10k "$out/videos/short.webm"

# HEVC, which Chromium without a hardware decoder cannot play: "this format can't be played".
ff -f lavfi -i "testsrc=size=180x320:rate=12" -t 1 -c:v libx265 -preset ultrafast -x265-params log-level=error -crf 40 -tag:v hvc1 -pix_fmt yuv420p -movflags +faststart "$out/videos/hevc.mp4"
# A landscape clip (16:9) for the letterbox.
ff -f lavfi -i "testsrc2=size=320x180:rate=12" -t 2 -c:v libx264 -profile:v baseline -pix_fmt yuv420p -preset veryfast -crf 38 -movflags +faststart "$out/videos/landscape.mp4"

# One tiny fMP4 HLS stream (3 s in 1 s segments; .m4s so no tool mistakes it for TypeScript).
ff -f lavfi -i testsrc=size=320x568:rate=24:duration=3 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=3 \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryfast -crf 35 -maxrate 80k -bufsize 160k \
  -g 24 -keyint_min 24 -sc_threshold 0 -c:a aac -b:a 24k -ac 1 \
  -f hls -hls_time 1 -hls_playlist_type vod -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 \
  -hls_segment_filename "$out/hls/seg%d.m4s" "$out/hls/index.m3u8"

# A playlist that is not one (served fine, unplayable): a damaged stream.
printf 'This is not an HLS playlist.\n' >"$out/hls/garbage.m3u8"

# Captions for the pattern clip (WebVTT, written here, not generated).
cat >"$out/captions/pattern.en.vtt" <<'VTT'
WEBVTT

00:00.000 --> 00:01.500
<v Narrator>Cells grow by <i>rule 110</i>

00:01.500 --> 00:03.000
and the pattern keeps going
VTT
cat >"$out/captions/pattern.es.vtt" <<'VTT'
WEBVTT

00:00.000 --> 00:01.500
Las células crecen por la regla 110

00:01.500 --> 00:03.000
y el patrón sigue
VTT

# Sound tracks for stories and the composer: short generated loops (AAC in m4a).
tone() { # name, expression, seconds
  ff -f lavfi -i "aevalsrc=$2:s=44100:d=$3" -ac 1 -c:a aac -b:a 32k "$out/sounds/$1.m4a"
}
tone chime "0.3*sin(2*PI*523*t)*exp(-3*mod(t\,0.5))+0.2*sin(2*PI*784*t)*exp(-3*mod(t\,0.5))" 8
tone pulse "0.25*sin(2*PI*220*t)*(0.5+0.5*sin(2*PI*2*t))" 8
tone arpeggio "0.25*sin(2*PI*(262+131*floor(mod(t*4\,3)))*t)" 8

du -sh "$out"
find "$out" -type f | sort | xargs ls -l | awk '{ printf "%8d  %s\n", $5, $9 }'
