#!/usr/bin/env bash
# Builds the sample programme's database from scratch with the malaka command line,
# the way a coordinator would, and prints what it holds.
#
# Usage: demo/sample-programme.sh MALAKA_BINARY OUTPUT_DIR
set -euo pipefail

malaka_bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

mkdir -p "$out"
export MALAKA_DB="$out/sample-programme.sqlite"
rm -f "$MALAKA_DB" "$MALAKA_DB-wal" "$MALAKA_DB-shm"

malaka() { "$malaka_bin" "$@"; }
step() { printf '\n== %s\n' "$*"; }
json_id() { sed -n 's/^  "id" : \([0-9]*\),*$/\1/p' | head -n 1; }

step "Set up the database and load the course catalogue"
malaka init
malaka course sync --dir "$root/courses"

step "Schedule the programme's events"
khorezm=$(malaka event create --json --course PS-PARENTING --region Xorazm --district "Urganch tumani" \
  --locality "Navbahor mahallasi" --venue "Mahalla markazi" --organiser "Oila va xotin-qizlar qoʻmitasi" \
  --start 25.03.2019 --days 4 --time 09:00-12:00 --trainer "Dilnoza Yusupova" --capacity 25 | json_id)
samarkand=$(malaka event create --json --course PS-PARENTING --region Samarqand --district "Samarqand tumani" \
  --venue "Bolalar bogʻchasi 12" --organiser "Oila va xotin-qizlar qoʻmitasi" \
  --start 07.10.2019 --days 4 --time 14:00-17:00 --trainer "Shahnoza Rahimova" --capacity 20 | json_id)
tashkent=$(malaka event create --json --course SEM-INTERAGENCY --region "Toshkent viloyati" --district Zangiota \
  --venue "Tuman hokimligi majlislar zali" --organiser "UNICEF Uzbekistan" \
  --start 2019-11-12 --days 2 --time 09:30-15:30 --hours 5 --trainer "Rustam Aliyev" --trainer "Dilnoza Yusupova" | json_id)
chuy=$(malaka event create --json --course CR-MONITORING --region Chuy --district Alamudun \
  --venue "Аламүдүн айыл өкмөтү" --organiser "Social Development Ministry" \
  --session 2019-09-16 --session 2019-09-17 --session 2019-09-18 --session 2019-09-19 --session 2019-09-20@09:00-13:00 \
  --time 09:00-13:00 --trainer "Айнура Касымова" | json_id)
# A study tour in two legs: Tashkent-region specialists visit Urganch in March and Tashkent city in April.
tour=$(malaka tour create --json --course ST-PILOT-MAHALLA --organiser "UNICEF Uzbekistan" --trainer "Rustam Aliyev" \
  --sending-organisation "Zangiota tuman hokimligi" --sending-region "Toshkent viloyati" \
  --hosting-organisation "Mahalla va oilani qoʻllab-quvvatlash vazirligi" --hosting-region Xorazm --time 10:00-17:00 \
  --leg "host=Urganch tuman hokimligi;place=Urganch;region=Xorazm;district=Urganch tumani;from=25.03.2019;to=26.03.2019;visited=Navbahor mahallasi social support centre, Urganch family support centre" \
  --leg "host=Toshkent shahar ijtimoiy xizmatlar markazi;place=Mirobod;region=UZ-TK;from=16.04.2019;to=17.04.2019;time=09:00-16:00;visited=Day-care centre for children with disabilities, a foster family" \
  | json_id)
meeting=$(malaka event create --json --course COORD-MEETING --region Bishkek --venue "City hall" \
  --session 2019-12-05 --time 10:00-13:00 | json_id)
malaka event cancel "$meeting" --reason "Postponed to January at the ministry's request"
malaka event list
malaka event show "$tour"

step "A double booking is refused: Dilnoza Yusupova is teaching in Urganch that week"
if refusal=$(malaka event create --course PS-PARENTING --region Samarqand --district "Samarqand tumani" \
     --venue "Bolalar bogʻchasi 12" --start 26.03.2019 --days 2 --time 10:00-13:00 --trainer "Dilnoza Yusupova" 2>&1); then
  echo "The double booking was not refused." >&2
  exit 1
fi
printf '%s\n' "$refusal"

