#!/usr/bin/env bash
# The worked example of docs/api.md, run against `npm start` (demo city on http://localhost:8080).
set -euo pipefail
API=http://localhost:8080
CREDS=./data/demo-credentials.json
pw() { jq -r --arg u "$1" '.[] | select(.username == $u) | .password' "$CREDS"; }
login() { curl -sf -X POST $API/api/session -H 'content-type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$(pw "$1")\"}" | jq -r .token; }

curl -s $API/api/health; echo
CENTER=$(login center_staff.bc)
BANK=$(login hospital_blood_bank.h01)
NURSE=$(login clinician.h01)
echo "tokens ok"

# Stock, city-wide
curl -s "$API/api/units?limit=5&status=available&component=RED_CELLS&abo=O&sort=expiresAt" -H "authorization: Bearer $BANK" | jq -c '.items[] | {din, siteId, expiresAt}'

# A transfused demo unit and its whole history
DIN=$(curl -s "$API/api/units?status=transfused&site=H01&limit=1" -H "authorization: Bearer $BANK" | jq -r '.items[0].din')
curl -s "$API/api/units/$DIN/trace" -H "authorization: Bearer $BANK" | jq -r '(.collection + .events)[] | "\(.at)  \(.siteId)  \(.actor)  \(.type)"'

# 1. Collection at the blood center
C() { curl -s -X POST "$API$1" -H "authorization: Bearer $CENTER" -H 'content-type: application/json' -d "$2"; echo; }
C /api/donors '{"id":"DONOR-DOC-1","bloodGroup":{"abo":"O","rhd":"neg"}}'
C /api/donations '{"din":"G123499000017","donorId":"DONOR-DOC-1","productCode":"E9001V00","volumeMl":450}'
C /api/units/G123499000017/processing '{}'
C /api/units/G123499000017/test-results '{"results":[{"test":"ABO/RhD confirm","result":"negative"},{"test":"HBsAg","result":"negative"},{"test":"anti-HCV","result":"negative"},{"test":"anti-HIV","result":"negative"},{"test":"syphilis","result":"negative"},{"test":"ALT","result":"negative"},{"test":"NAT","result":"negative"}]}'
C /api/units/G123499000017/split '{"components":[{"productCode":"E9010V00","volumeMl":280},{"productCode":"E9030V00","volumeMl":200}]}'
RC=G123499000017-E9010V00
C /api/units/$RC/release '{}'
C /api/units/$RC/store '{"locationId":"BC-FRIDGE-1"}'

# 2. Shipment to hospital H01, received there by scanning the bag (DIN + product code bar codes)
SHIPMENT=$(curl -s -X POST $API/api/shipments -H "authorization: Bearer $CENTER" -H 'content-type: application/json' \
  -d "{\"toSiteId\":\"H01\",\"dins\":[\"$RC\"]}" | jq -r .id)
B() { curl -s -X POST "$API$1" -H "authorization: Bearer $BANK" -H 'content-type: application/json' -d "$2"; echo; }
B /api/shipments/$SHIPMENT/receipt '{"scans":["=G12349900001700=<E9010V00"]}'
B /api/units/$RC/store '{"locationId":"H01-FRIDGE-1"}'

# 3. Patient, blood group (two samples), crossmatch/reservation, issue
PATIENT=$(curl -s -X POST $API/api/patients -H "authorization: Bearer $BANK" -H 'content-type: application/json' \
  -d '{"mrn":"MRN-DOC-1","sex":"female","birthYear":1988}' | jq -r .id)
B /api/patients/$PATIENT/blood-groups '{"bloodGroup":{"abo":"O","rhd":"neg"},"sampleId":"S-1"}'
B /api/patients/$PATIENT/blood-groups '{"bloodGroup":{"abo":"O","rhd":"neg"},"sampleId":"S-2"}'
B /api/reservations "{\"patientId\":\"$PATIENT\",\"dins\":[\"$RC\"],\"until\":\"$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)\"}"
B /api/units/$RC/issue "{\"patientId\":\"$PATIENT\"}"

# 4. Bedside: a wrong patient is refused and recorded as a near miss; then the right one
N() { curl -s -X POST "$API$1" -H "authorization: Bearer $NURSE" -H 'content-type: application/json' -d "$2"; echo; }
N /api/bedside-checks "{\"din\":\"$RC\",\"patientId\":\"00000000-0000-4000-8000-000000000000\"}"
curl -s "$API/api/near-misses?limit=1" -H "authorization: Bearer $NURSE" | jq -c '.items[0] | {kind, din, detail}'
N /api/bedside-checks "{\"din\":\"$RC\",\"patientId\":\"$PATIENT\"}"
N /api/units/$RC/transfusion-start "{\"patientId\":\"$PATIENT\"}"
N /api/units/$RC/transfusion-end '{"volumeMl":280}'

# 5. Adverse reaction: the supplying center is notified
N /api/reactions "{\"din\":\"$RC\",\"reactionType\":\"febrile non-haemolytic\",\"severity\":\"non-severe\",\"imputability\":1}"
curl -s "$API/api/notifications?kind=ADVERSE_REACTION&limit=1" -H "authorization: Bearer $CENTER" | jq -c '.items[0] | {siteId, subject}'

# 6. Lookback from the donor: in-date components held wherever they are, their sites notified
C /api/lookbacks '{"donorId":"DONOR-DOC-1","reason":"donor anti-HCV reactive at next donation"}'

# 7. Site scoping: another hospital cannot see this patient
OTHER=$(login hospital_blood_bank.h02)
curl -s $API/api/patients/$PATIENT -H "authorization: Bearer $OTHER"; echo
# Errors: one JSON shape, stable codes
curl -s $API/api/units/G999999999999 -H "authorization: Bearer $BANK"; echo
curl -s $API/api/units; echo
