#!/usr/bin/env bash
# Takes the README's screenshots of signpost-desk with demo data under Xvfb.
# Needs: xvfb x11-apps xdotool imagemagick xterm neomutt chromium; a build in ./build.
# The dark palette and the waiting-to-send list come from the desk's UI
# test, which saves them when SIGNPOST_SCREENSHOT_DIR is set (see the end).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
display=:97
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

Xvfb $display -screen 0 1600x960x24 >/dev/null 2>&1 &
export DISPLAY=$display
sleep 1
# The sign-in dialog of a first start, warning before a password goes over
# plain http to another machine.
HOME="$work/home" ./build/app/signpost-desk --server http://192.0.2.10:8080 2>/dev/null &
signin_pid=$!
signin=""
for _ in $(seq 50); do signin=$(xdotool search --onlyvisible --name "^Sign in to Signpost$" 2>/dev/null | head -1) && [ -n "$signin" ] && break; sleep 0.2; done
xdotool windowfocus --sync "$signin" 2>/dev/null
xdotool key Tab; xdotool type "sam@northwind.example"; xdotool key Tab; xdotool type "password"; xdotool key Return
sleep 0.8
shot() { xwd -id "$1" -display $display | convert xwd:- "png:$out/$2.png"; echo "$out/$2.png"; }
shot "$signin" desk-signin
kill $signin_pid 2>/dev/null || true

SIGNPOST_SERVER=./build/server/signpost-server ./build/app/signpost-desk --demo 2>"$work/desk.log" &
for _ in $(seq 50); do grep -q "demo server at" "$work/desk.log" && break; sleep 0.2; done
url=$(sed -n 's/.*demo server at \([^,]*\),.*/\1/p' "$work/desk.log")
window=""
for _ in $(seq 50); do window=$(xdotool search --name "^Signpost$" 2>/dev/null | head -1) && [ -n "$window" ] && break; sleep 0.2; done
sleep 2 # the first sync fills the queues

key() { xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key "$@"; sleep 0.8; }

shot "$window" desk-main
key ctrl+j ctrl+j
shot "$window" desk-ticket

# Reply and internal note: two modes that cannot be mistaken, and a moment
# to take a send back.
key ctrl+r
xdotool type "Hi! I have asked the warehouse to check your parcel and will write again today."
sleep 0.5
shot "$window" desk-reply-mode
key ctrl+a BackSpace ctrl+shift+n
xdotool type "Warehouse says the label was printed twice; check before refunding."
sleep 0.5
shot "$window" desk-note-mode
key ctrl+Return
shot "$window" desk-undo-send
key ctrl+shift+u

# Sorted by the Due column: the overdue ticket first, with its breaches in
# the history.
xdotool mousemove --window "$window" 757 56 click 1
sleep 0.8
key ctrl+k
shot "$window" desk-sla

key ctrl+t
dialog=$(xdotool search --name "^Transfer #" | head -1)
xdotool windowfocus --sync "$dialog" 2>/dev/null
xdotool key Tab Tab
xdotool type "Customer wants a refund, not a repair: label is on its way."
sleep 0.5
shot "$dialog" desk-transfer
xdotool key Escape
sleep 0.5

# The team lead's dashboard (Lars leads Returns).
key ctrl+d
sleep 1
dashboard=$(xdotool search --name "^Team dashboard$" | head -1)
shot "$dashboard" desk-dashboard
xdotool windowfocus --sync "$dashboard" 2>/dev/null; xdotool key ctrl+w 2>/dev/null || true
xdotool windowunmap "$dashboard" 2>/dev/null || true
sleep 0.5

# A customer writes in: the popup.
curl -s -X POST "$url/api/v1/public/intake" -H 'Content-Type: application/json' \
  -d '{"shop":1,"department":2,"name":"Ines Duarte","email":"ines@example.pt","order_number":"NW-10733","subject":"Zip broke on the first hike","message":"The main zip of the Fjell jacket broke after one day."}' >/dev/null
sleep 2.5
shot "$window" desk-popup

# A customer writes to Returns by mail (handed over as a local MTA would);
# Lars answers from the desk, and the demo's outgoing mail (no relay here)
# is what the customer's mail program shows.
token=$(curl -s "$url/api/v1/auth/login" -d '{"email":"admin@signpost.example","password":"signpost-demo"}' |
  sed 's/.*"token":"\([^"]*\)".*/\1/')