step "Register the participants and enroll them"
declare -A group_event=([khorezm]=$khorezm [samarkand]=$samarkand [tashkent]=$tashkent [chuy]=$chuy)
declare -A members
while IFS=$'\t' read -r group name alternate sex year category region district language; do
  [[ -z $group || $group == \#* ]] && continue
  args=(--name "$name" --alt-name "$alternate" --sex "$sex" --birth-year "$year" --category "$category"
        --region "$region" --language "$language" --consent-date 2019-03-01 --consent-by "Programme coordinator")
  [[ $district != - ]] && args+=(--district "$district")
  id=$(malaka participant add --json "${args[@]}" | json_id)
  members[$group]="${members[$group]:-} $id"
done < "$here/participants.tsv"
for group in khorezm samarkand tashkent chuy; do
  # shellcheck disable=SC2086
  malaka enroll "${group_event[$group]}" ${members[$group]}
done
# The study tour takes the Tashkent specialists.
# shellcheck disable=SC2086
malaka enroll "$tour" ${members[tashkent]}

step "Mark attendance day by day"
read -r -a kx <<< "${members[khorezm]}"
malaka attendance mark "$khorezm" --date 25.03.2019 --all-present
malaka attendance mark "$khorezm" --date 26.03.2019 --all-present --except "${kx[3]}" --late "${kx[1]}"
malaka attendance mark "$khorezm" --date 27.03.2019 --all-present --except "${kx[3]}" "${kx[8]}"
malaka attendance mark "$khorezm" --date 28.03.2019 --all-present --excused "${kx[8]}"
read -r -a sx <<< "${members[samarkand]}"
malaka attendance mark "$samarkand" --date 07.10.2019 --all-present
malaka attendance mark "$samarkand" --date 08.10.2019 --all-present --except "${sx[2]}"
malaka attendance mark "$samarkand" --date 09.10.2019 --all-present --except "${sx[2]}" --late "${sx[5]}"
malaka attendance mark "$samarkand" --date 10.10.2019 --all-present --except "${sx[2]}"
malaka attendance mark "$tashkent" --date 12.11.2019 --all-present
malaka attendance mark "$tashkent" --date 13.11.2019 --all-present --absent Kim
for day in 16 17 18 19 20; do
  malaka attendance mark "$chuy" --date "$day.09.2019" --all-present
done
for day in 2019-03-25 2019-03-26 2019-04-16 2019-04-17; do
  malaka attendance mark "$tour" --date "$day" --all-present
done
for event in "$khorezm" "$samarkand" "$tashkent" "$chuy" "$tour"; do
  malaka event held "$event"
done

step "Who completed the parenting-skills training in Khorezm"
malaka attendance show "$khorezm"

step "Who completed it in Samarkand"
malaka attendance show "$samarkand"

step "The calendar: the study tour's first days, every conflict, and an iCalendar file"
malaka agenda --from 25.03.2019 --to 26.03.2019
malaka schedule check
malaka calendar export --out "$out/sample-programme.ics"

step "Find a person however the name is typed"
malaka participant search "o'rinboyev"
malaka participant search "ЎРИНБОЕВ"

step "Issue the certificates: one PDF per person, and one bundle per event to print"
certificates="$out/certificates"
rm -rf "$certificates"
issue() { malaka certificates issue "$@" --templates "$root/certificate-templates"; }
malaka organisation set default --verification-url "https://malaka.example.uz/verify/"
issue "$khorezm" --issue-date 01.04.2019 --out "$certificates/khorezm" --bundle "$certificates/khorezm.pdf"
issue "$samarkand" --issue-date 15.10.2019 --out "$certificates/samarkand" --bundle "$certificates/samarkand.pdf"
issue "$tashkent" --template participation-uz-en --issue-date 15.11.2019 \
  --out "$certificates/tashkent" --bundle "$certificates/tashkent.pdf"
issue "$chuy" --issue-date 21.09.2019 --out "$certificates/chuy" --bundle "$certificates/chuy.pdf"
issue "$tour" --issue-date 20.04.2019 --out "$certificates/study-tour" --bundle "$certificates/study-tour.pdf"

step "Бахтиёр Раҳимов asks for his certificate in Latin script: it is re-issued under a new serial"
serial=$(malaka certificates list --event "$khorezm" --json \
  | awk '/"name" : "Бахтиёр Раҳимов"/ { found = 1 } found && /"serial"/ { print; exit }' | sed 's/.*"serial" : "\(.*\)".*/\1/')
malaka certificates reissue "$serial" --language uz-Latn --issue-date 03.04.2019 \
  --templates "$root/certificate-templates" --out "$certificates/khorezm"
malaka certificates list --event "$khorezm"

step "A school checks Gʻulomjon Oʻrinboyev's certificate offline, with only the files the programme shared"
malaka keys export-public --out "$out/malaka-public-keys.json"
malaka certificates revocations export --out "$out/revoked.json"
MALAKA_DB= malaka certificates verify "$certificates/khorezm/UZ-2019-000004_Gulomjon_Orinboyev.pdf" \
  --keys "$out/malaka-public-keys.json" --revocations "$out/revoked.json"
# His Cyrillic certificate was replaced by the Latin one: the answer says so, and exits 65.
MALAKA_DB= malaka certificates verify "$certificates/khorezm/UZ-2019-000007_Bakhtiyor_Rahimov.pdf" \
  --keys "$out/malaka-public-keys.json" --revocations "$out/revoked.json" || true
# Or with nothing installed: the page that checks a scanned or pasted token in any browser (docs/verifying.md).
malaka keys export-verifier --out "$out/verify.html"

step "What was held in 2019, where, and for whom"
malaka report regions --year 2019 --country UZ | sed -n '1,21p'
malaka report regions --year 2019 --format pdf --out "$out/region-summary-2019.pdf"
malaka report regions --year 2019 --format csv --out "$out/region-summary-2019.csv"

printf '\nThe sample programme is in %s\n' "$MALAKA_DB"
printf 'Its certificates are in %s/: a folder of PDFs per event, one per person, and a bundle per event to print.\n' "$certificates"

step "Accounts for malaka serve, one per role (demo passwords: change them for real use)"
echo "demo-trainer-pass" | malaka user add dilnoza --role trainer --region Xorazm --district "Urganch tumani"
echo "demo-coordinator-pass" | malaka user add aziz --role coordinator --region Xorazm
echo "demo-manager-pass" | malaka user add nodira --role manager --country UZ
echo "demo-admin-pass" | malaka user add admin --role admin

printf '\nTo see the programme in a browser, start the server on the demo database:\n'
printf '  %s serve --db %s --templates %s\n' "$malaka_bin" "$MALAKA_DB" "$root/certificate-templates"
printf 'then open http://127.0.0.1:8080/ and sign in as one of:\n'
printf '  dilnoza / demo-trainer-pass          trainer in Urganch (Xorazm): sessions and attendance\n'
printf '  aziz    / demo-coordinator-pass      coordinator of Xorazm: completion and certificates\n'
printf '  nodira  / demo-manager-pass          manager of Uzbekistan: the region summary (reads only)\n'
printf '  admin   / demo-admin-pass            administrator: everything\n'
printf 'Add --host 0.0.0.0 to let the phones on the same network in (docs/web.md).\n'