cat > "$work/customer.eml" <<'MAIL'
From: =?UTF-8?Q?Kari_Nordb=C3=B8?= <kari.nordbo@example.no>
To: Northwind Outdoor <returns@northwind.example>
Subject: =?UTF-8?Q?Jakken_er_for_liten_=E2=80=93_kan_jeg_bytte=3F?=
Date: Tue, 01 Dec 2026 09:12:00 +0100
Message-ID: <kari-2026-12-01@example.no>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hei!

Jeg fikk Fjell-jakken (ordre NW-10588) i går, men størrelse M er for liten.
Kan jeg bytte den til L? Jeg har ikke brukt den.

Hilsen Kari
MAIL
ticket=$(curl -s "$url/api/v1/mail/inbound?shop=1" -H "Authorization: Bearer $token" --data-binary @"$work/customer.eml" |
  sed 's/.*"ticket":\([0-9]*\).*/\1/')
sleep 2.5
key ctrl+g
xdotool type "$ticket"; xdotool key Return; sleep 0.8
key ctrl+r
xdotool type "Hei Kari! Det ordner vi. Du får en returlapp på e-post i dag, og jakken i L sendes så snart vi har mottatt den du har."
key ctrl+Return
sleep 8 # the moment to undo, then out, mailed, and back in the history
shot "$window" desk-mail
server_dir=$(pgrep -af "signpost-server --data-dir /tmp/signpost-desk-" | sed -n 's/.*--data-dir \([^ ]*\).*/\1/p' | head -1)
mail_out="$server_dir/outgoing-mail"
mkdir -p "$work/inbox/cur" "$work/inbox/new" "$work/inbox/tmp"
cp "$work/customer.eml" "$work/inbox/cur/1.customer:2,S"
n=2
for f in "$mail_out"/*-ticket-"$ticket".eml; do cp "$f" "$work/inbox/cur/$n.signpost:2,"; n=$((n + 1)); done
cat > "$work/muttrc" <<'RC'
set mbox_type=Maildir
set charset=utf-8
set sort=threads
set sort_aux=date
set pager_index_lines=5
set pager_stop=yes
set markers=no
set header_cache=""
ignore *
unignore from: to: reply-to: subject: date:
hdr_order from: reply-to: to: date: subject:
color header brightblue default "^(From|Subject):"
RC
LC_ALL=C.UTF-8 xterm -u8 -geometry 100x34 -fa 'DejaVu Sans Mono' -fs 11 -title customer-mail \
  -e neomutt -n -F "$work/muttrc" -f "$work/inbox" &
mutt=""
for _ in $(seq 50); do mutt=$(xdotool search --name customer-mail 2>/dev/null | head -1) && [ -n "$mutt" ] && break; sleep 0.2; done
sleep 1
# The reply (after the acknowledgement), with the thread above it. xterm
# takes only real key events, so the window gets the focus first.
xdotool windowfocus --sync "$mutt" 2>/dev/null
sleep 0.5
for k in End Return; do xdotool key $k; sleep 0.8; done
shot "$mutt" mail-received
xdotool key --window "$mutt" q q 2>/dev/null || true # the window may be gone after the first
sleep 0.5

# The server goes away: the desk keeps working and says so.
pkill -f "signpost-server --data-dir /tmp/signpost-desk-.*/server" || true
sleep 3
key ctrl+shift+n
xdotool type "Checked the batch: all jackets from week 41 have this zip."
key ctrl+Return
sleep 6 # the moment to undo
shot "$window" desk-offline

SIGNPOST_SCREENSHOT_DIR="$PWD/$out" QT_QPA_PLATFORM=offscreen ./build/tests/tst_desk_ui \
  looksRightAndRemembersTheLayout aChangeOnATicketThatMovedAwayIsKeptAndExplained \
  whatOthersWroteSinceIsShownBeforeSending colleaguesOnTheSameTicketAreShown \
  cannedRepliesFromThePickerAndTheLeadsEditor bulkActionsOnSelectedRows olderTicketsAreFoundOnTheServer \
  filesGoWithAReplyAlsoOffline >/dev/null
rm -f "$out/desk-1280x700-at-100-percent.png"
scaled=$(mktemp -d)
QT_SCALE_FACTOR=2 SIGNPOST_SCREENSHOT_DIR="$scaled" QT_QPA_PLATFORM=offscreen ./build/tests/tst_desk_ui \
  looksRightAndRemembersTheLayout >/dev/null
cp "$scaled/desk-1280x700-at-200-percent.png" "$out/"
rm -rf "$scaled"
echo "$out/desk-1280x700-at-200-percent.png"
echo "$out/desk-dark.png"
echo "$out/desk-outbox.png"
echo "$out/desk-changed-since.png"
echo "$out/desk-presence.png"
echo "$out/desk-canned-picker.png"
echo "$out/desk-canned-editor.png"
echo "$out/desk-bulk.png"
echo "$out/desk-server-search.png"
echo "$out/desk-attach.png"

# What customers see, in a browser: the contact form (with its file field),
# the form sent back with its errors, and the ticket's page with a reply
# that carries a file.
pages="$work/pages"
mkdir -p "$pages"
./build/server/signpost-server --data-dir "$pages/store" --port 0 --demo >"$pages/url" 2>"$pages/log" &
for _ in $(seq 100); do [ -s "$pages/url" ] && break; sleep 0.1; done
base=$(head -1 "$pages/url" | tr -d '[:space:]')
page() { # url png
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1250 \
    --screenshot="$out/$2.png" "$1" >/dev/null 2>&1
  echo "$out/$2.png"
}
page "$base/contact/northwind?lang=en" contact-form
curl -s -X POST -d 'lang=en&department=&name=&email=not-an-address&subject=&message=' "$base/contact/northwind" >"$pages/errors.html"
page "file://$pages/errors.html" contact-form-errors
# The same form in Norwegian Bokmål and German, and German errors.
page "$base/contact/northwind?lang=nb" contact-form-nb
page "$base/contact/northwind?lang=de" contact-form-de
curl -s -X POST -d 'lang=de&department=&name=&email=keine-adresse&subject=&message=' "$base/contact/northwind" >"$pages/errors-de.html"
page "file://$pages/errors-de.html" contact-form-errors-de
login() { curl -s "$base/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"signpost-demo\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
photo=$(printf 'a photo of the torn seam' | base64 -w0)
made=$(curl -s "$base/api/v1/public/intake" -H 'Content-Type: application/json' -d "{\"shop\":1,\"name\":\"Kari Nordmann\",
  \"email\":\"kari@example.no\",\"order_number\":\"NW-20417\",\"subject\":\"The seam of my jacket tore\",
  \"message\":\"After two weeks the seam under the arm tore. A photo is attached.\",
  \"attachments\":[{\"filename\":\"seam.jpg\",\"content_type\":\"image/jpeg\",\"data\":\"$photo\"}]}")
ticket=$(echo "$made" | sed 's/.*"ticket":\([0-9]*\).*/\1/')
path=$(echo "$made" | sed 's/.*"thread_path":"\([^"]*\)".*/\1/')
admin=$(login admin@signpost.example)
upload=$(printf '%%PDF-1.4 return label' | curl -s "$base/api/v1/uploads" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/pdf' --data-binary @- | sed 's/.*"upload":"\([^"]*\)".*/\1/')
version=$(curl -s "$base/api/v1/tickets/$ticket" -H "Authorization: Bearer $admin" | sed 's/.*"version":\([0-9]*\).*/\1/')
curl -s "$base/api/v1/commands" -H "Authorization: Bearer $admin" -d "{\"commands\":[{\"id\":\"shot-1\",
  \"ticket\":$ticket,\"base_version\":$version,\"type\":\"reply\",
  \"body\":\"Sorry about that, Kari. Here is a free return label: send the jacket back and we replace it.\",
  \"attachments\":[{\"upload\":\"$upload\",\"filename\":\"return-label.pdf\",\"content_type\":\"application/pdf\",\"size\":21}]}]}" >/dev/null
page "$base$path" customer-ticket

# The desk in Norwegian Bokmål and German, as a desk on such a system starts.
for lang in nb_NO de_DE; do
  HOME="$work/home-$lang" LC_ALL=$lang.UTF-8 SIGNPOST_SERVER=./build/server/signpost-server \
    ./build/app/signpost-desk --demo 2>"$work/desk-$lang.log" &
  desk_pid=$!
  window=""
  for _ in $(seq 50); do window=$(xdotool search --pid $desk_pid --name "^Signpost$" 2>/dev/null | head -1) && [ -n "$window" ] && break; sleep 0.2; done
  sleep 3 # the first sync fills the queues
  key ctrl+j
  shot "$window" "desk-main-${lang%_*}"
  kill $desk_pid 2>/dev/null || true
  wait $desk_pid 2>/dev/null || true
done
